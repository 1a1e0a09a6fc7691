import { defineLayer } from '../define-layer.ts';
import { IS_ACCESSIBLE_PROPERTY, IS_APPROXIMATE_PROPERTY, REQUIRED_NAME_PROPERTIES, TRANSIT_MODE_VALUES } from './shared-properties.ts';

/** Tram stations, busway stations and bus stops, with the lines that serve each. */
export const transitStops = defineLayer({
  id: 'transit_stops',
  title: { fr: 'Stations et arrêts', ar: 'المحطات والمواقف', en: 'Stations and stops' },
  description: {
    fr: 'Stations de tramway et de busway, arrêts de bus. Positions approximatives.',
    ar: 'محطات الترامواي والباصواي ومواقف الحافلات. المواقع تقريبية.',
    en: 'Tram and busway stations, bus stops. Positions are approximate.',
  },
  family: 'mobility',
  geometry: { types: ['Point'] },
  properties: {
    code: {
      column: 'code',
      type: 'string',
      label: { fr: 'Code', ar: 'الرمز', en: 'Code' },
      required: true,
      max: 64,
      filterable: true,
    },
    gtfs_stop_id: {
      column: 'gtfs_stop_id',
      type: 'string',
      label: { fr: 'Identifiant GTFS', ar: 'معرف GTFS', en: 'GTFS stop_id' },
      editable: false,
      filterable: true,
      inTiles: true,
    },
    mode: {
      column: 'mode',
      type: 'enum',
      label: { fr: 'Mode', ar: 'وسيلة النقل', en: 'Mode' },
      values: TRANSIT_MODE_VALUES,
      required: true,
      filterable: true,
      inTiles: true,
    },
    ...REQUIRED_NAME_PROPERTIES,
    line_codes: {
      column: 'line_codes',
      type: 'string_list',
      label: { fr: 'Lignes desservies', ar: 'الخطوط', en: 'Lines serving' },
      editable: false,
      inTiles: true,
    },
    ...IS_ACCESSIBLE_PROPERTY,
    ...IS_APPROXIMATE_PROPERTY,
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { minzoom: 11 },
  search: {
    kind: 'transit_stop',
    kindLabel: { fr: 'Station ou arrêt', ar: 'محطة أو موقف', en: 'Station or stop' },
    weight: 0.9,
    importance: 0.15,
    subtypeProperty: 'mode',
    codeProperty: 'code',
    detailProperties: ['line_codes'],
  },
  access: 'publicReference',
  style: {
    kind: 'circle',
    color: '#333333',
    colorProperty: 'mode',
    colorByValue: { tram: '#1b1f3b', brt: '#4b4f63', bus: '#8d93a3', rail: '#2e3250' },
    size: 5,
    isLabelled: true,
  },
});
