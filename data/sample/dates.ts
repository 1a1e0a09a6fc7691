/**
 * "Today" for the sample data. Dates are computed from this fixed day rather than from the clock so that
 * every machine loads identical rows; "the last three years" means the three years before it.
 */
export const SAMPLE_REFERENCE_DATE = '2026-11-15';

const DAY_MS = 86_400_000;

/** Adds whole days to an ISO date (YYYY-MM-DD), in UTC so no time zone can shift it. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
