import { UnavailableError } from './errors.ts';
import type { SourceRateLimiter } from './source-rate-limiter.ts';

export interface AdmissionSettings {
  /** Tasks running at once (each holds one database connection). */
  concurrency: number;
  /** Tasks allowed to wait for a slot; one more is refused with a 503. */
  maxQueued: number;
  /** Tasks of one source running at once (default: `concurrency`, no limit of its own). */
  maxActivePerSource?: number;
  /** Tasks of one source waiting at once (default: `maxQueued`, no limit of its own). */
  maxQueuedPerSource?: number;
  /** Retry-After sent with the 503, in seconds. */
  retryAfterSeconds: number;
  /** What the 503 says is busy, e.g. "Too many tiles are being drawn right now; retry shortly". */
  busyDetail: string;
  /** Each source's budget over time (429 past it), checked before a task may wait for a slot. */
  limiter?: SourceRateLimiter | undefined;
}

/** The queue is full: the server is busy, the client should come back shortly. */
export class ServerBusyError extends UnavailableError {}

/**
 * Bounds a kind of database work: at most `concurrency` tasks run, at most `maxQueued` wait. A slow task
 * holds one slot until its statement timeout at worst, so it never blocks the others nor takes every
 * connection of its pool; past the queue, requests are refused at once instead of piling up memory and
 * latency.
 *
 * Tasks may name their source (an API key, an account, a network). A freed slot then goes to the waiting
 * source that has started the fewest tasks lately rather than to the oldest task, and a source may be held
 * to fewer running and waiting tasks than the whole: a harvester that fills its own share gets 503s while the public map's searches
 * from other sources still run next. Without sources the queue is first come, first served.
 */
export class AdmissionQueue {
  readonly #settings: Required<Omit<AdmissionSettings, 'limiter'>> & Pick<AdmissionSettings, 'limiter'>;
  #active = 0;
  #queued = 0;
  readonly #activeBySource = new Map<string, number>();
  /** Tasks started per source since it was last idle: the source that has had the fewest goes next. */
  readonly #startedBySource = new Map<string, number>();
  /** Waiting tasks by source; a source is in the map only while it has some, in the order it will be served. */
  readonly #waiting = new Map<string, (() => void)[]>();

  constructor(settings: AdmissionSettings) {
    if (settings.concurrency < 1) throw new RangeError('AdmissionQueue: concurrency must be at least 1');
    this.#settings = {
      ...settings,
      maxActivePerSource: Math.max(1, settings.maxActivePerSource ?? settings.concurrency),
      maxQueuedPerSource: settings.maxQueuedPerSource ?? settings.maxQueued,
    };
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#queued;
  }

  /**
   * Runs the task when a slot is free for its source; throws RateLimitedError when the source has spent its
   * budget (`cost` of it is taken) and ServerBusyError at once when its queue is full.
   */
  async run<T>(task: () => Promise<T>, source = '', cost = 1): Promise<T> {
    this.#settings.limiter?.take(source, cost);
    if (this.#canStart(source) && !this.#waiting.has(source)) {
      this.#start(source);
    } else {
      const waiting = this.#waiting.get(source) ?? [];
      if (this.#queued >= this.#settings.maxQueued || waiting.length >= this.#settings.maxQueuedPerSource) {
        throw new ServerBusyError(this.#settings.busyDetail, this.#settings.retryAfterSeconds);
      }
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        this.#waiting.set(source, waiting);
        this.#queued += 1;
      });
    }
    try {
      return await task();
    } finally {
      this.#active -= 1;
      const running = this.#activeBySource.get(source)! - 1;
      if (running > 0) this.#activeBySource.set(source, running);
      else {
        this.#activeBySource.delete(source);
        if (!this.#waiting.has(source)) this.#startedBySource.delete(source);
      }
      this.#dispatch();
    }
  }

  #canStart(source: string): boolean {
    return this.#active < this.#settings.concurrency && (this.#activeBySource.get(source) ?? 0) < this.#settings.maxActivePerSource;
  }

  #start(source: string): void {
    this.#active += 1;
    this.#activeBySource.set(source, (this.#activeBySource.get(source) ?? 0) + 1);
    this.#startedBySource.set(source, (this.#startedBySource.get(source) ?? 0) + 1);
  }

  /**
   * Starts waiting tasks while slots are free, each time from the source that has started the fewest tasks
   * since it was last idle (the longest waiting among equals): a newcomer goes before a busy harvester, and
   * two busy sources alternate.
   */
  #dispatch(): void {
    while (this.#active < this.#settings.concurrency) {
      let chosen: string | undefined;
      for (const source of this.#waiting.keys()) {
        if (!this.#canStart(source)) continue;
        if (chosen === undefined || (this.#startedBySource.get(source) ?? 0) < (this.#startedBySource.get(chosen) ?? 0)) chosen = source;
      }
      if (chosen === undefined) return;
      const waiting = this.#waiting.get(chosen)!;
      const next = waiting.shift()!;
      if (waiting.length === 0) this.#waiting.delete(chosen);
      this.#queued -= 1;
      this.#start(chosen);
      next();
    }
  }
}
