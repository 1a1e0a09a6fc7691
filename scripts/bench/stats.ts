/** Throughput and latency of one measured run. Times in milliseconds. */
export interface RunStats {
  count: number;
  /** Completed items per second over the whole run (wall clock, first start to last end). */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  elapsedMs: number;
}

/** The q-quantile (0..1) of values sorted ascending, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(latenciesMs: readonly number[], elapsedMs: number): RunStats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    perSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : Number.NaN,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    elapsedMs,
  };
}

/** Of several repetitions of the same run, the one with the median throughput (robust to a noisy neighbour). */
export function medianRun(runs: readonly RunStats[]): RunStats {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
