import type pg from 'pg';
import type { LayerRegistry } from '../layers/registry.ts';
import { closeWithPool, connectionOf, NotificationListener } from '../db/notification-listener.ts';
import { loadTimetable } from './load-timetable.ts';
import type { Timetable } from './timetable.ts';
import { TIMETABLE_CHANGES_CHANNEL } from './timetable-channel.ts';

/**
 * The server process's timetable: built from the database on first use, rebuilt when an import commits
 * (TIMETABLE_CHANGES_CHANNEL, on every server process) and after the listening connection comes back
 * (an import may have committed while it was down). Requests keep using the previous timetable while a
 * new one is built, so a rebuild never blocks them; a feed that did not change is not rebuilt.
 */
export class TimetableService {
  readonly #pool: pg.Pool;
  readonly #registry: LayerRegistry;
  readonly #onError: (error: Error) => void;
  readonly #listener: NotificationListener;
  readonly #stopOwnerWatch: () => void;
  #current: Promise<Timetable> | undefined;
  #rebuilding: Promise<void> | undefined;
  #isStale = false;

  constructor(pool: pg.Pool, registry: LayerRegistry, onError: (error: Error) => void = () => undefined) {
    this.#pool = pool;
    this.#registry = registry;
    this.#onError = onError;
    this.#listener = new NotificationListener({
      connection: connectionOf(pool),
      channel: TIMETABLE_CHANGES_CHANNEL,
      applicationName: 'casa-sig-timetable-listener',
      onNotification: () => void this.refresh(),
      onStateChange: (state) => {
        if (state === 'listening' && this.#current) this.refresh();
      },
      onError,
    });
    this.#stopOwnerWatch = closeWithPool(pool, () => this.close());
  }

  /** The current timetable, built on first call (a failed build is retried by the next call). */
  timetable(): Promise<Timetable> {
    this.#listener.start();
    if (!this.#current) {
      const building = loadTimetable(this.#pool, this.#registry);
      this.#current = building;
      building.catch(() => {
        if (this.#current === building) this.#current = undefined;
      });
    }
    return this.#current;
  }

  /** Rebuilds if the feed in the database differs from the one in memory; one rebuild at a time. */
  refresh(): Promise<void> {
    if (this.#rebuilding) {
      this.#isStale = true;
      return this.#rebuilding;
    }
    this.#rebuilding = this.#rebuild().finally(() => {
      this.#rebuilding = undefined;
      if (this.#isStale) {
        this.#isStale = false;
        void this.refresh();
      }
    });
    return this.#rebuilding;
  }

  async #rebuild(): Promise<void> {
    try {
      const feed = await this.#pool.query<{ sha256: string }>('SELECT sha256 FROM gtfs.feed');
      const version = feed.rows[0]?.sha256 ?? 'none';
      const current = await this.#current?.catch(() => undefined);
      if (current?.version === version) return;
      const next = await loadTimetable(this.#pool, this.#registry);
      this.#current = Promise.resolve(next);
    } catch (error) {
      this.#onError(error as Error);
    }
  }

  async close(): Promise<void> {
    this.#stopOwnerWatch();
    await this.#listener.close();
  }
}
