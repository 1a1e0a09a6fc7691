import type { IncomingMessage, ServerResponse } from 'node:http';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { ServerBusyError } from './admission-queue.ts';
import { serializeProblem, toProblem } from './problem.ts';
import { requestIdFor } from './request-id.ts';

export interface LoadShedderOptions {
  /** Shed while the event loop's mean delay over a sample exceeds this, in milliseconds; 0 = never. */
  maxDelayMs: number;
  /** How often the delay is read, in milliseconds. */
  sampleMs?: number;
  /** Told when shedding starts (with the delay then) and stops (with how many requests were refused meanwhile). */
  onChange?: (event: { isShedding: boolean; delayMs: number; refused: number }) => void;
}

const DEFAULT_SAMPLE_MS = 100;
/** Resolution of the delay histogram, in milliseconds (also its floor: a timer of this period is what is measured). */
const RESOLUTION_MS = 10;
/**
 * Samples in a row over the limit before shedding starts: overload lasts, whereas one long synchronous task
 * (a huge body to parse, a garbage collection) delays one sample and is over.
 */
const SAMPLES_TO_START = 3;
/** A refused client may come back after this many seconds. */
const RETRY_AFTER_SECONDS = 1;
/** Answered even while shedding: a load balancer must still be able to ask whether the process lives. */
const NEVER_SHED = /^\/(healthz|readyz)(?:\?|$)/;

/**
 * Refuses reads with a 503 while this process cannot keep up, so that the work it admits is still served
 * promptly. The admission queues bound the database work (tiles, queries); what they cannot see is the
 * process itself running out of CPU: then every request, refused or not, first waits for the event loop,
 * and latency grows for all. The event loop's delay (perf_hooks.monitorEventLoopDelay) says so directly;
 * past `maxDelayMs` on average over several samples in a row, GET and HEAD requests are answered at once with a 503
 * problem and Retry-After, which costs a fraction of serving them, until the delay is back under half the
 * limit. Writes are never refused here (a person's edit is worth waiting for, and they are few), nor the
 * health checks; tiles already in the cache are still served (cheaper than refusing them: routes/tile-front-door.ts).
 */
export class LoadShedder {
  readonly #options: LoadShedderOptions;
  readonly #histogram: IntervalHistogram | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  #isShedding = false;
  #samplesOver = 0;
  #refused = 0;

  constructor(options: LoadShedderOptions) {
    this.#options = options;
    if (options.maxDelayMs <= 0) return;
    this.#histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.#histogram.enable();
    this.#timer = setInterval(() => this.#sample(), options.sampleMs ?? DEFAULT_SAMPLE_MS);
    this.#timer.unref();
  }

  get isShedding(): boolean {
    return this.#isShedding;
  }

  /** Whether this request is refused now: shedding, and a read other than a health check. */
  refuses(request: Pick<IncomingMessage, 'method' | 'url'>): boolean {
    return this.#isShedding && (request.method === 'GET' || request.method === 'HEAD') && !NEVER_SHED.test(request.url ?? '');
  }

  /** Answers the 503 problem itself (no Express, no log line per refusal: the refusals are counted instead). */
  refuse(request: IncomingMessage, response: ServerResponse): void {
    this.#refused += 1;
    const incomingId = request.headers['x-request-id'];
    const error = new ServerBusyError('The server is busy right now; retry shortly', RETRY_AFTER_SECONDS);
    const { problem, headers } = toProblem(error, { originalUrl: request.url ?? '', id: requestIdFor(typeof incomingId === 'string' ? incomingId : undefined) });
    const serialized = serializeProblem(problem, headers);
    response.writeHead(503, serialized.headers.flat()).end(request.method === 'HEAD' ? undefined : serialized.body);
  }

  /**
   * Takes one measured mean delay: shedding starts after SAMPLES_TO_START samples in a row above the limit,
   * and stops at the first below half of it (so that it does not flap at the limit). The sampling timer
   * calls it; a test may too, to put the process in either state.
   */
  update(delayMs: number): void {
    const { maxDelayMs } = this.#options;
    if (maxDelayMs <= 0) return;
    this.#samplesOver = delayMs > maxDelayMs ? this.#samplesOver + 1 : 0;
    const isShedding = this.#isShedding ? delayMs > maxDelayMs / 2 : this.#samplesOver >= SAMPLES_TO_START;
    if (isShedding === this.#isShedding) return;
    this.#isShedding = isShedding;
    this.#options.onChange?.({ isShedding, delayMs, refused: this.#refused });
    this.#refused = 0;
  }

  close(): void {
    clearInterval(this.#timer);
    this.#histogram?.disable();
  }

  #sample(): void {
    const histogram = this.#histogram!;
    if (histogram.count === 0) return;
    // Each recorded value is how long a timer of RESOLUTION_MS took to fire: the delay is what exceeds it.
    const delayMs = Math.max(0, histogram.mean / 1e6 - RESOLUTION_MS);
    histogram.reset();
    this.update(delayMs);
  }
}
