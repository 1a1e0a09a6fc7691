import { UnavailableError } from '../http/errors.ts';

export interface RenderQueueSettings {
  /** Renders running at once (each holds one database connection). */
  concurrency: number;
  /** Renders allowed to wait for a slot; one more is refused with a 503. */
  maxQueued: number;
  /** Retry-After sent with the 503, in seconds. */
  retryAfterSeconds: number;
}

/** The queue is full: the server is busy, the client should come back shortly. */
export class TileRenderBusyError extends UnavailableError {
  constructor(retryAfterSeconds: number) {
    super('Too many tiles are being drawn right now; retry shortly', retryAfterSeconds);
  }
}

/**
 * Bounds tile rendering: at most `concurrency` renders run, at most `maxQueued` wait, in arrival order.
 * A slow tile holds one slot until its statement timeout at worst, so it never blocks the others; past
 * the queue, requests are refused at once instead of piling up memory and latency.
 */
export class RenderQueue {
  readonly #settings: RenderQueueSettings;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(settings: RenderQueueSettings) {
    if (settings.concurrency < 1) throw new RangeError('RenderQueue: concurrency must be at least 1');
    this.#settings = settings;
  }

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Runs the task when a slot is free; throws TileRenderBusyError at once when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.#settings.concurrency) {
      if (this.#waiting.length >= this.#settings.maxQueued) throw new TileRenderBusyError(this.#settings.retryAfterSeconds);
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
