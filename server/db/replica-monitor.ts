import pg from 'pg';
import { parseWalPosition, type WalPosition } from './wal-position.ts';

/**
 * What the server knows of its replica:
 * - `unknown`: not asked yet (starting);
 * - `standby`: answering, in recovery, replaying the primary's WAL;
 * - `not-a-standby`: answering but not in recovery (promoted, or the URL names a primary): its data no
 *   longer follows the primary's, so it is not read from;
 * - `down`: not answering.
 */
export type ReplicaState = 'unknown' | 'standby' | 'not-a-standby' | 'down';

export interface ReplicaMonitorOptions {
  /** The replica's connection settings (the replica pool's). */
  connection: pg.ClientConfig;
  /** Between two probes while nothing waits for replay, in milliseconds. */
  heartbeatMs?: number;
  /** Between two probes while a position is awaited, in milliseconds. */
  catchUpMs?: number;
  /** A probe that takes longer than this counts as the replica being down, in milliseconds. */
  probeTimeoutMs?: number;
  onStateChange?: (state: ReplicaState, error?: Error) => void;
}

const DEFAULTS = { heartbeatMs: 1_000, catchUpMs: 5, probeTimeoutMs: 2_000 };
/** After a failure, the next attempt waits this long, doubling up to the maximum. */
const RETRY_MS = { min: 100, max: 5_000 };

/**
 * Follows a streaming replica from one dedicated connection: whether it answers and is a standby, and up to
 * which WAL position it has replayed (pg_last_wal_replay_lsn()). It probes once a second, and every few
 * milliseconds while someone awaits a position the replica has not reached, so that reads come back to the
 * replica as soon as it has caught up. Replay only moves forward, so a position read before a query starts
 * is one that the query's snapshot includes.
 */
export class ReplicaMonitor {
  readonly #options: Required<Omit<ReplicaMonitorOptions, 'onStateChange'>> & Pick<ReplicaMonitorOptions, 'onStateChange'>;
  #state: ReplicaState = 'unknown';
  #replayed: WalPosition = -1n;
  #awaited: WalPosition = -1n;
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #isProbing = false;
  #isClosed = false;
  #retryMs = RETRY_MS.min;

  constructor(options: ReplicaMonitorOptions) {
    this.#options = { ...DEFAULTS, ...options };
  }

  get state(): ReplicaState {
    return this.#state;
  }

  /** Replayed up to here, as of the last probe (-1 before the first). */
  get replayed(): WalPosition {
    return this.#replayed;
  }

  /** Starts probing (once; later calls do nothing). */
  start(): void {
    if (this.#timer || this.#isProbing || this.#isClosed) return;
    void this.#probe();
  }

  /** Someone needs the replica to reach `position`: probe often until it has. */
  await(position: WalPosition): void {
    if (position <= this.#awaited) return;
    this.#awaited = position;
    if (this.#state === 'standby' && !this.#isProbing) this.#schedule(this.#options.catchUpMs);
  }

  /** A read on the replica failed as if it were down: count it down until a probe says otherwise. */
  reportFailure(error: Error): void {
    if (this.#isClosed) return;
    this.#lost(error);
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  async #probe(): Promise<void> {
    this.#timer = undefined;
    if (this.#isProbing || this.#isClosed) return;
    this.#isProbing = true;
    try {
      const client = await this.#connected();
      const row = (await client.query<{ is_standby: boolean; replayed: string | null }>(
        'SELECT pg_is_in_recovery() AS is_standby, pg_last_wal_replay_lsn()::text AS replayed',
      )).rows[0]!;
      if (this.#isClosed) return;
      this.#retryMs = RETRY_MS.min;
      if (row.is_standby && row.replayed) {
        const replayed = parseWalPosition(row.replayed);
        if (replayed > this.#replayed) this.#replayed = replayed;
        this.#setState('standby');
      } else {
        this.#setState('not-a-standby');
      }
      this.#schedule(this.#state === 'standby' && this.#awaited > this.#replayed ? this.#options.catchUpMs : this.#options.heartbeatMs);
    } catch (error) {
      this.#lost(error as Error);
    } finally {
      this.#isProbing = false;
    }
  }

  async #connected(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({
      ...this.#options.connection,
      application_name: 'casa-sig-replica-monitor',
      connectionTimeoutMillis: this.#options.probeTimeoutMs,
      query_timeout: this.#options.probeTimeoutMs,
    });
    client.on('error', (error) => {
      if (this.#client === client) this.#lost(error);
    });
    this.#client = client;
    await client.connect();
    const stream = client.connection.stream as { unref?: () => void };
    stream.unref?.();
    return client;
  }

  #lost(error: Error): void {
    const client = this.#client;
    this.#client = undefined;
    client?.end().catch(() => undefined);
    this.#setState('down', error);
    const delay = this.#retryMs;
    this.#retryMs = Math.min(delay * 2, RETRY_MS.max);
    this.#schedule(delay);
  }

  #schedule(delayMs: number): void {
    if (this.#isClosed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#probe(), delayMs);
    this.#timer.unref();
  }

  #setState(state: ReplicaState, error?: Error): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onStateChange?.(state, error);
  }
}
