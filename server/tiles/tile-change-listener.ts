import pg from 'pg';
import { z } from 'zod';
import { type TileChange, TILE_CHANGES_CHANNEL } from './tile-invalidation.ts';

/** Whether the listener currently receives every notification (false while connecting or reconnecting). */
export type ListenerState = 'listening' | 'disconnected';

export interface TileChangeListenerOptions {
  /** Connection settings of the dedicated client (same database as the server's pool). */
  connection: pg.ClientConfig;
  onChange: (change: TileChange) => void;
  /**
   * Called on every state change. Notifications sent while disconnected are lost, so a cache must forget
   * everything when the state changes: tiles cached before were never checked against them.
   */
  onStateChange: (state: ListenerState) => void;
  onError?: (error: Error) => void;
  /** Reconnection delay: doubles from `min` after each failure up to `max`, in milliseconds. */
  retryDelayMs?: { min: number; max: number };
  /** The channel to listen on, when not the tile-changes channel (same payloads). */
  channel?: string;
}

const bboxSchema = z.tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()]);
const changeSchema = z.object({ layer: z.string().min(1).max(100), bboxes: z.array(bboxSchema).max(10_000) });

/** A NOTIFY payload as a TileChange, or undefined when it is not one (it is then ignored). */
export function parseTileChange(payload: string | undefined): TileChange | undefined {
  if (!payload) return undefined;
  try {
    const parsed = changeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One dedicated PostgreSQL connection per server process, LISTENing on the tile-changes channel. When the
 * connection drops it reconnects with backoff until closed. Its socket does not keep the process alive.
 */
export class TileChangeListener {
  readonly #options: TileChangeListenerOptions;
  #client: pg.Client | undefined;
  #state: ListenerState = 'disconnected';
  #isClosed = false;
  #retryDelay: number;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: TileChangeListenerOptions) {
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
    const client = new pg.Client({ ...this.#options.connection, application_name: 'casa-sig-tile-listener' });
    this.#client = client;
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (message.channel !== (this.#options.channel ?? TILE_CHANGES_CHANNEL)) return;
      const change = parseTileChange(message.payload);
      if (change) this.#options.onChange(change);
    });
    try {
      await client.connect();
      const stream = client.connection.stream as { unref?: () => void };
      stream.unref?.();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.#options.channel ?? TILE_CHANGES_CHANNEL)}`);
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
