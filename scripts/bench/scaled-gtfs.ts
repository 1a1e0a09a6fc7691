import { buildSampleGtfsFiles, zipGtfsFiles } from '../../data/sample/gtfs-feed.ts';
import { distanceMeters, type LonLat, offsetMeters } from '../../data/sample/geometry.ts';
import { createRandom } from '../../data/sample/random.ts';
import { TRANSIT_ROUTES, TRANSIT_STOPS } from '../../data/sample/transit.ts';
import type { TransitRouteSpec, TransitStopSpec } from '../../data/sample/transit-types.ts';

/** Where generated bus lines may run: the built-up city, EPSG:4326 [west, south, east, north]. */
const CITY: readonly [number, number, number, number] = [-7.72, 33.5, -7.48, 33.64];
/** A generated stop this close to an existing one is that stop: lines meet there, as real lines do. */
const SHARE_METRES = 150;

/**
 * The sample network plus `busLines` generated bus lines (about 150 is a Casablanca-sized network: Alsa
 * runs about that many), for benchmarks. Each line runs 12 to 30 stops about 400 m apart along a gently
 * turning course across the city, sharing a stop with any line already passing within 150 m; timetables
 * follow the sample's bus service plan. Deterministic (seeded). Returns the zipped feed.
 */
export function buildScaledGtfsZip(busLines: number): { zip: Uint8Array; routes: number; stops: number } {
  const random = createRandom(`scaled-gtfs:${busLines}`);
  const stops: TransitStopSpec[] = [...TRANSIT_STOPS];
  const busStops = stops.filter((stop) => stop.mode === 'bus');
  const routes: TransitRouteSpec[] = [...TRANSIT_ROUTES];
  const inCity = ([lon, lat]: LonLat) => lon > CITY[0] && lon < CITY[2] && lat > CITY[1] && lat < CITY[3];
  for (let line = 1; line <= busLines; line += 1) {
    let position: LonLat = [random.float(CITY[0], CITY[2]), random.float(CITY[1], CITY[3])];
    let heading = random.float(0, 2 * Math.PI);
    const codes: string[] = [];
    const length = random.int(12, 30);
    for (let index = 0; index < length; index += 1) {
      if (index > 0) {
        heading += random.float(-0.35, 0.35);
        let next = offsetMeters(position, Math.cos(heading) * random.float(300, 500), Math.sin(heading) * random.float(300, 500));
        if (!inCity(next)) {
          heading += Math.PI;
          next = offsetMeters(position, Math.cos(heading) * 400, Math.sin(heading) * 400);
        }
        position = next;
      }
      const shared = busStops.find((stop) => distanceMeters(stop.position, position) <= SHARE_METRES && !codes.includes(stop.code));
      if (shared) {
        codes.push(shared.code);
        continue;
      }
      const code = `SB${line}-${index + 1}`;
      const stop: TransitStopSpec = { code, mode: 'bus', nameFr: `Arrêt ${line}.${index + 1}`, nameAr: `موقف ${line}.${index + 1}`, position, isAccessible: false };
      stops.push(stop);
      busStops.push(stop);
      codes.push(code);
    }
    const colour = `#${random.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
    routes.push({
      lineCode: `S${line}`, mode: 'bus', nameFr: `S${line} Ligne ${line}`, nameAr: `S${line} الخط ${line}`, colour, operator: 'Alsa Al Baida', isAccessible: true, stopCodes: codes,
    });
  }
  return { zip: zipGtfsFiles(buildSampleGtfsFiles(routes, stops)), routes: routes.length, stops: stops.length };
}
