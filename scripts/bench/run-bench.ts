import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../../server/config.ts';
import { createPool } from '../../server/db/pool.ts';
import type { LayerDefinition } from '../../server/layers/layer-definition.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import type { TileCoordinates } from '../../server/tiles/tile-coordinates.ts';
import { TILE_SESSION_OPTIONS } from '../../server/tiles/tile-service.ts';
import { benchAdminToken } from './bench-admin.ts';
import type { BenchArgs } from './bench-args.ts';
import { BENCH_TARGETS, type BenchDatabase, defaultBenchDataDir, openBenchDatabase } from './bench-dataset.ts';
import { measureBulkImport } from './bulk-import.ts';
import { type BenchServer, startCasaServer, startPeerServer } from './bench-processes.ts';
import { type BenchReport, evaluateTargets, MEASUREMENT_NAMES as NAMES, type LowZoomRow, type SizeRow, type ThroughputRow, type TuningRow, type ZoomTimeRow } from './bench-report.ts';
import { measureCacheMemory } from './cache-memory.ts';
import { measureEditToFresh } from './edit-freshness.ts';
import { runMobilityBench } from './mobility-bench.ts';
import { measureQueryLatency } from './query-latency.ts';
import { startLoadRunner, type LoadRunner } from './load-runner.ts';
import { LOAD_TEST_SETTINGS, runLoadTest } from './load-test.ts';
import { measureReplicaReads } from './replica-reads.ts';
import { quantile } from './stats.ts';
import { buildTileList, interleave } from './tile-list.ts';
import { BROWSER_HEADERS, type MeasuredJob, type Measurement, measureInterleaved, publicTileQueries, tilePaths } from './throughput.ts';

/** How much each mode measures. */
const PLANS = {
  // Three rounds, so that the kept round is a true median; warm passes are cheap (20 passes: about 0.3 s).
  quick: { querySamples: 10, repetitions: 3, warmPasses: 20, lowZoomPasses: 2, editSamples: 5, memoryBudgetBytes: 16 * 1024 * 1024, isTuned: false, loadSeconds: 4, replicaRounds: 2, replicaSeconds: 4 },
  // The full run fills the cache to the budget servers run with by default.
  full: { querySamples: 40, repetitions: 7, warmPasses: 20, lowZoomPasses: 8, editSamples: 20, memoryBudgetBytes: loadConfig({}).TILE_CACHE_MAX_BYTES, isTuned: true, loadSeconds: 15, replicaRounds: 4, replicaSeconds: 8 },
} as const;
type Plan = (typeof PLANS)[keyof typeof PLANS];

/** Passes of the tile list that every configuration gets before it is measured. */
const WARM_UP_PASSES = 3;

interface Context {
  plan: Plan;
  log: (message: string) => void;
  database: BenchDatabase;
  runner: LoadRunner;
  registry: LayerRegistry;
  layer: LayerDefinition;
  /** The fixed list, in its interleaved request order. */
  tiles: TileCoordinates[];
  logDir: string;
  servers: BenchServer[];
}

async function startCasa(context: Context, name: string, settings: Record<string, string>): Promise<BenchServer> {
  const server = await startCasaServer(name, context.database.url, settings, context.logDir);
  context.servers.push(server);
  return server;
}

/** Reference, minimal, plain, cold and warm at 1 and 10 clients, interleaved so that drift hits all alike. */
async function measureThroughput(context: Context): Promise<{ rows: ThroughputRow[]; byName: Map<string, Measurement> }> {
  const { runner, plan, layer, tiles } = context;
  const minimal = await startPeerServer('minimal', context.database.url, context.logDir);
  const plain = await startPeerServer('plain', context.database.url, context.logDir);
  context.servers.push(minimal, plain);
  const cold = await startCasa(context, 'casa-cold', { TILE_CACHE_MAX_BYTES: '0' });
  const warm = await startCasa(context, 'casa-warm', {});
  const queries = publicTileQueries(context.registry, layer, tiles);
  const paths = tilePaths(layer, tiles);
  const http = (server: BenchServer, concurrency: number, passes = 1) =>
    ({ kind: 'http', baseUrl: server.url, paths, concurrency, passes, headers: BROWSER_HEADERS }) as const;
  const sql = (concurrency: number) =>
    ({ kind: 'sql', connectionString: context.database.url, sessionOptions: TILE_SESSION_OPTIONS, queries, concurrency, passes: 1 }) as const;

  // Three passes each: the database's cache and prepared statements need one; the JIT of the servers and of
  // the load client needs more before a measurement describes the steady state a server runs in.
  context.log('warming up (three passes each: database cache, prepared statements, JIT, the warm server\'s tile cache)');
  for (const job of [sql(10), http(minimal, 10), http(plain, 10), http(cold, 10), http(warm, 10)]) await runner.run({ ...job, passes: WARM_UP_PASSES });

  const rows: ThroughputRow[] = [];
  const byName = new Map<string, Measurement>();
  for (const concurrency of [1, 10]) {
    context.log(`measuring with ${concurrency} client${concurrency === 1 ? '' : 's'}`);
    const measured = await measureInterleaved(runner, [
      { name: NAMES.reference, job: sql(concurrency) },
      { name: NAMES.minimal, job: http(minimal, concurrency) },
      { name: NAMES.plain, job: http(plain, concurrency) },
      { name: NAMES.cold, job: http(cold, concurrency) },
      { name: NAMES.warm, job: http(warm, concurrency, plan.warmPasses) },
    ], plan.repetitions);
    const reference = measured[0]!;
    for (const measurement of measured) {
      rows.push({ name: measurement.name, concurrency, stats: measurement.stats, ratioToReference: measurement.stats.perSecond / reference.stats.perSecond });
      byName.set(`${measurement.name}@${concurrency}`, measurement);
    }
  }
  await minimal.stop();
  await plain.stop();
  await cold.stop();
  return { rows, byName };
}

/** Per zoom, the summed one-client response times of the reference, the plain approach and casa-sig cold. */
function zoomTimes(context: Context, byName: Map<string, Measurement>): ZoomTimeRow[] {
  const zooms = [...new Set(context.tiles.map((tile) => tile.z))].sort((a, b) => a - b);
  const latencies = (name: string) => byName.get(`${name}@1`)!.result.latenciesMs;
  const sumFor = (values: number[], z: number) => values.reduce((sum, value, index) => sum + (context.tiles[index]!.z === z ? value : 0), 0);
  return zooms.map((z) => ({
    zoom: z,
    tiles: context.tiles.filter((tile) => tile.z === z).length,
    referenceMs: sumFor(latencies(NAMES.reference), z),
    plainMs: sumFor(latencies(NAMES.plain), z),
    coldMs: sumFor(latencies(NAMES.cold), z),
    coldMaxMs: Math.max(...latencies(NAMES.cold).filter((_, index) => context.tiles[index]!.z === z)),
  }));
}

/** p95 of the generalised and the ungeneralised query on every z10-z12 tile of the list, one client. */
async function measureLowZooms(context: Context): Promise<{ rows: LowZoomRow[]; ungeneralisedBytes: Map<number, number> }> {
  const low = context.tiles.filter((tile) => tile.z <= 12);
  const job = (source: 'auto' | 'table') => ({
    kind: 'sql', connectionString: context.database.url, sessionOptions: TILE_SESSION_OPTIONS,
    queries: publicTileQueries(context.registry, context.layer, low, { source }), concurrency: 1, passes: 1,
  }) as const;
  context.log(`timing the ${low.length} z10-z12 tiles generalised and ungeneralised, alternately`);
  const generalised = { allLatenciesMs: [] as number[], bytes: [] as number[] };
  const ungeneralised = { allLatenciesMs: [] as number[], bytes: [] as number[] };
  for (let pass = 0; pass < context.plan.lowZoomPasses; pass += 1) {
    for (const [source, into] of [['auto', generalised], ['table', ungeneralised]] as const) {
      const result = await context.runner.run(job(source));
      into.allLatenciesMs.push(...result.allLatenciesMs);
      into.bytes = result.bytes;
    }
  }
  const byZoom = (latencies: number[], z: number) =>
    latencies.filter((_, index) => low[index % low.length]!.z === z).sort((a, b) => a - b);
  const zooms = [...new Set(low.map((tile) => tile.z))].sort((a, b) => a - b);
  const rows = zooms.map((z) => ({
    zoom: z,
    tiles: low.filter((tile) => tile.z === z).length,
    p95Ms: quantile(byZoom(generalised.allLatenciesMs, z), 0.95),
    ungeneralisedP95Ms: quantile(byZoom(ungeneralised.allLatenciesMs, z), 0.95),
  }));
  const ungeneralisedBytes = new Map(zooms.map((z) => [z, Math.max(...ungeneralised.bytes.filter((_, index) => low[index]!.z === z))]));
  return { rows, ungeneralisedBytes };
}

function tileSizes(context: Context, reference: Measurement, warm: Measurement, ungeneralisedBytes: Map<number, number>): SizeRow[] {
  const zooms = [...new Set(context.tiles.map((tile) => tile.z))].sort((a, b) => a - b);
  return zooms.map((z) => {
    const indexes = context.tiles.flatMap((tile, index) => (tile.z === z ? [index] : []));
    const sizes = indexes.map((index) => reference.result.bytes[index]!).sort((a, b) => a - b);
    return {
      zoom: z,
      tiles: indexes.length,
      medianBytes: quantile(sizes, 0.5),
      maxBytes: sizes.at(-1)!,
      maxGzipBytes: Math.max(...indexes.map((index) => warm.result.bytes[index]!)),
      ...(ungeneralisedBytes.has(z) ? { ungeneralisedMaxBytes: ungeneralisedBytes.get(z)! } : {}),
    };
  });
}

/** Cold throughput at 10 clients for several tile pool sizes, with and without prepared statements (interleaved). */
async function measureTuning(context: Context): Promise<TuningRow[]> {
  const paths = tilePaths(context.layer, context.tiles);
  const configurations = [[2, true], [4, true], [8, true], [10, true], [4, false], [8, false]] as const;
  context.log(`tuning: ${configurations.length} servers with other tile pool sizes and prepared statements on or off`);
  const jobs: MeasuredJob[] = [];
  for (const [poolSize, isPrepared] of configurations) {
    const server = await startCasa(context, `casa-pool-${poolSize}-${isPrepared ? 'prepared' : 'unprepared'}`, {
      TILE_CACHE_MAX_BYTES: '0', TILE_POOL_MAX: String(poolSize), TILE_PREPARED_STATEMENTS: String(isPrepared),
    });
    const job = { kind: 'http', baseUrl: server.url, paths, concurrency: 10, passes: 1, headers: BROWSER_HEADERS } as const;
    await context.runner.run(job);
    jobs.push({ name: `${poolSize} ${isPrepared}`, job });
  }
  const measured = await measureInterleaved(context.runner, jobs, context.plan.repetitions);
  return configurations.map(([poolSize, isPrepared], index) => ({
    poolSize, isPrepared, perSecond: measured[index]!.stats.perSecond, p95Ms: measured[index]!.stats.p95,
  }));
}

async function adminToken(url: string): Promise<string> {
  const pool = createPool({ connectionString: url, max: 1, statementTimeoutMs: 30_000, applicationName: 'casa-sig-bench' });
  try {
    return await benchAdminToken(pool);
  } finally {
    await pool.end();
  }
}

/** The cluster's maintenance database, from which the benchmark creates its other databases. */
function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query<{ version: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() AS version")).rows[0]!;
    return row.version;
  } finally {
    await client.end();
  }
}

/** Runs every measurement of the plan and returns the report; every process it started is stopped. */
export async function runBench(args: BenchArgs, log: (message: string) => void): Promise<BenchReport> {
  const plan = args.isQuick ? PLANS.quick : PLANS.full;
  const startedAt = new Date().toISOString();
  const logDir = join(PROJECT_ROOT, '.data', 'bench', 'logs');
  mkdirSync(logDir, { recursive: true });
  const database = await openBenchDatabase({ dataDir: defaultBenchDataDir(), port: args.port, log });
  const registry = new LayerRegistry();
  const list = buildTileList();
  const context: Context = {
    plan, log, database, runner: startLoadRunner(), registry, layer: registry.find('road_segments')!, tiles: interleave(list), logDir, servers: [],
  };
  try {
    const { rows, byName } = await measureThroughput(context);
    const { rows: lowZooms, ungeneralisedBytes } = await measureLowZooms(context);
    const sizes = tileSizes(context, byName.get(`${NAMES.reference}@10`)!, byName.get(`${NAMES.warm}@10`)!, ungeneralisedBytes);
    log('measuring edit to fresh tile with two server processes');
    const editor = context.servers.find((server) => server.name === 'casa-warm')!;
    const reader = await startCasa(context, 'casa-reader', {});
    const freshness = await measureEditToFresh(database.url, context.layer, editor, reader, plan.editSamples);
    log(`filling a tile cache of ${plan.memoryBudgetBytes / 1024 / 1024} MB to measure memory`);
    const memoryServer = await startCasa(context, 'casa-memory', { TILE_CACHE_MAX_BYTES: String(plan.memoryBudgetBytes) });
    const memory = await measureCacheMemory(context.runner, memoryServer, registry, plan.memoryBudgetBytes, await adminToken(database.url));
    log(`measuring the query API (${plan.querySamples} samples per query)`);
    const queries = await measureQueryLatency(reader, await adminToken(database.url), plan.querySamples);
    const loadServer = await startCasa(context, 'casa-load', LOAD_TEST_SETTINGS);
    const load = await runLoadTest({ runner: context.runner, server: loadServer, databaseUrl: database.url, phaseSeconds: plan.loadSeconds, log });
    await loadServer.stop();
    const replica = await measureReplicaReads({
      runner: context.runner, databaseUrl: database.url, standbyDir: join(dirname(defaultBenchDataDir()), 'standby'), standbyPort: args.port + 1,
      startServer: (name, settings) => startCasa(context, name, settings), rounds: plan.replicaRounds, roundSeconds: plan.replicaSeconds, log,
    });
    log(`timing a bulk import of ${BENCH_TARGETS.roadSegments} road segments (rolled back)`);
    const bulkImport = await measureBulkImport(database.url, BENCH_TARGETS.roadSegments);
    const tuning = plan.isTuned ? await measureTuning(context) : [];
    const mobility = await runMobilityBench(adminUrlOf(database.url), database.url, args.isQuick, log);
    const perZoom = Object.fromEntries([...new Set(list.map((tile) => tile.z))].map((z) => [String(z), list.filter((tile) => tile.z === z).length]));
    const report = {
      mode: args.isQuick ? ('quick' as const) : ('full' as const),
      startedAt,
      machine: { cpus: cpus().length, node: process.versions.node, postgres: await serverVersion(database.url) },
      dataset: { counts: database.counts, wasBuilt: database.wasBuilt, buildSeconds: database.buildSeconds },
      tileList: { count: list.length, perZoom, layer: context.layer.id },
      throughput: rows, sizes, lowZooms, zoomTimes: zoomTimes(context, byName), tileStatementTimeoutMs: loadConfig({}).TILE_STATEMENT_TIMEOUT_MS,
      freshness, memory, tuning, queries, mobility, bulkImport, load, replica,
    };
    return { ...report, targets: evaluateTargets(report) };
  } finally {
    for (const server of context.servers) await server.stop();
    await context.runner.stop();
    database.stop();
  }
}
