import type { ArrondissementArea } from './admin-geometry.ts';
import { type LonLat, isInMultiPolygon, lineLengthMeters, offsetMeters, roundPosition } from './geometry.ts';
import type { OsmRoad } from './osm-data.ts';
import type { Random } from './random.ts';

/** Road classes along which premises and parcels front (not motorways, slip roads, tracks or steps). */
const FRONTAGE_CLASSES = new Set(['primary', 'secondary', 'tertiary', 'residential', 'living_street', 'unclassified', 'pedestrian', 'service']);

/** The streets of each arrondissement (by the middle of each road) that premises can front on. */
export function frontageRoads(roads: readonly OsmRoad[], areas: readonly ArrondissementArea[]): Map<string, OsmRoad[]> {
  const byArea = new Map<string, OsmRoad[]>(areas.map((area) => [area.code, []]));
  for (const road of roads) {
    if (!FRONTAGE_CLASSES.has(road.fclass)) continue;
    const middle = road.line[Math.floor(road.line.length / 2)]!;
    const area = areas.find((candidate) => isInMultiPolygon(middle, candidate.coordinates));
    if (area) byArea.get(area.code)!.push(road);
  }
  return byArea;
}

/** A place beside a street: where a shop or a parcel fronts on it, and the street's name for its address. */
export interface Frontage {
  position: LonLat;
  streetName: string | null;
}

/**
 * A point beside a random street of the arrondissement: at a random place along it, set back by
 * `setback` metres (the pavement, the building line) on a random side, inside the arrondissement. Named
 * streets are preferred (an address needs one). Falls back to any street when the draw leaves the area.
 */
export function frontageIn(area: ArrondissementArea, roads: readonly OsmRoad[], random: Random, setback: readonly [number, number]): Frontage {
  const named = roads.filter((road) => road.nameFr !== null);
  const pool = named.length > 0 && random.chance(0.8) ? named : roads;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const road = random.pick(pool);
    const along = random.float(0, lineLengthMeters(road.line));
    let walked = 0;
    for (let index = 1; index < road.line.length; index += 1) {
      const [from, to] = [road.line[index - 1]!, road.line[index]!];
      const step = lineLengthMeters([from, to]);
      if (walked + step < along && index < road.line.length - 1) {
        walked += step;
        continue;
      }
      const t = step === 0 ? 0 : Math.min(1, (along - walked) / step);
      const on: LonLat = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
      // The perpendicular of the step, in metres east and north (longitude degrees shrink with latitude).
      const east = (to[0] - from[0]) * Math.cos((on[1] * Math.PI) / 180);
      const north = to[1] - from[1];
      const norm = Math.hypot(east, north) || 1;
      const side = random.chance(0.5) ? 1 : -1;
      const distance = random.float(...setback) * side;
      const position = roundPosition(offsetMeters(on, (-north / norm) * distance, (east / norm) * distance));
      if (isInMultiPolygon(position, area.coordinates)) return { position, streetName: road.nameFr };
      break;
    }
  }
  throw new Error(`Could not place anything beside a street of ${area.nameFr}`);
}
