/** A 401 or 403 the server answered, as the audit describes it. */
export interface Denial {
  principal: string;
  address: string | undefined;
  status: number;
  /** The problem's type, e.g. `forbidden`. */
  type: string;
  method: string;
  path: string;
  /** More to write in the first row of a window (the username of a refused sign-in). */
  detail?: Record<string, unknown>;
}

/** One access_denied row of the security audit. */
export interface DenialRow {
  principal: string;
  address: string | undefined;
  detail: Record<string, unknown>;
}

export interface DenialAuditOptions {
  windowSeconds: number;
  /** Writes one row (security_events); its failures go to `onError`. */
  write: (row: DenialRow) => Promise<void>;
  onError: (error: unknown) => void;
  /** Rows written per second at most, over all sources; the rest is summed into one row per second. */
  maxRowsPerSecond?: number;
  /** Time and timers (the system's by default; tests pass one they move by hand). */
  clock?: Clock;
}

/** What the audit needs of time: the current instant in milliseconds and a one-shot timer it can cancel. */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms` without keeping the process alive; returns the cancel function. */
  schedule(callback: () => void, ms: number): () => void;
}

/** The system clock. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, ms).unref();
    return () => clearTimeout(timer);
  },
};

interface SourceWindow {
  first: Denial;
  endsAt: number;
  /** Denials of the window not written one by one, and their distinct "METHOD path" (capped). */
  repeated: number;
  paths: Set<string>;
  /** Cancels the timer that writes the summary when the window ends. */
  cancelSummary?: () => void;
}

/** Sources remembered at most; past it the oldest is summarised and forgotten. */
const MAX_SOURCES = 10_000;
/** Distinct paths kept in a summary: enough to show what was probed, bounded in size. */
const MAX_SUMMARY_PATHS = 20;
const DEFAULT_MAX_ROWS_PER_SECOND = 20;

/**
 * The denial part of the security audit. A row for every 401 and 403 would let anyone make the server write
 * to the database as fast as it answers (a scanner, a script with a revoked key). So, per source (principal,
 * network, status, problem type): the first denial of a window is written at once; the others are counted,
 * with the distinct paths they tried, into one summary row written when the window ends (or when the source
 * is forgotten to make room). Sources are grouped by IPv6 /64, which one machine usually holds whole, and
 * rows over all sources are capped per second, the excess summed into one row: rotating addresses buys no
 * more writes. Per process; counts still in memory when the process stops are lost.
 */
export class DenialAudit {
  readonly #options: Required<DenialAuditOptions>;
  readonly #sources = new Map<string, SourceWindow>();
  #second = { startedAt: 0, rows: 0 };
  #overflow: { denials: number } | undefined;

  constructor(options: DenialAuditOptions) {
    this.#options = { maxRowsPerSecond: DEFAULT_MAX_ROWS_PER_SECOND, clock: SYSTEM_CLOCK, ...options };
  }

  /** Audits one denial: writes it now (resolved when written), or counts it for a summary. */
  async record(denial: Denial): Promise<void> {
    const key = [denial.principal, sourceNetwork(denial.address), denial.status, denial.type].join('\n');
    const known = this.#sources.get(key);
    const { clock } = this.#options;
    if (known && clock.now() < known.endsAt) {
      known.repeated += 1;
      if (known.paths.size < MAX_SUMMARY_PATHS) known.paths.add(`${denial.method} ${denial.path}`);
      known.cancelSummary ??= clock.schedule(() => this.#summarise(key), known.endsAt - clock.now());
      return;
    }
    if (known) this.#summarise(key);
    if (!this.#takeRow()) return this.#countOverflow();
    this.#sources.set(key, { first: denial, endsAt: clock.now() + this.#options.windowSeconds * 1000, repeated: 0, paths: new Set() });
    if (this.#sources.size > MAX_SOURCES) this.#summarise(this.#sources.keys().next().value!);
    await this.#options.write(rowOf(denial, { method: denial.method, path: denial.path, ...denial.detail }));
  }

  /** Writes the source's summary, if it has one, and forgets the source. */
  #summarise(key: string): void {
    const source = this.#sources.get(key);
    if (!source) return;
    this.#sources.delete(key);
    source.cancelSummary?.();
    if (source.repeated === 0) return;
    const detail = { repeated: source.repeated, windowSeconds: this.#options.windowSeconds, paths: [...source.paths] };
    this.#write(rowOf(source.first, detail));
  }

  /** Whether one more row fits in this second's budget. */
  #takeRow(): boolean {
    const now = this.#options.clock.now();
    if (now - this.#second.startedAt >= 1000) this.#second = { startedAt: now, rows: 0 };
    this.#second.rows += 1;
    return this.#second.rows <= this.#options.maxRowsPerSecond;
  }

  #countOverflow(): void {
    if (this.#overflow) {
      this.#overflow.denials += 1;
      return;
    }
    const overflow = { denials: 1 };
    this.#overflow = overflow;
    this.#options.clock.schedule(() => {
      this.#overflow = undefined;
      this.#write({ principal: 'many', address: undefined, detail: { repeated: overflow.denials, reason: 'more denials per second than the audit writes one by one' } });
    }, 1000);
  }

  #write(row: DenialRow): void {
    this.#options.write(row).catch(this.#options.onError);
  }
}

function rowOf(denial: Denial, detail: Record<string, unknown>): DenialRow {
  return { principal: denial.principal, address: denial.address, detail: { status: denial.status, type: denial.type, ...detail } };
}

/** The address an audit source is keyed by: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function sourceNetwork(address: string | undefined): string {
  if (!address) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
