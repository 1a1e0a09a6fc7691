import type { GeometryType, LayerDefinition, PropertyDefinition } from './layer-definition.ts';

/**
 * Named access presets: who may do what with a layer. A new layer picks one (or spells its own out);
 * auth/policy.ts applies them, API keys get the same through scopes.
 */
export const ACCESS_PRESETS = {
  /** Everyone reads; administrators maintain it (reference data, the transit network). */
  publicReference: { read: ['public', 'planner', 'inspector', 'admin'], create: ['admin'], update: ['admin'], delete: ['admin'], personal: ['admin'], areaScoped: [] },
  /** Everyone reads; planners draw and describe it (the street heritage). */
  plannerEdited: { read: ['public', 'planner', 'inspector', 'admin'], create: ['planner', 'admin'], update: ['planner', 'admin'], delete: ['planner', 'admin'], personal: ['admin'], areaScoped: [] },
  /**
   * Inspectors' files the public may see without the personal properties (permits, establishments);
   * inspectors assigned to areas work only there.
   */
  inspectorFiles: { read: ['public', 'planner', 'inspector', 'admin'], create: ['inspector', 'admin'], update: ['inspector', 'admin'], delete: ['admin'], personal: ['inspector', 'admin'], areaScoped: ['inspector'] },
  /** Inspectors' own records, closed to the public and planners (inspections). */
  inspectorOnly: { read: ['inspector', 'admin'], create: ['inspector', 'admin'], update: ['inspector', 'admin'], delete: ['admin'], personal: ['inspector', 'admin'], areaScoped: ['inspector'] },
} as const satisfies Record<string, LayerDefinition['access']>;

/** Created/updated instants that every layer exposes read-only (columns of the standard table). */
const TIMESTAMP_PROPERTIES: Readonly<Record<string, PropertyDefinition>> = {
  created_at: { column: 'created_at', type: 'datetime', label: { fr: 'Créé le', ar: 'تاريخ الإنشاء', en: 'Created' }, editable: false },
  updated_at: { column: 'updated_at', type: 'datetime', label: { fr: 'Modifié le', ar: 'تاريخ التعديل', en: 'Updated' }, editable: false, filterable: true },
};

/** What a layer file declares; everything else takes the defaults of the standard layer table. */
export type LayerDeclaration = Omit<LayerDefinition, 'table' | 'idColumn' | 'areaColumn' | 'versionColumn' | 'createdAtColumn' | 'updatedAtColumn' | 'geometry' | 'tiles' | 'access' | 'isVisibleByDefault'> & {
  /** Default: public.<id>. */
  table?: LayerDefinition['table'];
  geometry: { types: readonly GeometryType[] } & Partial<LayerDefinition['geometry']>;
  /** Zoom range; extent 4096, buffer 64 and the projected column geom_3857 by default. */
  tiles: { minzoom: number } & Partial<LayerDefinition['tiles']>;
  /** A preset name or the lists themselves. */
  access: keyof typeof ACCESS_PRESETS | LayerDefinition['access'];
  /** Default: true. */
  isVisibleByDefault?: boolean;
  /** Default: true (created_at and updated_at are appended to the properties). */
  hasTimestamps?: boolean;
};

/**
 * A layer definition from its declaration, with the defaults of the standard layer table (see
 * migrations/0002_layers.sql): `public.<id>` with an `id` bigint key, `version`, `created_at`, `updated_at`,
 * the geometry in `geom` (EPSG:4326) and its EPSG:3857 copy in `geom_3857`, and `area_id`, the admin area
 * the feature lies in (migrations/0012_feature_area.sql).
 */
export function defineLayer(declaration: LayerDeclaration): LayerDefinition {
  const { hasTimestamps = true, access, table, geometry, tiles, isVisibleByDefault = true, ...rest } = declaration;
  return {
    ...rest,
    table: table ?? { schema: 'public', name: declaration.id },
    idColumn: 'id',
    areaColumn: 'area_id',
    versionColumn: 'version',
    createdAtColumn: 'created_at',
    updatedAtColumn: 'updated_at',
    geometry: { column: 'geom', srid: 4326, ...geometry },
    properties: hasTimestamps ? { ...declaration.properties, ...TIMESTAMP_PROPERTIES } : declaration.properties,
    tiles: { projectedColumn: 'geom_3857', maxzoom: 22, extent: 4096, buffer: 64, ...tiles },
    access: typeof access === 'string' ? ACCESS_PRESETS[access] : access,
    isVisibleByDefault,
  };
}

