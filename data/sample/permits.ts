import { getArrondissementAreas } from './admin-geometry.ts';
import { SAMPLE_REFERENCE_DATE, addDays, daysBetween } from './dates.ts';
import type { LonLat, Ring } from './geometry.ts';
import { emailFor, randomCompany, randomMobilePhone, randomPerson } from './people.ts';
import { PERMIT_KINDS, type PermitKind, type PermitKindProfile } from './permit-texts.ts';
import type { OsmRoad } from './osm-data.ts';
import { allocateCounts, randomFootprintAround } from './placement.ts';
import { frontageIn } from './street-placement.ts';
import { type Random, createRandom } from './random.ts';

export type PermitStatus = 'submitted' | 'under_review' | 'approved' | 'rejected' | 'expired' | 'revoked';

/** One permits row, keyed by column name, with its geometry as GeoJSON (parcel point or footprint). */
export interface PermitRow {
  reference: string;
  kind: PermitKind;
  status: PermitStatus;
  submitted_on: string;
  decided_on: string | null;
  valid_until: string | null;
  description_fr: string;
  description_ar: string;
  applicant_name: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'Polygon'; coordinates: Ring[] };
}

const SAMPLE_PERMIT_COUNT = 600;
/** Every arrondissement gets at least this many permits; the rest follows population. */
const MIN_PERMITS_PER_ARRONDISSEMENT = 15;
/** Applications span the three years before the reference date. */
const HISTORY_DAYS = 3 * 365;

/**
 * Status and dates that satisfy the table's CHECKs: undecided (submitted, under review) while the
 * processing time has not elapsed; otherwise decided, and an approval whose validity has run out
 * before the reference date is expired.
 */
function decide(profile: PermitKindProfile, submittedOn: string, random: Random): Pick<PermitRow, 'status' | 'decided_on' | 'valid_until'> {
  const processing = random.int(...profile.processingDays);
  const age = daysBetween(submittedOn, SAMPLE_REFERENCE_DATE);
  if (age < processing) {
    return { status: age < processing / 3 ? 'submitted' : 'under_review', decided_on: null, valid_until: null };
  }
  const decidedOn = addDays(submittedOn, processing);
  const outcome = random.weighted({ approved: 78, rejected: 18, revoked: 4 });
  if (outcome === 'rejected') return { status: 'rejected', decided_on: decidedOn, valid_until: null };
  const validUntil = addDays(decidedOn, random.int(...profile.validityDays));
  if (outcome === 'revoked') return { status: 'revoked', decided_on: decidedOn, valid_until: validUntil };
  return { status: validUntil < SAMPLE_REFERENCE_DATE ? 'expired' : 'approved', decided_on: decidedOn, valid_until: validUntil };
}

/**
 * Days between submission and the reference date, within the three-year window, skewed towards recent
 * days (half of the applications in the last year): the register grows and old files get archived.
 */
function submissionAge(random: Random): number {
  return Math.min(HISTORY_DAYS - 1, Math.floor(HISTORY_DAYS * random.next() ** 1.6));
}

function describe(profile: PermitKindProfile, random: Random): [string, string] {
  const [fr, ar] = random.pick(profile.descriptions);
  const floors = String(random.int(2, 8));
  return [fr.replace('{n}', floors), ar.replace('{n}', floors)];
}

function applicant(kind: PermitKind, random: Random): Pick<PermitRow, 'applicant_name' | 'applicant_phone' | 'applicant_email'> {
  const isCompany = ['construction', 'signage', 'commercial_activity'].includes(kind) && random.chance(0.3);
  const name = isCompany ? randomCompany(random) : randomPerson(random).fullName;
  return {
    applicant_name: name,
    applicant_phone: random.chance(0.92) ? randomMobilePhone(random) : null,
    applicant_email: random.chance(0.65) ? emailFor(name, random) : null,
  };
}

/**
 * Numbers the permits as a registry office would: per prefix and year of submission, increasing with the
 * submission date, starting mid-sequence and with gaps (applications that are not in the sample).
 */
function assignReferences(permits: Omit<PermitRow, 'reference'>[], random: Random): PermitRow[] {
  const next = new Map<string, number>();
  return permits
    .map((permit, index) => ({ permit, index }))
    .sort((a, b) => a.permit.submitted_on.localeCompare(b.permit.submitted_on) || a.index - b.index)
    .map(({ permit }) => {
      const profile = PERMIT_KINDS[permit.kind];
      const key = `${profile.prefix}-${permit.submitted_on.slice(0, 4)}`;
      const number = (next.get(key) ?? random.int(1, 150)) + random.int(1, 6);
      next.set(key, number);
      return { reference: `${key}-${String(number).padStart(profile.digits, '0')}`, ...permit };
    });
}

/** The sample authorisations, spread over all 16 arrondissements, each on a parcel beside a real street. */
export function buildPermits(roadsByArea: ReadonlyMap<string, readonly OsmRoad[]>, total = SAMPLE_PERMIT_COUNT): PermitRow[] {
  const random = createRandom('permits');
  const areas = getArrondissementAreas();
  const counts = allocateCounts(total, areas.map((area) => area.population), MIN_PERMITS_PER_ARRONDISSEMENT);
  const kinds = Object.keys(PERMIT_KINDS) as PermitKind[];
  const weights = Object.fromEntries(kinds.map((kind) => [kind, PERMIT_KINDS[kind].weight])) as Record<PermitKind, number>;
  const permits = areas.flatMap((area, areaIndex) =>
    Array.from({ length: counts[areaIndex]! }, (): Omit<PermitRow, 'reference'> => {
      const kind = random.weighted(weights);
      const profile = PERMIT_KINDS[kind];
      const submittedOn = addDays(SAMPLE_REFERENCE_DATE, -submissionAge(random));
      const point = frontageIn(area, roadsByArea.get(area.code) ?? [], random, [12, 30]).position;
      const footprint = profile.hasFootprint && random.chance(0.6) ? randomFootprintAround(point, area, random) : undefined;
      const [descriptionFr, descriptionAr] = describe(profile, random);
      return {
        kind,
        ...decide(profile, submittedOn, random),
        submitted_on: submittedOn,
        description_fr: descriptionFr,
        description_ar: descriptionAr,
        ...applicant(kind, random),
        geometry: footprint ? { type: 'Polygon', coordinates: [footprint] } : { type: 'Point', coordinates: point },
      };
    }),
  );
  return assignReferences(permits, random);
}
