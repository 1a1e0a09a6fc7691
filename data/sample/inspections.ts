import { SAMPLE_REFERENCE_DATE, addDays } from './dates.ts';
import type { EstablishmentCategory } from './establishment-names.ts';
import { randomPerson } from './people.ts';
import { type Random, createRandom } from './random.ts';

export type Grade = 'A' | 'B' | 'C';
export type InspectionOutcome = 'compliant' | 'minor_violations' | 'major_violations' | 'closure_ordered';

/** One inspections row; establishment_index points into the establishments list (0-based). */
export interface InspectionRow {
  establishment_index: number;
  inspected_on: string;
  inspector_name: string;
  score: number;
  grade: Grade;
  violations: string[];
  outcome: InspectionOutcome;
  follow_up_on: string | null;
  notes: string | null;
}

const SAMPLE_INSPECTION_COUNT = 1200;
const HISTORY_DAYS = 3 * 365;
const MAX_INSPECTIONS_PER_ESTABLISHMENT = 8;

/** Relative inspection frequency: premises handling raw food are visited more often. */
const RISK: Readonly<Record<EstablishmentCategory, number>> = {
  restaurant: 3, food_factory: 3, butcher: 2.5, fishmonger: 2.5, hotel: 2, bakery: 2, market_stall: 2,
  supermarket: 2, cafe: 1.5, hammam: 1.5, grocery: 1.2, hair_salon: 1,
};

/** Findings, as written in municipal hygiene reports (code, then French wording). */
const MINOR_VIOLATIONS = [
  'HYG-01 Tenue du personnel non conforme', 'HYG-03 Nettoyage insuffisant des sols', 'HYG-04 Poubelles non couvertes',
  'DOC-01 Registre de nettoyage non tenu', 'DOC-02 Certificats médicaux du personnel non à jour',
  'INF-01 Éclairage insuffisant en zone de préparation', 'INF-02 Revêtements muraux dégradés',
] as const;
const MAJOR_VIOLATIONS = [
  'TEMP-01 Chaîne du froid non respectée', 'TEMP-02 Température de conservation excessive', 'NUI-01 Présence de nuisibles',
  'ALI-01 Denrées périmées', 'ALI-02 Produits sans traçabilité', 'ALI-03 Contamination croisée cru/cuit',
  'EAU-01 Eau non contrôlée', 'HYG-05 Absence de lave-mains',
] as const;

/** The grading rule of the hygiene service: 80 and above A, 60 to 79 B, below 60 C. */
export function gradeForScore(score: number): Grade {
  return score >= 80 ? 'A' : score >= 60 ? 'B' : 'C';
}

function pickSome(random: Random, pool: readonly string[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(random.pick(pool));
  return [...chosen];
}

type Verdict = Pick<InspectionRow, 'violations' | 'outcome' | 'follow_up_on' | 'notes'>;

/**
 * Outcome, findings, follow-up date and note consistent with a score: A is mostly compliant (else one
 * minor finding), B mostly minor findings, C major findings, and closure for the worst scores. Every
 * non-compliant visit gets a follow-up date.
 */
function judge(score: number, inspectedOn: string, random: Random): Verdict {
  const followUp = (min: number, max: number) => addDays(inspectedOn, random.int(min, max));
  const major = (): Verdict => ({
    violations: [...pickSome(random, MAJOR_VIOLATIONS, random.int(1, 2)), ...pickSome(random, MINOR_VIOLATIONS, random.int(0, 2))],
    outcome: 'major_violations',
    follow_up_on: followUp(14, 30),
    notes: 'Contre-visite programmée.',
  });
  const minor = (count: number): Verdict => ({
    violations: pickSome(random, MINOR_VIOLATIONS, count),
    outcome: 'minor_violations',
    follow_up_on: followUp(30, 60),
    notes: random.chance(0.4) ? "Recommandations remises à l'exploitant." : null,
  });
  const grade = gradeForScore(score);
  if (grade === 'A') {
    if (!random.chance(0.75)) return minor(1);
    return { violations: [], outcome: 'compliant', follow_up_on: null, notes: random.chance(0.2) ? 'RAS.' : null };
  }
  if (grade === 'B') return random.chance(0.85) ? minor(random.int(1, 3)) : major();
  if (score >= 40 || !random.chance(0.6)) return major();
  return {
    violations: [...pickSome(random, MAJOR_VIOLATIONS, random.int(2, 3)), ...pickSome(random, MINOR_VIOLATIONS, random.int(1, 2))],
    outcome: 'closure_ordered',
    follow_up_on: followUp(7, 15),
    notes: "Fermeture administrative jusqu'à mise en conformité.",
  };
}

/** How many inspections each establishment gets: one each, the rest drawn by risk, summing to total. */
function inspectionCounts(categories: readonly EstablishmentCategory[], total: number, random: Random): number[] {
  const counts = categories.map(() => 1);
  const weights = categories.map((category) => RISK[category]);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = total - counts.length;
  if (remaining < 0 || total > categories.length * MAX_INSPECTIONS_PER_ESTABLISHMENT) {
    throw new RangeError(`Cannot spread ${total} inspections over ${categories.length} establishments`);
  }
  while (remaining > 0) {
    let threshold = random.next() * weightSum;
    const index = Math.max(0, weights.findIndex((weight) => (threshold -= weight) < 0));
    if (counts[index]! < MAX_INSPECTIONS_PER_ESTABLISHMENT) {
      counts[index]! += 1;
      remaining -= 1;
    }
  }
  return counts;
}

/**
 * The sample inspections over the last three years: dates spread evenly per establishment, scores
 * around a per-establishment level (better after a failed visit), grade and outcome from the score.
 */
export function buildInspections(categories: readonly EstablishmentCategory[], total = SAMPLE_INSPECTION_COUNT): InspectionRow[] {
  const random = createRandom('inspections');
  const inspectors = Array.from({ length: 8 }, () => randomPerson(random).fullName);
  const counts = inspectionCounts(categories, total, random);
  const firstDay = addDays(SAMPLE_REFERENCE_DATE, -(HISTORY_DAYS - 1));
  return counts.flatMap((count, establishmentIndex) => {
    const level = (random.float(40, 100) + random.float(40, 100)) / 2;
    const slot = Math.floor(HISTORY_DAYS / count);
    let bonus = 0;
    return Array.from({ length: count }, (_, visit): InspectionRow => {
      const inspectedOn = addDays(firstDay, visit * slot + random.int(0, slot - 1));
      const score = Math.max(0, Math.min(100, Math.round(level + bonus + random.float(-12, 12))));
      const verdict = judge(score, inspectedOn, random);
      bonus = verdict.outcome === 'compliant' ? 0 : 8;
      return {
        establishment_index: establishmentIndex,
        inspected_on: inspectedOn,
        inspector_name: random.pick(inspectors),
        score,
        grade: gradeForScore(score),
        ...verdict,
      };
    });
  });
}

/** Grade of each establishment's most recent inspection (null when never inspected). */
export function latestGrades(establishmentCount: number, inspections: readonly InspectionRow[]): (Grade | null)[] {
  const latest: (InspectionRow | undefined)[] = Array.from({ length: establishmentCount }, () => undefined);
  for (const inspection of inspections) {
    const current = latest[inspection.establishment_index];
    if (!current || inspection.inspected_on >= current.inspected_on) latest[inspection.establishment_index] = inspection;
  }
  return latest.map((inspection) => inspection?.grade ?? null);
}
