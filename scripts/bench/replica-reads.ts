import { rmSync } from 'node:fs';
import pg from 'pg';
import type { EmbeddedCluster } from '../../server/db/embedded-cluster.ts';
import { startEmbeddedStandby } from '../../server/db/embedded-standby.ts';
import { createPool } from '../../server/db/pool.ts';
import type { BenchServer } from './bench-processes.ts';
import { summarisePhase } from './load-test-report.ts';
import { buildMix, LOAD_TEST_SETTINGS, readMixSources } from './load-test.ts';
import type { LoadRunner } from './load-runner.ts';
import type { MixRequest } from './mix-client.ts';

/** Read throughput of one casa-sig server: the median round of its closed runs. */
export interface ReadRun {
  perSecond: number;
  p95Ms: number;
}

export interface ReplicaReadsResult {
  clients: number;
  roundSeconds: number;
  rounds: number;
  /** Seconds pg_basebackup took to copy the benchmark cluster into the standby. */
  copySeconds: number;
  primaryAlone: ReadRun;
  withReplica: ReadRun;
  /** withReplica / primaryAlone. */
  ratio: number;
  /**
   * Transactions committed per read served, less what the databases commit idle in as long (the other
   * servers' background work): on the primary for the server alone, and on the primary and on the replica
   * for the server with a replica. Where the reads went.
   */
  perRead: { primaryAlone: number; primaryWithReplica: number; replicaWithReplica: number };
}

/** Reads only: tiles (the cache off, so every tile is drawn by the database), item reads, queries, searches. */
const READ_SHARES = { tile: 55, item: 15, query: 15, search: 15, edit: 0 };
const CLIENTS = 16;
const READY_TIMEOUT_MS = 120_000;

/** Transactions committed so far in `database` of each cluster, once the backends have flushed their statistics. */
async function committedTransactions(urls: readonly string[], database: string): Promise<number[]> {
  // Statistics are flushed by each backend at most once a second: this reads them after that.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return Promise.all(urls.map(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1', [database])).rows[0]!.n);
    } finally {
      await client.end();
    }
  }));
}

/** What `work` adds to each cluster's committed transactions. */
async function transactionsDuring(urls: readonly string[], database: string, work: () => Promise<unknown>): Promise<number[]> {
  const before = await committedTransactions(urls, database);
  await work();
  const after = await committedTransactions(urls, database);
  return after.map((count, index) => count - before[index]!);
}

async function untilReadsFromReplica(server: BenchServer): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${server.url}/readyz`).catch(() => undefined);
    if (response?.status === 200 && (await response.json()).replica?.reads === 'replica') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.name} never read from the replica within ${READY_TIMEOUT_MS / 1000} s`);
}

export interface ReplicaReadsOptions {
  runner: LoadRunner;
  databaseUrl: string;
  /** Where the standby copy goes (replaced at every run: a standby left from an earlier run may lack the WAL to catch up). */
  standbyDir: string;
  standbyPort: number;
  /** Starts casa-sig on the benchmark database with these settings (the caller stops it). */
  startServer: (name: string, settings: Record<string, string>) => Promise<BenchServer>;
  rounds: number;
  roundSeconds: number;
  log: (message: string) => void;
}

/**
 * The read throughput of casa-sig with a streaming replica beside the primary against the primary alone:
 * a real standby (pg_basebackup -R of the benchmark cluster), two servers with the cache off, one of them
 * with DATABASE_REPLICA_URL, measured in alternating rounds with the same read-only mix. On one machine the
 * replica shares the primary's CPU, so this is the cost of the routing more than the gain of a second
 * machine; the transactions committed per read show that the reads did go to the replica.
 */
export async function measureReplicaReads(options: ReplicaReadsOptions): Promise<ReplicaReadsResult> {
  const database = new URL(options.databaseUrl).pathname.slice(1);
  rmSync(options.standbyDir, { recursive: true, force: true });
  options.log('copying the benchmark cluster into a streaming replica (pg_basebackup -R)');
  const copyStarted = performance.now();
  const standby: EmbeddedCluster = await startEmbeddedStandby({
    primaryConnectionString: options.databaseUrl, dataDir: options.standbyDir, port: options.standbyPort, database, isDurable: false, log: options.log,
  });
  const copySeconds = (performance.now() - copyStarted) / 1000;
  try {
    const settings = { ...LOAD_TEST_SETTINGS, TILE_CACHE_MAX_BYTES: '0' };
    const alone = await options.startServer('casa-primary-reads', settings);
    const replicated = await options.startServer('casa-replica-reads', { ...settings, DATABASE_REPLICA_URL: standby.connectionString });
    await untilReadsFromReplica(replicated);
    const pool = createPool({ connectionString: options.databaseUrl, max: 1, statementTimeoutMs: 60_000, applicationName: 'casa-sig-bench-replica' });
    let requests: MixRequest[];
    try {
      requests = buildMix(await readMixSources(pool), READ_SHARES);
    } finally {
      await pool.end();
    }
    const run = (server: BenchServer, seconds: number) => options.runner.run({
      kind: 'mix', baseUrl: server.url, requests, arrival: { kind: 'closed', concurrency: CLIENTS }, durationMs: seconds * 1000, timeoutMs: 30_000,
    });
    options.log('replica: warming up both servers');
    for (const server of [alone, replicated]) await run(server, 3);
    const urls = [options.databaseUrl, standby.connectionString];
    const idle = await transactionsDuring(urls, database, () => new Promise((resolve) => setTimeout(resolve, options.roundSeconds * 1000)));
    const runs = { alone: [] as ReadRun[], replicated: [] as ReadRun[] };
    const totals = { alone: { reads: 0, primary: 0, replica: 0 }, replicated: { reads: 0, primary: 0, replica: 0 } };
    for (let round = 0; round < options.rounds; round += 1) {
      options.log(`replica: round ${round + 1} of ${options.rounds} (${options.roundSeconds} s per server)`);
      for (const [name, server] of [['alone', alone], ['replicated', replicated]] as const) {
        let reads = 0;
        const [primary, replica] = await transactionsDuring(urls, database, async () => {
          const result = await run(server, options.roundSeconds);
          const phase = summarisePhase(name, 'closed', result, 0);
          if (phase.errorShare + phase.shedShare + phase.limitedShare > 0) throw new Error(`replica bench: ${server.name} refused or failed reads`);
          runs[name].push({ perSecond: phase.admittedPerSecond, p95Ms: phase.admittedP95Ms });
          reads = result.statuses.length;
        });
        totals[name].reads += reads;
        totals[name].primary += primary! - idle[0]!;
        totals[name].replica += replica! - idle[1]!;
      }
    }
    const median = (values: ReadRun[]) => [...values].sort((a, b) => a.perSecond - b.perSecond)[Math.floor((values.length - 1) / 2)]!;
    const primaryAlone = median(runs.alone);
    const withReplica = median(runs.replicated);
    await alone.stop();
    await replicated.stop();
    return {
      clients: CLIENTS, roundSeconds: options.roundSeconds, rounds: options.rounds, copySeconds, primaryAlone, withReplica,
      ratio: withReplica.perSecond / primaryAlone.perSecond,
      perRead: {
        primaryAlone: totals.alone.primary / totals.alone.reads,
        primaryWithReplica: totals.replicated.primary / totals.replicated.reads,
        replicaWithReplica: totals.replicated.replica / totals.replicated.reads,
      },
    };
  } finally {
    standby.stop();
    rmSync(options.standbyDir, { recursive: true, force: true });
  }
}
