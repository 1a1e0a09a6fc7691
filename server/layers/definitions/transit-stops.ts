import type { LayerDefinition } from '../layer-definition.ts';
import { IS_ACCESSIBLE_PROPERTY, IS_APPROXIMATE_PROPERTY, REQUIRED_NAME_PROPERTIES, TIMESTAMP_PROPERTIES, TRANSIT_MODE_VALUES } from './shared-properties.ts';

/** Tram stations, busway stations and bus stops, with the lines that serve each. */
export const transitStops: LayerDefinition = {
  id: 'transit_stops',
  title: { fr: 'Stations et arrêts', ar: 'المحطات والمواقف', en: 'Stations and stops' },
  description: {
    fr: 'Stations de tramway et de busway, arrêts de bus. Positions approximatives.',
    ar: 'محطات الترامواي والباصواي ومواقف الحافلات. المواقع تقريبية.',
    en: 'Tram and busway stations, bus stops. Positions are approximate.',
  },
  family: 'mobility',
  table: { schema: 'public', name: 'transit_stops' },
  idColumn: 'id',
  versionColumn: 'version',
  createdAtColumn: 'created_at',
  updatedAtColumn: 'updated_at',
  geometry: { column: 'geom', types: ['Point'], srid: 4326 },
  properties: {
    code: {
      column: 'code',
      type: 'string',
      label: { fr: 'Code', ar: 'الرمز', en: 'Code' },
      required: true,
      max: 32,
      filterable: true,
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
    ...TIMESTAMP_PROPERTIES,
  },
  nameProperties: { fr: 'name_fr', ar: 'name_ar' },
  tiles: { projectedColumn: 'geom_3857', minzoom: 11, maxzoom: 22, extent: 4096, buffer: 64 },
  access: {
    read: ['public', 'planner', 'inspector', 'admin'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
    personal: ['admin'],
    areaScoped: [],
  },
  style: {
    kind: 'circle',
    color: '#333333',
    colorProperty: 'mode',
    colorByValue: { tram: '#1b1f3b', brt: '#4b4f63', bus: '#8d93a3' },
    size: 5,
    isLabelled: true,
  },
  isVisibleByDefault: true,
};
