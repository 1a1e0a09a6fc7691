import { getArrondissementAreas } from './admin-geometry.ts';
import { CATEGORY_PROFILES, type EstablishmentCategory, TRADE_NAMES } from './establishment-names.ts';
import type { LonLat } from './geometry.ts';
import { randomCompany, randomPerson } from './people.ts';
import type { OsmRoad } from './osm-data.ts';
import { allocateCounts } from './placement.ts';
import { createRandom } from './random.ts';
import { frontageIn } from './street-placement.ts';

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

/**
 * The sample food and hygiene premises: every category, spread over all 16 arrondissements in
 * proportion to population, each fronting on a real street of its arrondissement (OpenStreetMap) and
 * addressed on it. latest_grade is left null here.
 */
export function buildEstablishments(roadsByArea: ReadonlyMap<string, readonly OsmRoad[]>, total = SAMPLE_ESTABLISHMENT_COUNT): EstablishmentRow[] {
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
      const frontage = frontageIn(area, roadsByArea.get(area.code) ?? [], random, [6, 14]);
      return {
        name_fr: `${profile.labelFr} ${tradeFr}`,
        name_ar: `${profile.labelAr} ${tradeAr}`,
        category,
        address_fr: `${random.int(1, 240)}, ${frontage.streetName ?? area.nameFr}, ${area.nameFr}, Casablanca`,
        operator_name: random.chance(0.25) ? randomCompany(random) : randomPerson(random).fullName,
        latest_grade: null,
        geometry: { type: 'Point', coordinates: frontage.position },
      };
    }),
  );
}
