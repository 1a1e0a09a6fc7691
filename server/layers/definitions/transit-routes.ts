import type { LayerDefinition } from '../layer-definition.ts';
import { IS_APPROXIMATE_PROPERTY, REQUIRED_NAME_PROPERTIES, TIMESTAMP_PROPERTIES, TRANSIT_MODE_VALUES } from './shared-properties.ts';

/** Tram, busway (BRT) and bus lines, each drawn in its line colour. */
export const transitRoutes: LayerDefinition = {
  id: 'transit_routes',
  title: { fr: 'Lignes de transport', ar: 'خطوط النقل', en: 'Transit lines' },
  description: {
    fr: 'Lignes de tramway, de busway et de bus. Tracés approximatifs.',
    ar: 'خطوط الترامواي والباصواي والحافلات. المسارات تقريبية.',
    en: 'Tram, busway and bus lines. Alignments are approximate.',
  },
  family: 'mobility',
  table: { schema: 'public', name: 'transit_routes' },
  idColumn: 'id',
  versionColumn: 'version',
  updatedAtColumn: 'updated_at',
  geometry: { column: 'geom', types: ['MultiLineString'], srid: 4326 },
  properties: {
    mode: {
      column: 'mode',
      type: 'enum',
      label: { fr: 'Mode', ar: 'وسيلة النقل', en: 'Mode' },
      values: TRANSIT_MODE_VALUES,
      required: true,
      filterable: true,
      inTiles: true,
    },
    line_code: {
      column: 'line_code',
      type: 'string',
      label: { fr: 'Ligne', ar: 'الخط', en: 'Line' },
      required: true,
      max: 8,
      filterable: true,
      inTiles: true,
    },
    ...REQUIRED_NAME_PROPERTIES,
    colour: {
      column: 'colour',
      type: 'string',
      label: { fr: 'Couleur', ar: 'اللون', en: 'Colour' },
      required: true,
      max: 7,
      inTiles: true,
    },
    operator: {
      column: 'operator',
      type: 'string',
      label: { fr: 'Exploitant', ar: 'المستغل', en: 'Operator' },
      required: true,
      max: 200,
    },
    is_accessible: {
      column: 'is_accessible',
      type: 'boolean',
      label: { fr: 'Accessible PMR', ar: 'ولوجة للأشخاص ذوي الإعاقة', en: 'Step-free access' },
      inTiles: true,
    },
    ...IS_APPROXIMATE_PROPERTY,
    ...TIMESTAMP_PROPERTIES,
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { minzoom: 0, maxzoom: 22, extent: 4096, buffer: 64 },
  access: {
    read: ['public', 'planner', 'inspector', 'admin'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
    personal: ['admin'],
  },
  style: { kind: 'line', color: '#e2001a', colorProperty: 'colour', size: 4 },
  isVisibleByDefault: true,
};
