import { setTimeout as sleep } from 'node:timers/promises';
import { type ConnectionRequest, HttpConnection } from './http-connection.ts';

/** One request of a mix; `kind` indexes the mix's kinds (tile, item, query, search, edit). */
export interface MixRequest extends ConnectionRequest {
  kind: number;
}

/**
 * How requests arrive. Closed: `concurrency` clients, each sending its next request once the last one is
 * answered (what a server can do at most). Open: `perSecond` arrivals at a steady pace whatever the answers,
 * as the public does; an overloaded server then has more requests than it can serve, and must refuse some.
 */
export type MixArrival = { kind: 'closed'; concurrency: number } | { kind: 'open'; perSecond: number; maxConnections: number };

/** Send the mix's requests in order (cycling) for `durationMs`, then wait for every answer. */
export interface MixJob {
  kind: 'mix';
  baseUrl: string;
  requests: MixRequest[];
  arrival: MixArrival;
  durationMs: number;
  /** A request unanswered after this long counts as failed (status 0) and its connection is closed. */
  timeoutMs: number;
}

/** Per request sent, in sending order (parallel arrays: cheap to send between processes). */
export interface MixResult {
  kinds: number[];
  /** HTTP status, or 0 when no answer came (connection refused or closed, timeout). */
  statuses: number[];
  latenciesMs: number[];
  /** 1 when the answer carried Retry-After. */
  retryAfter: number[];
  /** Open arrivals that found all `maxConnections` busy and were not sent (the client's limit, not the server's). */
  unsent: number;
  /** The sending window (durationMs as it really ran). */
  elapsedMs: number;
}

/** The connections of one job: reused while open, new ones opened up to a bound. */
class ConnectionPool {
  readonly #idle: HttpConnection[] = [];
  #count = 0;

  constructor(readonly url: URL, readonly max: number) {}

  acquire(): HttpConnection | undefined {
    for (let connection = this.#idle.pop(); connection; connection = this.#idle.pop()) {
      if (connection.isOpen) return connection;
      this.#count -= 1;
    }
    if (this.#count >= this.max) return undefined;
    this.#count += 1;
    return new HttpConnection(this.url);
  }

  release(connection: HttpConnection): void {
    if (connection.isOpen) this.#idle.push(connection);
    else this.#count -= 1;
  }

  closeAll(): void {
    for (const connection of this.#idle) connection.close();
    this.#idle.length = 0;
  }
}

export async function runMixJob(job: MixJob): Promise<MixResult> {
  const result: MixResult = { kinds: [], statuses: [], latenciesMs: [], retryAfter: [], unsent: 0, elapsedMs: 0 };
  const pool = new ConnectionPool(new URL(job.baseUrl), job.arrival.kind === 'open' ? job.arrival.maxConnections : job.arrival.concurrency);
  let next = 0;
  const send = async (connection: HttpConnection): Promise<void> => {
    const request = job.requests[next++ % job.requests.length]!;
    const index = result.kinds.push(request.kind) - 1;
    result.statuses.push(0);
    result.latenciesMs.push(Number.NaN);
    result.retryAfter.push(0);
    const begin = performance.now();
    const timer = setTimeout(() => connection.close(), job.timeoutMs);
    try {
      const answer = await connection.request(request);
      result.statuses[index] = answer.status;
      result.retryAfter[index] = answer.retryAfter === undefined ? 0 : 1;
    } catch {
      // No answer: status 0.
    } finally {
      clearTimeout(timer);
      result.latenciesMs[index] = performance.now() - begin;
      pool.release(connection);
    }
  };
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const inFlight = new Set<Promise<void>>();
  if (job.arrival.kind === 'closed') {
    await Promise.all(Array.from({ length: job.arrival.concurrency }, async () => {
      while (elapsed() < job.durationMs) await send(pool.acquire()!);
    }));
  } else {
    const { perSecond } = job.arrival;
    let arrivals = 0;
    while (elapsed() < job.durationMs) {
      const due = Math.floor((elapsed() * perSecond) / 1000) + 1;
      for (; arrivals < due; arrivals += 1) {
        const connection = pool.acquire();
        if (!connection) {
          result.unsent += 1;
          continue;
        }
        const sending = send(connection);
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      }
      await sleep(1);
    }
  }
  result.elapsedMs = elapsed();
  await Promise.all(inFlight);
  pool.closeAll();
  return result;
}
