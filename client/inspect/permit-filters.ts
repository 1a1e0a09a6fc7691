/**
 * The permit filters of the inspectors' workspace, as pure functions: what the user chose (kind, status,
 * submission dates, an age bucket) turned into the items query of the list, the statistics query of the
 * legend's counts and the map's filter, so the three always agree. Dates are ISO calendar days
 * (YYYY-MM-DD) counted in Casablanca's time.
 */

/** Age buckets of pending files (submitted or under review), and approvals expiring within 30 days. */
export const AGE_BUCKETS = ['pending-0-30', 'pending-31-60', 'pending-61-90', 'pending-over-90', 'expiring-30'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The statuses of a file still waiting for a decision (the server's statistics count these by age). */
export const PENDING_STATUSES = ['submitted', 'under_review'] as const;

export interface PermitFilter {
  kind: string | null;
  status: string | null;
  /** Submitted on or after / on or before (inclusive). */
  from: string | null;
  to: string | null;
  bucket: AgeBucket | null;
}

export const NO_PERMIT_FILTER: PermitFilter = { kind: null, status: null, from: null, to: null, bucket: null };

const DAY_MS = 86_400_000;

/** An ISO day plus whole days (negative: earlier), in UTC so no time zone shifts it. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Today in Casablanca (where the files are dated), whatever the device's time zone. */
export function todayInCasablanca(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** What a bucket selects: statuses, and an inclusive interval on one date property (either end open). */
export interface BucketSelection {
  statuses: readonly string[];
  property: 'submitted_on' | 'valid_until';
  from: string | null;
  to: string | null;
}

/**
 * A bucket as the server's statistics define it (server/query/stats.ts): pending files whose age
 * (today - submitted_on, in days) is 0-30, 31-60, 61-90 or over 90; approvals valid until today..today+30.
 */
export function bucketSelection(bucket: AgeBucket, today: string): BucketSelection {
  const pending = (oldest: number | null, youngest: number): BucketSelection => ({
    statuses: PENDING_STATUSES,
    property: 'submitted_on',
    from: oldest === null ? null : addDays(today, -oldest),
    to: addDays(today, -youngest),
  });
  switch (bucket) {
    case 'pending-0-30':
      return pending(30, 0);
    case 'pending-31-60':
      return pending(60, 31);
    case 'pending-61-90':
      return pending(90, 61);
    case 'pending-over-90':
      return pending(null, 91);
    case 'expiring-30':
      return { statuses: ['approved'], property: 'valid_until', from: today, to: addDays(today, 30) };
  }
}

/** The later of two optional lower bounds, the earlier of two upper bounds. */
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** The filter as conditions: statuses (null: any), and date intervals per property. */
export interface PermitConditions {
  kind: string | null;
  statuses: readonly string[] | null;
  dates: { property: 'submitted_on' | 'valid_until'; from: string | null; to: string | null }[];
  /** The choices contradict each other (an approved file that is pending): nothing can match. */
  isEmpty: boolean;
}

/** The user's choices and the bucket combined: statuses intersected, intervals narrowed. */
export function permitConditions(filter: PermitFilter, today: string): PermitConditions {
  const bucket = filter.bucket ? bucketSelection(filter.bucket, today) : null;
  let statuses: readonly string[] | null = filter.status ? [filter.status] : null;
  if (bucket) statuses = statuses ? statuses.filter((status) => bucket.statuses.includes(status)) : bucket.statuses;
  const submitted = { property: 'submitted_on' as const, from: filter.from, to: filter.to };
  if (bucket?.property === 'submitted_on') {
    submitted.from = later(submitted.from, bucket.from);
    submitted.to = earlier(submitted.to, bucket.to);
  }
  const dates = [submitted, ...(bucket?.property === 'valid_until' ? [{ property: 'valid_until' as const, from: bucket.from, to: bucket.to }] : [])];
  const isEmptyInterval = dates.some((date) => date.from !== null && date.to !== null && date.from > date.to);
  return { kind: filter.kind, statuses, dates: dates.filter((date) => date.from !== null || date.to !== null), isEmpty: statuses?.length === 0 || isEmptyInterval };
}

/**
 * The items query of the list (GET /ogc/collections/permits/items; bbox and limit are the caller's), or
 * null when nothing can match.
 */
export function permitItemsQuery(filter: PermitFilter, today: string): URLSearchParams | null {
  const conditions = permitConditions(filter, today);
  if (conditions.isEmpty) return null;
  const parameters = new URLSearchParams();
  if (conditions.kind) parameters.set('kind', conditions.kind);
  if (conditions.statuses) parameters.set('status', conditions.statuses.join(','));
  for (const date of conditions.dates) parameters.set(date.property, `${date.from ?? '..'}/${date.to ?? '..'}`);
  return parameters;
}

/**
 * The statistics query whose age buckets the legend counts (GET /api/query/stats?layer=permits): the same
 * kind, status and submission dates as the list, the bucket left out (every bucket is counted), the same
 * "today" as the list's buckets, and a count per status.
 */
export function permitStatsQuery(filter: PermitFilter, today: string): URLSearchParams {
  const parameters = new URLSearchParams({ layer: 'permits', today, countBy: 'status' });
  if (filter.kind) parameters.set('kind', filter.kind);
  if (filter.status) parameters.set('status', filter.status);
  if (filter.from) parameters.set('from', filter.from);
  if (filter.to) parameters.set('to', filter.to);
  return parameters;
}

/** A MapLibre filter expression (JSON) over the properties permit tiles carry, keeping what the list keeps. */
export type MapFilterExpression = unknown[];

/** The map's filter for the same choices, or null to draw every permit; nothing matches: a filter that keeps none. */
export function permitMapFilter(filter: PermitFilter, today: string): MapFilterExpression | null {
  const conditions = permitConditions(filter, today);
  if (conditions.isEmpty) return ['boolean', false];
  const parts: unknown[][] = [];
  if (conditions.kind) parts.push(['==', ['get', 'kind'], conditions.kind]);
  if (conditions.statuses) parts.push(['match', ['get', 'status'], [...conditions.statuses], true, false]);
  for (const date of conditions.dates) {
    const value = ['to-string', ['get', date.property]];
    if (date.from) parts.push(['>=', value, date.from]);
    if (date.to) parts.push(['all', ['has', date.property], ['<=', value, date.to]]);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : ['all', ...parts];
}
