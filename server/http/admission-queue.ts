import { UnavailableError } from './errors.ts';

export interface AdmissionSettings {
  /** Tasks running at once (each holds one database connection). */
  concurrency: number;
  /** Tasks allowed to wait for a slot; one more is refused with a 503. */
  maxQueued: number;
  /** Retry-After sent with the 503, in seconds. */
  retryAfterSeconds: number;
  /** What the 503 says is busy, e.g. "Too many tiles are being drawn right now; retry shortly". */
  busyDetail: string;
}

/** The queue is full: the server is busy, the client should come back shortly. */
export class ServerBusyError extends UnavailableError {}

/**
 * Bounds a kind of database work: at most `concurrency` tasks run, at most `maxQueued` wait, in arrival
 * order. A slow task holds one slot until its statement timeout at worst, so it never blocks the others
 * nor takes every connection of its pool; past the queue, requests are refused at once instead of piling up
 * memory and latency.
 */
export class AdmissionQueue {
  readonly #settings: AdmissionSettings;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(settings: AdmissionSettings) {
    if (settings.concurrency < 1) throw new RangeError('AdmissionQueue: concurrency must be at least 1');
    this.#settings = settings;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Runs the task when a slot is free; throws ServerBusyError at once when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.#settings.concurrency) {
      if (this.#waiting.length >= this.#settings.maxQueued) throw new ServerBusyError(this.#settings.busyDetail, this.#settings.retryAfterSeconds);
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#active += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so #active only drops when nobody waits.
      if (next) next();
      else this.#active -= 1;
    }
  }
}
