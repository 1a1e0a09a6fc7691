import type pg from 'pg';
import { recordSecurityEvent } from './security-events.ts';

/** A 401 or 403 the server answered, as the audit describes it. */
export interface Denial {
  principal: string;
  address: string | undefined;
  status: number;
  /** The problem's type, e.g. `forbidden`. */
  type: string;
  method: string;
  path: string;
}

interface SourceWindow {
  endsAt: number;
  /** Denials of this source not written since its last row. */
  unwritten: number;
}

/** Sources remembered at most; past it the oldest is forgotten (and its count of unwritten denials with it). */
const MAX_SOURCES = 10_000;

/**
 * Which denials are written to the audit. Writing a row for every 401 and 403 would let anyone make the
 * server write to the database as fast as it answers (a scanner, a script with a revoked key, a browser tab
 * polling with an expired one). So per source (principal, address, status and problem type) the first
 * denial of a window is written and the others in that window are only counted; the count goes with the
 * source's next row (`unrecordedBefore`), so the audit still says how many there were. Per process: with two
 * server processes a source writes up to two rows per window.
 */
export class DenialAudit {
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #sources = new Map<string, SourceWindow>();

  constructor(options: { windowSeconds: number; now?: () => number }) {
    this.#windowMs = options.windowSeconds * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether this denial is to be written, and how many of its source's denials went unwritten before it. */
  admit(denial: Denial): { isWritten: boolean; unrecordedBefore: number } {
    const key = [denial.principal, denial.address ?? '', denial.status, denial.type].join('\n');
    const now = this.#now();
    const known = this.#sources.get(key);
    if (known && now < known.endsAt) {
      known.unwritten += 1;
      return { isWritten: false, unrecordedBefore: 0 };
    }
    // Deleted and set again so that the Map's order stays the order of window starts: the first is the oldest.
    this.#sources.delete(key);
    this.#sources.set(key, { endsAt: now + this.#windowMs, unwritten: 0 });
    if (this.#sources.size > MAX_SOURCES) this.#sources.delete(this.#sources.keys().next().value!);
    return { isWritten: true, unrecordedBefore: known?.unwritten ?? 0 };
  }

  /** Writes the denial's row when the window admits it. */
  async record(pool: pg.Pool, denial: Denial): Promise<void> {
    const { isWritten, unrecordedBefore } = this.admit(denial);
    if (!isWritten) return;
    await recordSecurityEvent(pool, {
      kind: 'access_denied',
      principal: denial.principal,
      address: denial.address,
      detail: {
        method: denial.method,
        path: denial.path,
        status: denial.status,
        type: denial.type,
        ...(unrecordedBefore > 0 ? { unrecordedBefore } : {}),
      },
    });
  }
}
