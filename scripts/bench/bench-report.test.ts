import { describe, expect, it } from 'vitest';
import { type BenchReport, evaluateTargets, formatReport } from './bench-report.ts';
import { summarise } from './stats.ts';

const run = (perSecond: number, p99 = 1) => ({ ...summarise([1], 1000), perSecond, p99 });

function report(): Omit<BenchReport, 'targets'> {
  const rows = (concurrency: number, [reference, minimal, plain, cold, warm]: number[]) => [
    { name: 'reference: raw ST_AsMVT in PostgreSQL', concurrency, stats: run(reference!), ratioToReference: 1 },
    { name: 'minimal: the same SQL behind a bare Node server, no gzip', concurrency, stats: run(minimal!), ratioToReference: minimal! / reference! },
    { name: 'plain: one ungeneralised ST_AsMVT per request', concurrency, stats: run(plain!), ratioToReference: plain! / reference! },
    { name: 'casa-sig, cache off (cold)', concurrency, stats: run(cold!), ratioToReference: cold! / reference! },
    { name: 'casa-sig, cache on (warm)', concurrency, stats: run(warm!, concurrency === 1 ? 2 : 7), ratioToReference: warm! / reference! },
  ];
  return {
    mode: 'quick',
    startedAt: '2026-11-29T00:00:00.000Z',
    machine: { cpus: 2, node: '20.20.2', postgres: 'PostgreSQL 15, PostGIS 3.3' },
    dataset: { counts: { road_segments: 150_000 }, wasBuilt: false, buildSeconds: 0 },
    tileList: { count: 278, perZoom: { 10: 2, 12: 15, 14: 63, 16: 198 }, layer: 'road_segments' },
    throughput: [...rows(1, [300, 260, 100, 250, 1500]), ...rows(10, [400, 320, 120, 390, 9000])],
    sizes: [
      { zoom: 10, tiles: 2, medianBytes: 1000, maxBytes: 200_000, maxGzipBytes: 50_000, ungeneralisedMaxBytes: 4_000_000 },
      { zoom: 12, tiles: 15, medianBytes: 1000, maxBytes: 520_000, maxGzipBytes: 150_000, ungeneralisedMaxBytes: 1_800_000 },
    ],
    lowZooms: [{ zoom: 10, tiles: 2, p95Ms: 20, ungeneralisedP95Ms: 400 }, { zoom: 12, tiles: 15, p95Ms: 30, ungeneralisedP95Ms: 120 }],
    zoomTimes: [{ zoom: 10, tiles: 2, referenceMs: 40, plainMs: 800, coldMs: 50, coldMaxMs: 30 }],
    tileStatementTimeoutMs: 5000,
    freshness: { method: 'UPDATE + notifyTileChange in one transaction', samples: 5, medianMs: 40, p95Ms: 90, maxMs: 90, editMedianMs: 20 },
    memory: { budgetBytes: 64 * 1024 * 1024, filledBytes: 70 * 1024 * 1024, tilesFetched: 9000, rssBeforeBytes: 150 * 1024 * 1024, rssAtBudgetBytes: 320 * 1024 * 1024 },
    tuning: [],
    queries: [{ name: 'locate', samples: 10, p50Ms: 4.2, p95Ms: 7.9 }],
    bulkImport: { rows: 150_000, layerSeconds: 10, plainSeconds: 4 },
  };
}

describe('evaluateTargets', () => {
  it('judges each target of the issue on the run\'s own figures', () => {
    const verdicts = Object.fromEntries(evaluateTargets(report()).map((target) => [target.name, [target.measured, target.isMet]]));
    expect(verdicts).toEqual({
      'cold tiles vs the minimal Node server (10 connections)': ['1.22x', true],
      'cold tiles vs the plain approach (10 connections)': ['3.25x', true],
      'largest z10-z12 tile': ['508 KB', false],
      'z10-z12 p95, ungeneralised / generalised': ['4.0x', false],
      'warm cache vs reference (10 connections)': ['22.5x', true],
      'warm cache p99, 1 client': ['2.00 ms', true],
      'warm cache p99, 10 clients': ['7.00 ms', false],
      'edit to fresh tile, median (two servers)': ['40 ms', true],
      'server RSS with the cache at its budget': ['320 MB', true],
      'locate p95 (slowest of its queries)': ['7.9 ms', true],
      'bulk import of 150000 roads vs a plain insert': ['2.50x', false],
    });
  });
});

describe('formatReport', () => {
  it('prints Markdown tables with the ratios and the verdicts', () => {
    const full = { ...report(), targets: evaluateTargets(report()) };
    const text = formatReport(full);
    expect(text).toContain('| casa-sig, cache on (warm) | 10 | 9000 | 1.00 | 1.00 | 7.00 | 22.50x |');
    expect(text).toContain('| z12 | 15 | 1 KB | 508 KB | 146 KB | 1758 KB |');
    expect(text).toContain('| z10 | 2 | 40 ms | 800 ms | 50 ms | 16.0x | 30.0 ms |');
    expect(text).toContain('| largest z10-z12 tile | <= 500 KB | 508 KB | NO |');
    expect(text).toContain('edit to fresh tile (UPDATE + notifyTileChange in one transaction, 5 edits): median 40 ms');
    expect(text).toContain('the minimal Node server reaches 0.80x the reference; casa-sig cold reaches 1.22x the minimal server');
  });
});

describe('the read replica in the report', () => {
  const replica = {
    clients: 16, roundSeconds: 8, rounds: 4, copySeconds: 1.2, primaryAlone: { perSecond: 500, p95Ms: 80 }, withReplica: { perSecond: 470, p95Ms: 90 },
    ratio: 0.94, perRead: { primaryAlone: 1.1, primaryWithReplica: 0.02, replicaWithReplica: 1.2 },
  };

  it('judges the throughput ratio and how much of the primary\'s work per read moved to the replica', () => {
    const verdicts = Object.fromEntries(evaluateTargets({ ...report(), replica }).map((target) => [target.name, [target.measured, target.isMet]]));
    expect(verdicts['reads with a replica (same machine) / primary alone']).toEqual(['0.94x', true]);
    expect(verdicts['primary transactions per read moved to the replica']).toEqual(['98 %', true]);
    const stayed = evaluateTargets({ ...report(), replica: { ...replica, perRead: { ...replica.perRead, primaryWithReplica: 0.5 } } });
    expect(stayed.find((target) => target.name.startsWith('primary transactions'))).toMatchObject({ measured: '55 %', isMet: false });
  });

  it('prints the two servers and the transactions per read', () => {
    const text = formatReport({ ...report(), replica, targets: [] });
    expect(text).toContain('primary alone 500 reads/s (p95 80.0 ms), with the replica 470 reads/s (p95 90.0 ms): 0.94x');
    expect(text).toContain('transactions per read: primary 1.10 alone; with the replica, primary 0.02 and replica 1.20');
  });
});
