import pg from 'pg';
import { HttpConnection } from './http-connection.ts';
import { type MixJob, runMixJob } from './mix-client.ts';

/**
 * The benchmark's client, run as a second process (fork with IPC) so that measuring never takes CPU from
 * the process being measured. It runs one job at a time and answers with raw latencies; the parent does
 * the statistics. Only 127.0.0.1 is ever contacted.
 */

/** GET every path (in order, `passes` times) with `concurrency` keep-alive connections. */
export interface HttpJob {
  kind: 'http';
  baseUrl: string;
  paths: string[];
  concurrency: number;
  passes: number;
  headers: Record<string, string>;
}

/** Run every query (in order, `passes` times) on `concurrency` connections of their own. */
export interface SqlJob {
  kind: 'sql';
  connectionString: string;
  /** Session settings of the connections (libpq `options`, e.g. "-c name=value"). */
  sessionOptions: string;
  queries: { text: string; values: unknown[] }[];
  concurrency: number;
  passes: number;
}

export type LoadJob = HttpJob | SqlJob | MixJob;

export interface LoadResult {
  /** Per item of the last pass, in list order: milliseconds, status (HTTP, or 200 for SQL) and bytes. */
  latenciesMs: number[];
  statuses: number[];
  bytes: number[];
  /** Every item of every pass: the latencies the quantiles are computed from. */
  allLatenciesMs: number[];
  elapsedMs: number;
}

/** Runs `work(index)` for every index, `concurrency` at a time, recording each one's duration. */
async function runPool(total: number, concurrency: number, work: (index: number, worker: number) => Promise<void>): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies = new Array<number>(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) {
        const begin = performance.now();
        await work(index, worker);
        latencies[index] = performance.now() - begin;
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

export async function runHttpJob(job: HttpJob): Promise<LoadResult> {
  const base = new URL(job.baseUrl);
  const connections = Array.from({ length: job.concurrency }, () => new HttpConnection(base));
  const total = job.paths.length * job.passes;
  const statuses = new Array<number>(job.paths.length);
  const bytes = new Array<number>(job.paths.length);
  try {
    const run = await runPool(total, job.concurrency, async (index, worker) => {
      const item = index % job.paths.length;
      const answer = await connections[worker]!.request({ method: 'GET', path: job.paths[item]!, headers: job.headers });
      statuses[item] = answer.status;
      bytes[item] = answer.bytes;
    });
    return { latenciesMs: run.latencies.slice(-job.paths.length), statuses, bytes, allLatenciesMs: run.latencies, elapsedMs: run.elapsedMs };
  } finally {
    for (const connection of connections) connection.close();
  }
}

/**
 * SQL connections stay open from one job to the next, as the servers' pools do. A new PostgreSQL backend
 * loads PostGIS and fills its caches on its first queries (seen with perf: the dynamic loader and page
 * faults of fresh backends took several per cent of the reference's CPU); a server pays that once, so the
 * reference must not pay it in every measurement.
 */
const sqlConnections = new Map<string, pg.Client[]>();

async function connectionsFor(job: SqlJob): Promise<pg.Client[]> {
  const key = `${job.connectionString}\n${job.sessionOptions}`;
  const open = sqlConnections.get(key) ?? [];
  sqlConnections.set(key, open);
  while (open.length < job.concurrency) {
    const client = new pg.Client({ connectionString: job.connectionString, options: job.sessionOptions, application_name: 'bench-raw' });
    // A connection that fails is dropped; the job using it fails with it, and the next job opens another.
    client.on('error', () => {
      const index = open.indexOf(client);
      if (index >= 0) open.splice(index, 1);
    });
    await client.connect();
    open.push(client);
  }
  return open.slice(0, job.concurrency);
}

export async function runSqlJob(job: SqlJob): Promise<LoadResult> {
  const clients = await connectionsFor(job);
  const total = job.queries.length * job.passes;
  const bytes = new Array<number>(job.queries.length);
  const run = await runPool(total, job.concurrency, async (index, worker) => {
    const item = index % job.queries.length;
    const result = await clients[worker]!.query<{ mvt: Buffer | null }>(job.queries[item]!);
    bytes[item] = result.rows[0]?.mvt?.length ?? 0;
  });
  const statuses = bytes.map(() => 200);
  return { latenciesMs: run.latencies.slice(-job.queries.length), statuses, bytes, allLatenciesMs: run.latencies, elapsedMs: run.elapsedMs };
}

/** As a child process: answer jobs from the parent until it disconnects. */
if (process.send && process.argv.includes('--load-client')) {
  process.on('message', (message: { id: number; job: LoadJob }) => {
    const { job } = message;
    const running = job.kind === 'http' ? runHttpJob(job) : job.kind === 'sql' ? runSqlJob(job) : runMixJob(job);
    running.then(
      (result) => process.send!({ id: message.id, result }),
      (error: Error) => process.send!({ id: message.id, error: error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
