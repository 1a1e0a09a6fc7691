import type { LonLat } from './geometry.ts';

/** Values of transit_routes.mode / transit_stops.mode. */
export type TransitMode = 'tram' | 'brt' | 'bus';

/**
 * A stop as written in the data files: [code, name in French, name in Arabic, longitude, latitude]
 * (EPSG:4326). Positions are placed by hand from general knowledge of the city: approximate.
 */
export type StopEntry = readonly [code: string, nameFr: string, nameAr: string, lon: number, lat: number];

/** A stop of the sample network. One row even where several lines meet, so line_codes lists them all. */
export interface TransitStopSpec {
  code: string;
  mode: TransitMode;
  nameFr: string;
  nameAr: string;
  position: LonLat;
  isAccessible: boolean;
}

/** A line: its stops in travel order (one direction); the route geometry runs through them. */
export interface TransitRouteSpec {
  lineCode: string;
  mode: TransitMode;
  nameFr: string;
  nameAr: string;
  /** Lower-case #rrggbb, as the CHECK on transit_routes.colour requires. */
  colour: string;
  operator: string;
  isAccessible: boolean;
  stopCodes: readonly string[];
}

/** Turns data-file entries into stop specs of one mode. */
export function toStops(entries: readonly StopEntry[], mode: TransitMode, isAccessible: boolean): TransitStopSpec[] {
  return entries.map(([code, nameFr, nameAr, lon, lat]) => ({ code, mode, nameFr, nameAr, position: [lon, lat], isAccessible }));
}
