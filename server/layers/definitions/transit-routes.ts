import { defineLayer } from '../define-layer.ts';
import { IS_ACCESSIBLE_PROPERTY, IS_APPROXIMATE_PROPERTY, REQUIRED_NAME_PROPERTIES, TRANSIT_MODE_VALUES } from './shared-properties.ts';

/** Tram, busway (BRT) and bus lines, each drawn in its line colour. */
export const transitRoutes = defineLayer({
  id: 'transit_routes',
  title: { fr: 'Lignes de transport', ar: 'خطوط النقل', en: 'Transit lines' },
  description: {
    fr: 'Lignes de tramway, de busway et de bus. Tracés approximatifs.',
    ar: 'خطوط الترامواي والباصواي والحافلات. المسارات تقريبية.',
    en: 'Tram, busway and bus lines. Alignments are approximate.',
  },
  family: 'mobility',
  geometry: { types: ['MultiLineString'] },
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
      max: 32,
      filterable: true,
      inTiles: true,
    },
    gtfs_route_id: {
      column: 'gtfs_route_id',
      type: 'string',
      label: { fr: 'Identifiant GTFS', ar: 'معرف GTFS', en: 'GTFS route_id' },
      editable: false,
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
    ...IS_ACCESSIBLE_PROPERTY,
    ...IS_APPROXIMATE_PROPERTY,
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { minzoom: 0 },
  search: {
    kind: 'transit_route',
    kindLabel: { fr: 'Ligne', ar: 'خط', en: 'Line' },
    weight: 0.9,
    importance: 0.2,
    subtypeProperty: 'mode',
    codeProperty: 'line_code',
    detailProperties: ['colour'],
  },
  access: 'publicReference',
  style: { kind: 'line', color: '#5b6770', colorProperty: 'colour', size: 4 },
});
