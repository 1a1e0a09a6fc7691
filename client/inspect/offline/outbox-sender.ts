import type { ApiError } from '../../api/api-error.ts';
import type { OutboxProblem, OutboxRecord, OutboxStore } from './outbox-store.ts';

/**
 * Sends the outbox, oldest record first, each with its own Idempotency-Key: a record is removed only once
 * the server has answered that it holds it (first answer or replayed), kept when the network or the server
 * failed (sent again later, with the same key, so never written twice), and set aside when the server
 * refused it for good (shown to the inspector, never sent again as it is).
 */

/** What one attempt to send a record came to. */
export type SendOutcome =
  | { kind: 'sent'; featureId: string; wasReplayed: boolean }
  /** Try again later: no network, the server busy or failing, the session to renew. */
  | { kind: 'retry'; problem: OutboxProblem }
  /** The server refused the record itself (invalid, not allowed): sending it again would change nothing. */
  | { kind: 'refused'; problem: OutboxProblem };

/** Answers that may change if the same request is sent later. */
const RETRYABLE_STATUSES = new Set([0, 401, 408, 409, 425, 429]);

/** How an error answer to a create is handled: retried later (no network, 401, 409, 429, 5xx) or refused for good. */
export function outcomeOfError(error: ApiError): Extract<SendOutcome, { kind: 'retry' | 'refused' }> {
  const issues = error.issues.map((issue) => issue.message).join(' · ');
  const problem: OutboxProblem = { status: error.status, type: error.type, detail: issues || error.detail || null };
  const isRetryable = RETRYABLE_STATUSES.has(error.status) || error.status >= 500;
  return { kind: isRetryable ? 'retry' : 'refused', problem };
}

/** What a flush did, for the queue's status line and the tests. */
export interface FlushReport {
  sent: { record: OutboxRecord; featureId: string; wasReplayed: boolean }[];
  refused: OutboxRecord[];
  /** The record that could not be sent this time (the flush stops there), if any. */
  stoppedAt: OutboxRecord | null;
}

export interface FlushOptions {
  /** Only this account's records are sent (its session is the one the requests carry). */
  owner: string;
  send: (record: OutboxRecord) => Promise<SendOutcome>;
}

/**
 * Sends every waiting record of the owner, in order, until one cannot be sent now. One flush at a time per
 * store in this page (a second call waits for the first and then finds less to send); other tabs are kept
 * out by the caller's lock (navigator.locks), and the Idempotency-Key makes any overlap harmless anyway.
 */
export function createOutboxFlusher(store: OutboxStore): (options: FlushOptions) => Promise<FlushReport> {
  let running: Promise<FlushReport> = Promise.resolve({ sent: [], refused: [], stoppedAt: null });
  return (options) => {
    running = running.catch(() => undefined).then(() => flushOnce(store, options));
    return running;
  };
}

async function flushOnce(store: OutboxStore, { owner, send }: FlushOptions): Promise<FlushReport> {
  const report: FlushReport = { sent: [], refused: [], stoppedAt: null };
  const waiting = (await store.list()).filter((record) => record.owner === owner && record.state === 'waiting');
  for (const record of waiting) {
    const outcome = await send(record);
    if (outcome.kind === 'sent') {
      await store.remove(record.id);
      report.sent.push({ record, featureId: outcome.featureId, wasReplayed: outcome.wasReplayed });
      continue;
    }
    const isRefused = outcome.kind === 'refused';
    await store.update(record.id, (current) => ({ ...current, attempts: current.attempts + 1, problem: outcome.problem, state: isRefused ? 'refused' : 'waiting' }));
    if (isRefused) {
      report.refused.push(record);
      continue;
    }
    report.stoppedAt = record;
    break;
  }
  return report;
}
