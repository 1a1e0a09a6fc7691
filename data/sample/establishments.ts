import { getArrondissementAreas } from './admin-geometry.ts';
import { CATEGORY_PROFILES, type EstablishmentCategory, TRADE_NAMES } from './establishment-names.ts';
import type { LonLat } from './geometry.ts';
import { randomCompany, randomPerson } from './people.ts';
import { allocateCounts, randomPointIn } from './placement.ts';
import { createRandom } from './random.ts';
import type { RoadSegmentRow } from './road-types.ts';

/** One establishments row (latest_grade is filled in from the inspections). */
export interface EstablishmentRow {
  name_fr: string;
  name_ar: string;
  category: EstablishmentCategory;
  address_fr: string;
  operator_name: string;
  latest_grade: 'A' | 'B' | 'C' | null;
  geometry: { type: 'Point'; coordinates: LonLat };
}

const SAMPLE_ESTABLISHMENT_COUNT = 400;
const MIN_ESTABLISHMENTS_PER_ARRONDISSEMENT = 10;
/** Metres per degree of latitude; longitude degrees are scaled by cos(latitude) at Casablanca. */
const METRES_PER_DEGREE = 111_195;
const LON_FACTOR = Math.cos((33.58 * Math.PI) / 180);

/** Squared planar distance (m²) from a point to a segment, in a local metric frame. */
function squaredDistanceToSegment(point: LonLat, from: LonLat, to: LonLat): number {
  const [px, py] = [point[0] * LON_FACTOR * METRES_PER_DEGREE, point[1] * METRES_PER_DEGREE];
  const [ax, ay] = [from[0] * LON_FACTOR * METRES_PER_DEGREE, from[1] * METRES_PER_DEGREE];
  const [bx, by] = [to[0] * LON_FACTOR * METRES_PER_DEGREE, to[1] * METRES_PER_DEGREE];
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / lengthSquared));
  return (px - ax - t * (bx - ax)) ** 2 + (py - ay - t * (by - ay)) ** 2;
}

/** The French name of the named road segment nearest to a point: the street of its postal address. */
function nearestStreetName(point: LonLat, roads: readonly RoadSegmentRow[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const road of roads) {
    if (!road.name_fr || road.road_class === 'motorway') continue;
    const line = road.geometry.coordinates;
    for (let index = 1; index < line.length; index += 1) {
      const distance = squaredDistanceToSegment(point, line[index - 1]!, line[index]!);
      if (!best || distance < best.distance) best = { name: road.name_fr, distance };
    }
  }
  return best?.name;
}

/**
 * The sample food and hygiene premises: every category, spread over all 16 arrondissements in
 * proportion to population, addressed on their nearest sample street. latest_grade is left null here.
 */
export function buildEstablishments(roads: readonly RoadSegmentRow[], total = SAMPLE_ESTABLISHMENT_COUNT): EstablishmentRow[] {
  const random = createRandom('establishments');
  const areas = getArrondissementAreas();
  const counts = allocateCounts(total, areas.map((area) => area.population), MIN_ESTABLISHMENTS_PER_ARRONDISSEMENT);
  const categories = Object.keys(CATEGORY_PROFILES) as EstablishmentCategory[];
  const weights = Object.fromEntries(categories.map((category) => [category, CATEGORY_PROFILES[category].weight])) as Record<
    EstablishmentCategory,
    number
  >;
  let made = 0;
  return areas.flatMap((area, areaIndex) =>
    Array.from({ length: counts[areaIndex]! }, (): EstablishmentRow => {
      // The first twelve cycle through the categories so that each one is present whatever the draw.
      const category = made < categories.length ? categories[made]! : random.weighted(weights);
      made += 1;
      const profile = CATEGORY_PROFILES[category];
      const [tradeFr, tradeAr] = random.pick(TRADE_NAMES);
      const point = randomPointIn(area, random);
      const street = nearestStreetName(point, roads) ?? area.nameFr;
      return {
        name_fr: `${profile.labelFr} ${tradeFr}`,
        name_ar: `${profile.labelAr} ${tradeAr}`,
        category,
        address_fr: `${random.int(1, 240)}, ${street}, ${area.nameFr}, Casablanca`,
        operator_name: random.chance(0.25) ? randomCompany(random) : randomPerson(random).fullName,
        latest_grade: null,
        geometry: { type: 'Point', coordinates: point },
      };
    }),
  );
}
