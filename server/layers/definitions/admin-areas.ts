import type { LayerDefinition } from '../layer-definition.ts';
import { REQUIRED_NAME_PROPERTIES, TIMESTAMP_PROPERTIES } from './shared-properties.ts';

/** Préfectures, arrondissements and communes: the reference every other feature is located in. */
export const adminAreas: LayerDefinition = {
  id: 'admin_areas',
  title: { fr: 'Découpage administratif', ar: 'التقسيم الإداري', en: 'Administrative areas' },
  description: {
    fr: 'Préfectures et arrondissements de Casablanca, avec leurs codes officiels.',
    ar: 'عمالات ومقاطعات الدار البيضاء مع رموزها الرسمية.',
    en: 'Préfectures and arrondissements of Casablanca with their official codes.',
  },
  family: 'reference',
  table: { schema: 'public', name: 'admin_areas' },
  idColumn: 'id',
  versionColumn: 'version',
  createdAtColumn: 'created_at',
  updatedAtColumn: 'updated_at',
  geometry: { column: 'geom', types: ['MultiPolygon'], srid: 4326 },
  properties: {
    level: {
      column: 'level',
      type: 'enum',
      label: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
      values: {
        prefecture: { fr: 'Préfecture', ar: 'عمالة', en: 'Prefecture' },
        arrondissement: { fr: 'Arrondissement', ar: 'مقاطعة', en: 'District' },
        commune: { fr: 'Commune', ar: 'جماعة', en: 'Municipality' },
      },
      required: true,
      filterable: true,
      inTiles: true,
    },
    code: {
      column: 'code',
      type: 'string',
      label: { fr: 'Code officiel', ar: 'الرمز الرسمي', en: 'Official code' },
      required: true,
      max: 32,
      filterable: true,
      inTiles: true,
    },
    ...REQUIRED_NAME_PROPERTIES,
    parent_id: {
      column: 'parent_id',
      type: 'integer',
      label: { fr: 'Rattachement', ar: 'التبعية', en: 'Parent area' },
      min: 1,
    },
    population: {
      column: 'population',
      type: 'integer',
      label: { fr: 'Population (RGPH 2014)', ar: 'السكان (إحصاء 2014)', en: 'Population (2014 census)' },
      min: 0,
      max: 10_000_000,
      inTiles: true,
    },
    ...TIMESTAMP_PROPERTIES,
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { projectedColumn: 'geom_3857', minzoom: 0, maxzoom: 22, extent: 4096, buffer: 64 },
  access: {
    read: ['public', 'planner', 'inspector', 'admin'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
    personal: ['admin'],
    areaScoped: [],
  },
  style: { kind: 'fill', color: '#7a6f9b', colorProperty: 'level', colorByValue: { prefecture: '#5b4f84', arrondissement: '#7a6f9b', commune: '#9b8fbd' }, size: 1.5, isLabelled: true },
  isVisibleByDefault: true,
};
