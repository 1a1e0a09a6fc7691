import pg from 'pg';

/** Whether a listener currently receives every notification (false while connecting or reconnecting). */
export type ListenerState = 'listening' | 'disconnected';

export interface NotificationListenerOptions {
  /** Connection settings of the dedicated client (same database as the server's pool). */
  connection: pg.ClientConfig;
  channel: string;
  /** application_name of the connection, to tell it apart in pg_stat_activity. */
  applicationName: string;
  onNotification: (payload: string | undefined) => void;
  /**
   * Called on every state change. Notifications sent while disconnected are lost, so a cache must forget
   * everything when the state changes: what it holds from before was never checked against them.
   */
  onStateChange: (state: ListenerState) => void;
  onError?: (error: Error) => void;
  /** Reconnection delay: doubles from `min` after each failure up to `max`, in milliseconds. */
  retryDelayMs?: { min: number; max: number };
}

/**
 * One dedicated PostgreSQL connection LISTENing on one channel, for the in-process caches that every server
 * process keeps (tiles, sessions): PostgreSQL delivers a NOTIFY only when its transaction commits, to every
 * process. When the connection drops it reconnects with backoff until closed. Its socket does not keep the
 * process alive.
 */
export class NotificationListener {
  readonly #options: NotificationListenerOptions;
  #client: pg.Client | undefined;
  #state: ListenerState = 'disconnected';
  #isClosed = false;
  #retryDelay: number;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: NotificationListenerOptions) {
    this.#options = options;
    this.#retryDelay = options.retryDelayMs?.min ?? 100;
  }

  get state(): ListenerState {
    return this.#state;
  }

  /** Connects (once; later calls do nothing). Failures are retried in the background. */
  start(): void {
    if (this.#client || this.#retryTimer || this.#isClosed) return;
    void this.#connect();
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const client = this.#client;
    this.#client = undefined;
    this.#setState('disconnected');
    await client?.end().catch(() => undefined);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ ...this.#options.connection, application_name: this.#options.applicationName });
    this.#client = client;
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (message.channel === this.#options.channel) this.#options.onNotification(message.payload);
    });
    try {
      await client.connect();
      const stream = client.connection.stream as { unref?: () => void };
      stream.unref?.();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.#options.channel)}`);
      if (this.#client !== client) return;
      this.#retryDelay = this.#options.retryDelayMs?.min ?? 100;
      this.#setState('listening');
    } catch (error) {
      this.#lost(client, error as Error);
    }
  }

  #lost(client: pg.Client, error?: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#setState('disconnected');
    client.end().catch(() => undefined);
    if (error) this.#options.onError?.(error);
    if (this.#isClosed) return;
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(delay * 2, this.#options.retryDelayMs?.max ?? 5_000);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (!this.#isClosed) void this.#connect();
    }, delay);
    this.#retryTimer.unref();
  }

  #setState(state: ListenerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onStateChange(state);
  }
}

/** Connection settings of a pool, for a dedicated client on the same database (pg keeps the password out of enumerable options). */
export function connectionOf(pool: pg.Pool): pg.ClientConfig {
  const { connectionString, host, port, user, database, ssl } = pool.options;
  return { connectionString, host, port, user, database, ssl, password: pool.options.password };
}

/** Calls `close` once the pool is being ended, checked every second: what listens beside a pool lives as long as it. */
export function closeWithPool(pool: pg.Pool, close: () => Promise<void>): () => void {
  const watch = setInterval(() => {
    if (!pool.ending) return;
    clearInterval(watch);
    void close();
  }, 1_000);
  watch.unref();
  return () => clearInterval(watch);
}
