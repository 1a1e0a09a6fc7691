import { defineLayer } from '../define-layer.ts';
import { OPTIONAL_NAME_PROPERTIES, REQUIRED_NAME_PROPERTIES } from './shared-properties.ts';

/** Préfectures, arrondissements and communes: the reference every other feature is located in. */
export const adminAreas = defineLayer({
  id: 'admin_areas',
  title: { fr: 'Découpage administratif', ar: 'التقسيم الإداري', en: 'Administrative areas' },
  description: {
    fr: 'Préfectures et arrondissements de Casablanca, avec leurs codes officiels.',
    ar: 'عمالات ومقاطعات الدار البيضاء مع رموزها الرسمية.',
    en: 'Préfectures and arrondissements of Casablanca with their official codes.',
  },
  family: 'reference',
  geometry: { types: ['MultiPolygon'] },
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
    name_fr: REQUIRED_NAME_PROPERTIES.name_fr!,
    // A source may name an area in French only (a préfecture derived from its arrondissements, say).
    name_ar: { ...OPTIONAL_NAME_PROPERTIES.name_ar!, isUnknownWhenNull: true },
    parent_id: {
      column: 'parent_id',
      type: 'integer',
      label: { fr: 'Rattachement', ar: 'التبعية', en: 'Parent area' },
      min: 1,
      references: 'admin_areas',
    },
    population: {
      column: 'population',
      type: 'integer',
      label: { fr: 'Population (RGPH 2014)', ar: 'السكان (إحصاء 2014)', en: 'Population (2014 census)' },
      min: 0,
      max: 10_000_000,
      inTiles: true,
      isUnknownWhenNull: true,
    },
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { minzoom: 0 },
  roles: { isAdminAreas: true },
  hierarchy: {
    levelProperty: 'level',
    parentProperty: 'parent_id',
    parentLevels: { prefecture: [], arrondissement: ['prefecture'], commune: ['prefecture'] },
    constraint: 'admin_areas_check',
    cityLevel: 'arrondissement',
  },
  search: {
    kind: 'admin_area',
    kindLabel: { fr: 'Découpage administratif', ar: 'تقسيم إداري', en: 'Administrative area' },
    weight: 1,
    importance: 0.25,
    subtypeProperty: 'level',
    codeProperty: 'code',
  },
  access: 'publicReference',
  style: {
    kind: 'fill',
    color: '#7a6f9b',
    colorProperty: 'level',
    colorByValue: { prefecture: '#5b4f84', arrondissement: '#7a6f9b', commune: '#9b8fbd' },
    size: 1.5,
    isLabelled: true,
    labelZooms: { prefecture: { max: 11 }, arrondissement: { min: 11 }, commune: { min: 11 } },
  },
});
