import { ApiError } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';

/** One administrative area's figures, as GET /api/query/stats gives them. */
export interface AreaStatistics {
  area: { id: number; code: string; name: { fr: string; ar: string } };
  count: number;
  /** Permits: pending files by age in days. */
  pending?: { days0to30: number; days31to60: number; days61to90: number; over90: number };
  /** Permits: approved and expiring within 30 days. */
  expiringWithin30Days?: number;
  /** Inspections: the average score and the share graded C (null without inspections). */
  averageScore?: number | null;
  failingShare?: number | null;
  /** With `countBy`: a count per value of that property. */
  counts?: Record<string, number>;
}

/**
 * GET /api/query/stats: figures per arrondissement (or préfecture) of one layer, confined by the server to
 * what the caller may see. `parameters` holds the layer's filters, from/to, today and countBy.
 */
export async function fetchStats(parameters: URLSearchParams, signal?: AbortSignal): Promise<AreaStatistics[]> {
  const url = `/api/query/stats?${parameters}`;
  const body = (await fetchJson(url, signal)) as { areas?: unknown };
  if (!Array.isArray(body.areas)) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} has no areas` });
  return body.areas as AreaStatistics[];
}
