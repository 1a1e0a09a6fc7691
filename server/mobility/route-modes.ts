/** casa-sig's transit modes, as the layers store them. */
export type TransitMode = 'tram' | 'brt' | 'bus' | 'rail';

/**
 * A GTFS route_type (basic or extended, https://gtfs.org/schedule/reference/#routestxt) as a casa-sig
 * mode. GTFS has no type of its own for bus rapid transit: casa-sig reads the extended type 702
 * ("express bus service") as busway (BRT / BHNS), which is what the sample feed writes for BW1 and BW2.
 * Ferries, cable cars and other types a city bus network does not have are drawn as buses.
 */
export function modeOfRouteType(routeType: number): TransitMode {
  if (routeType === 702) return 'brt';
  if (routeType === 0 || routeType === 5 || (routeType >= 900 && routeType < 1000)) return 'tram';
  if ([1, 2, 12].includes(routeType) || (routeType >= 100 && routeType < 200) || (routeType >= 400 && routeType < 500)) return 'rail';
  return 'bus';
}

/** Line colour when the feed gives none, lower-case #rrggbb as transit_routes requires. */
export const DEFAULT_MODE_COLOURS: Readonly<Record<TransitMode, string>> = {
  tram: '#e2001a',
  brt: '#0072bc',
  bus: '#f7a800',
  rail: '#1e4d8c',
};
