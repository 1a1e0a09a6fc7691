import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SAMPLE_GTFS_PATH } from '../../data/sample/gtfs-feed.ts';
import { offsetMeters } from '../../data/sample/geometry.ts';
import { createRandom } from '../../data/sample/random.ts';
import { loadConfig, PROJECT_ROOT } from '../../server/config.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createPool } from '../../server/db/pool.ts';
import { loadSampleDataOnce } from '../../server/seed-sample-data.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import type { LonLat } from '../../server/mobility/geo.ts';
import { importGtfs } from '../../server/mobility/import-gtfs.ts';
import { loadTimetable } from '../../server/mobility/load-timetable.ts';
import { instantOfLocal } from '../../server/mobility/local-time.ts';
import { planJourneys } from '../../server/mobility/plan-journeys.ts';
import type { Timetable } from '../../server/mobility/timetable.ts';
import { RegionService, regionSettingsOf } from '../../server/layers/region.ts';
import { buildPublicArchive } from '../../server/tiles/tile-archive.ts';
import { buildScaledGtfsZip } from './scaled-gtfs.ts';
import { quantile } from './stats.ts';

const ONCF_FEED = join(PROJECT_ROOT, '..', 'shared', 'data', 'casablanca', 'morocco_oncf_rail_gtfs.zip');
const MOBILITY_DATABASE = 'casa_sig_bench_mobility';
/** A Casablanca-sized bus network: Alsa runs about 150 lines. */
export const SCALED_BUS_LINES = 150;

export interface PlannerRow {
  network: string;
  routes: number;
  patterns: number;
  trips: number;
  stops: number;
  buildMs: number;
  queries: number;
  answered: number;
  medianMs: number;
  p95Ms: number;
  meanItineraries: number;
}

export interface MobilityReport {
  imports: { feed: string; ms: number; stopTimes: number }[];
  planner: PlannerRow[];
  archives: { data: string; tiles: number; bytes: number; ms: number }[];
}

/**
 * Random weekday journeys from near one stop to near another (up to 300 m away from each, so that the
 * walks at both ends vary), at times from 07:00 to 19:00 (seeded).
 */
function journeyQueries(timetable: Timetable, count: number): { from: LonLat; to: LonLat; time: number }[] {
  const random = createRandom('bench-journeys');
  const near = (): LonLat => {
    const stop = timetable.stops[random.int(0, timetable.stops.length - 1)]!.position;
    return offsetMeters(stop, random.float(-300, 300), random.float(-300, 300));
  };
  return Array.from({ length: count }, () => ({ from: near(), to: near(), time: instantOfLocal(2026, 12, random.int(1, 4), random.int(7, 18), random.int(0, 59)) }));
}

async function measurePlanner(pool: pg.Pool, network: string, count: number): Promise<PlannerRow> {
  const registry = new LayerRegistry();
  const started = performance.now();
  const timetable = await loadTimetable(pool, registry);
  const buildMs = performance.now() - started;
  const queries = journeyQueries(timetable, count);
  // Warm-up: the JIT compiles the search before it is timed.
  for (const query of queries.slice(0, 10)) planJourneys(timetable, { ...query, isArriveBy: false });
  const times: number[] = [];
  let answered = 0;
  let itineraries = 0;
  for (const query of queries) {
    const begin = performance.now();
    const found = planJourneys(timetable, { ...query, isArriveBy: false });
    times.push(performance.now() - begin);
    if (found.length > 0) answered += 1;
    itineraries += found.length;
  }
  times.sort((a, b) => a - b);
  return {
    network, routes: timetable.routes.length, patterns: timetable.patterns.length, stops: timetable.stops.length,
    trips: timetable.patterns.reduce((sum, pattern) => sum + pattern.tripIds.length, 0), buildMs, queries: count, answered,
    medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), meanItineraries: itineraries / count,
  };
}

async function measureImport(pool: pg.Pool, feed: string, path: string): Promise<MobilityReport['imports'][number]> {
  const report = await importGtfs(pool, new LayerRegistry(), path, { isApproximate: true });
  if (report.status !== 'imported') throw new Error(`${feed}: the import was refused (${report.issues.length} issues)`);
  return { feed, ms: report.durationMs, stopTimes: report.rowCounts.stop_times ?? 0 };
}

async function measureArchive(pool: pg.Pool, data: string): Promise<MobilityReport['archives'][number]> {
  const started = performance.now();
  const registry = new LayerRegistry();
  const region = await new RegionService(pool, registry, regionSettingsOf(loadConfig({}))).current();
  const built = await buildPublicArchive(pool, registry, { minZoom: 0, maxZoom: 15, region, concurrency: 4, statementTimeoutMs: loadConfig({}).TILE_STATEMENT_TIMEOUT_MS * 4 });
  return { data, tiles: built.tiles, bytes: built.archive.length, ms: performance.now() - started };
}

/**
 * The transit measurements of `npm run bench`, in the benchmark's cluster: GTFS import times (the sample
 * feed, the ONCF feed when present, the scaled feed), the journey planner per query on the sample network
 * and on one scaled to SCALED_BUS_LINES bus lines, and the public archive's size and build time on the
 * sample data and on the scaled dataset (`scaledDatabaseUrl`).
 */
export async function runMobilityBench(adminUrl: string, scaledDatabaseUrl: string, isQuick: boolean, log: (message: string) => void): Promise<MobilityReport> {
  const url = new URL(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${MOBILITY_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${MOBILITY_DATABASE}`);
  await admin.end();
  url.pathname = `/${MOBILITY_DATABASE}`;
  const pool = createPool({ connectionString: url.toString(), max: 6, statementTimeoutMs: 600_000, applicationName: 'casa-sig-bench-mobility' });
  const folder = mkdtempSync(join(tmpdir(), 'casa-sig-bench-gtfs-'));
  const report: MobilityReport = { imports: [], planner: [], archives: [] };
  const queries = isQuick ? 60 : 300;
  try {
    log('mobility: loading the sample data');
    await applyMigrations(pool);
    await loadSampleDataOnce(pool);
    report.archives.push(await measureArchive(pool, 'sample'));
    report.imports.push(await measureImport(pool, 'sample feed (re-import)', join(PROJECT_ROOT, SAMPLE_GTFS_PATH)));
    log('mobility: journeys on the sample network');
    report.planner.push(await measurePlanner(pool, 'sample (13 lines)', queries));
    if (existsSync(ONCF_FEED)) report.imports.push(await measureImport(pool, 'ONCF national rail', ONCF_FEED));
    else log(`mobility: ${ONCF_FEED} is absent, no ONCF import time`);
    const scaled = buildScaledGtfsZip(SCALED_BUS_LINES);
    const scaledPath = join(folder, 'scaled.zip');
    writeFileSync(scaledPath, scaled.zip);
    log(`mobility: importing the scaled feed (${scaled.routes} lines, ${scaled.stops} stops)`);
    report.imports.push(await measureImport(pool, `scaled (${scaled.routes} lines)`, scaledPath));
    log('mobility: journeys on the scaled network');
    report.planner.push(await measurePlanner(pool, `scaled (${scaled.routes} lines)`, queries));
    log('mobility: the public archive of the scaled dataset (z0-z15)');
    const scaledPool = createPool({ connectionString: scaledDatabaseUrl, max: 6, statementTimeoutMs: 600_000, applicationName: 'casa-sig-bench-mobility' });
    try {
      report.archives.push(await measureArchive(scaledPool, 'scaled dataset'));
    } finally {
      await scaledPool.end();
    }
    return report;
  } finally {
    await pool.end();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The report's Markdown tables. */
export function formatMobilityReport(report: MobilityReport): string {
  const lines = ['', '### Transit', '', '| GTFS import | stop times | time |', '| --- | --- | --- |'];
  for (const row of report.imports) lines.push(`| ${row.feed} | ${row.stopTimes} | ${(row.ms / 1000).toFixed(2)} s |`);
  lines.push('', '| journey planner | lines | patterns | trips | stops | timetable build | queries answered | median / query | p95 / query | itineraries / query |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of report.planner) {
    lines.push(`| ${row.network} | ${row.routes} | ${row.patterns} | ${row.trips} | ${row.stops} | ${(row.buildMs / 1000).toFixed(2)} s | ${row.answered} / ${row.queries} | ${row.medianMs.toFixed(1)} ms | ${row.p95Ms.toFixed(1)} ms | ${row.meanItineraries.toFixed(1)} |`);
  }
  const [sample, scaled] = report.planner;
  if (sample && scaled) lines.push('', `scaled / sample median time per query: ${(scaled.medianMs / sample.medianMs).toFixed(1)}x`);
  lines.push('', '| public archive (z0-z15) | tiles | size | build time |', '| --- | --- | --- | --- |');
  for (const row of report.archives) lines.push(`| ${row.data} | ${row.tiles} | ${(row.bytes / 1024 / 1024).toFixed(2)} MB | ${(row.ms / 1000).toFixed(1)} s |`);
  return lines.join('\n');
}
