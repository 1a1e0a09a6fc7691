import type pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { createPool } from '../../server/db/pool.ts';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { benchAdminToken } from './bench-admin.ts';
import type { BenchServer } from './bench-processes.ts';
import { restoreRoadConditions } from './edit-freshness.ts';
import { LOAD_KINDS, type LoadPhase, type LoadTestResult, summarisePhase } from './load-test-report.ts';
import type { LoadRunner } from './load-runner.ts';
import type { MixArrival, MixRequest } from './mix-client.ts';
import { BROWSER_HEADERS } from './throughput.ts';
import { CITY_BBOX } from './tile-list.ts';

/**
 * The server the load test measures runs with the default settings, behind a reverse proxy on loopback as
 * in production: each simulated citizen (X-Forwarded-For) is then a source of its own for the query queue's
 * fairness and per-source budget, which keep their default values.
 */
export const LOAD_TEST_SETTINGS: Record<string, string> = { TRUST_PROXY: 'loopback', QUERY_RATE_PER_MINUTE: String(loadConfig({}).QUERY_RATE_PER_MINUTE) };

/** Per cent of each kind of request in a mix. */
export type MixShares = Record<(typeof LOAD_KINDS)[number], number>;

/** The load test's mix: mostly map tiles, then reads, queries and searches, and some edits. */
const MIX_SHARES: MixShares = { tile: 50, item: 15, query: 15, search: 12, edit: 8 };
const CITIZENS = 1_000;
const MIX_LENGTH = 10_000;
/** Edits go to these many roads near the centre, whose conditions are put back afterwards. */
const EDITED_ROADS = 200;
const SEARCH_TERMS = ['zerktouni', 'الزرقطوني', 'ain sebaa', 'boulevard', 'anfa', 'maarif', 'rue', 'hay', 'مولاي', 'place'];
/** Arrival rates of the open phases, as multiples of the capacity measured first. */
const NOMINAL_FACTOR = 0.5;
const OVERLOAD_FACTOR = 3;
/** Enough closed clients to keep every server queue busy without overflowing it (queries: 6 running, 64 waiting). */
const CAPACITY_CLIENTS = 48;
/** Connections the client may hold at once in an open phase: far more than the server admits. */
const MAX_CONNECTIONS = 1_024;
const REQUEST_TIMEOUT_MS = 30_000;

/** A deterministic pseudo-random sequence in [0, 1): the same mix in every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** What the mix's requests name: roads to read, roads to edit (with their conditions, to put back) and who edits. */
export interface MixSources {
  roadIds: number[];
  editedRoads: { id: number; condition: string }[];
  adminToken: string;
}

/** Reads the mix's sources from the benchmark database (the administrator is created on first use). */
export async function readMixSources(pool: pg.Pool): Promise<MixSources> {
  const roadIds = (await pool.query<{ id: number }>('SELECT id FROM road_segments WHERE id % 97 = 0 ORDER BY id LIMIT 2000')).rows.map((row) => row.id);
  const editedRoads = (await pool.query<{ id: number; condition: string }>(
    `SELECT id, condition FROM road_segments
      ORDER BY geom <-> ST_SetSRID(ST_MakePoint(-7.6186, 33.5928), 4326), id LIMIT $1`,
    [EDITED_ROADS],
  )).rows;
  return { roadIds, editedRoads, adminToken: await benchAdminToken(pool) };
}

/** A fixed mix: each request's kind drawn by its share, its place in the city and its citizen at random. */
export function buildMix(sources: MixSources, shares: MixShares): MixRequest[] {
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const [west, south, east, north] = CITY_BBOX;
  const place = () => [west + random() * (east - west), south + random() * (north - south)].map((value) => value.toFixed(5));
  const thresholds = LOAD_KINDS.map((_, index) => LOAD_KINDS.slice(0, index + 1).reduce((sum, name) => sum + shares[name], 0) / 100);
  const requests: MixRequest[] = [];
  for (let index = 0; index < MIX_LENGTH; index += 1) {
    const draw = random();
    const kind = thresholds.findIndex((threshold) => draw < threshold);
    const citizen = Math.floor(random() * CITIZENS);
    const headers = { 'X-Forwarded-For': `10.${citizen >> 8}.${citizen & 255}.7` };
    const [lon, lat] = place();
    if (LOAD_KINDS[kind] === 'tile') {
      const tile = tileForLonLat(Number(lon), Number(lat), 14 + Math.floor(random() * 4));
      requests.push({ kind, method: 'GET', path: `/tiles/road_segments/${tile.z}/${tile.x}/${tile.y}.mvt`, headers: { ...headers, ...BROWSER_HEADERS } });
    } else if (LOAD_KINDS[kind] === 'item') {
      requests.push({ kind, method: 'GET', path: `/ogc/collections/road_segments/items/${pick(sources.roadIds)}`, headers });
    } else if (LOAD_KINDS[kind] === 'query') {
      const path = random() < 0.5 ? `/api/query/locate?lon=${lon}&lat=${lat}` : `/api/query/nearby?layer=transit_stops&lon=${lon}&lat=${lat}&radius=1000&limit=10`;
      requests.push({ kind, method: 'GET', path, headers });
    } else if (LOAD_KINDS[kind] === 'search') {
      requests.push({ kind, method: 'GET', path: `/api/search?q=${encodeURIComponent(pick(SEARCH_TERMS))}&lon=${lon}&lat=${lat}`, headers });
    } else {
      const road = pick(sources.editedRoads);
      requests.push({
        kind, method: 'PATCH', path: `/ogc/collections/road_segments/items/${road.id}`,
        headers: { Authorization: `Bearer ${sources.adminToken}`, 'If-Match': '*', 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ properties: { condition: pick(['good', 'fair', 'poor']) } }),
      });
    }
  }
  return requests;
}

/** Samples the server's resident set size every 100 ms while `work` runs; the largest seen. */
async function withPeakRss<T>(server: BenchServer, work: () => Promise<T>): Promise<{ value: T; peakRssBytes: number }> {
  let peak = server.rssBytes();
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rssBytes());
  }, 100);
  try {
    const value = await work();
    return { value, peakRssBytes: Math.max(peak, server.rssBytes()) };
  } finally {
    clearInterval(timer);
  }
}

export interface LoadTestOptions {
  runner: LoadRunner;
  /** casa-sig started with LOAD_TEST_SETTINGS on the benchmark database. */
  server: BenchServer;
  databaseUrl: string;
  phaseSeconds: number;
  log: (message: string) => void;
}

/**
 * The bounded load test: the mix from a second process (the load client), first closed (48 clients: what
 * the server serves at most), then open at half that rate, then open at three times that rate. Reports
 * throughput, refusals and latency of each phase and the server's memory; the edited roads get their
 * conditions back at the end.
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const pool = createPool({ connectionString: options.databaseUrl, max: 2, statementTimeoutMs: 60_000, applicationName: 'casa-sig-bench-load' });
  try {
    const sources = await readMixSources(pool);
    const requests = buildMix(sources, MIX_SHARES);
    const durationMs = options.phaseSeconds * 1000;
    const run = (arrival: MixArrival, duration = durationMs) => options.runner.run({
      kind: 'mix', baseUrl: options.server.url, requests, arrival, durationMs: duration, timeoutMs: REQUEST_TIMEOUT_MS,
    });
    try {
      const warmUpMs = Math.max(3_000, durationMs / 2);
      options.log(`load test: warming up (closed, ${warmUpMs / 1000} s)`);
      await run({ kind: 'closed', concurrency: CAPACITY_CLIENTS }, warmUpMs);
      const rssAtStartBytes = options.server.rssBytes();
      const phases: LoadPhase[] = [];
      const measure = async (name: string, arrival: MixArrival, label: string) => {
        options.log(`load test: ${name} (${label}, ${options.phaseSeconds} s)`);
        const { value, peakRssBytes } = await withPeakRss(options.server, () => run(arrival));
        const phase = summarisePhase(name, label, value, peakRssBytes);
        phases.push(phase);
        return phase;
      };
      const capacity = await measure('capacity', { kind: 'closed', concurrency: CAPACITY_CLIENTS }, `closed, ${CAPACITY_CLIENTS} clients`);
      for (const [name, factor] of [['nominal', NOMINAL_FACTOR], ['overload', OVERLOAD_FACTOR]] as const) {
        const perSecond = Math.round(capacity.admittedPerSecond * factor);
        await measure(name, { kind: 'open', perSecond, maxConnections: MAX_CONNECTIONS }, `open, ${perSecond}/s (${factor}x capacity)`);
      }
      return { phaseSeconds: options.phaseSeconds, citizens: CITIZENS, mix: { ...MIX_SHARES }, rssAtStartBytes, phases };
    } finally {
      await restoreRoadConditions(pool, sources.editedRoads);
    }
  } finally {
    await pool.end();
  }
}
