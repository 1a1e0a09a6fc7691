import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalAddress, type TargetPolicy, TargetNotAllowedError } from './target-policy.ts';

/** What one attempt gave. Only 2xx acknowledges; 3xx (never followed), 4xx, 5xx and errors are retried. */
export interface AttemptOutcome {
  isAcknowledged: boolean;
  statusCode: number | null;
  /** A short machine-ish reason when no status came back (ECONNREFUSED, timeout...), or null. */
  error: string | null;
  /** The first characters of the response body, control characters removed; null when there was none. */
  excerpt: string | null;
  durationMs: number;
}

/** Characters of the response body kept for the delivery log (the rest is read and discarded). */
export const EXCERPT_CHARACTERS = 500;
/** Bytes of a response read at most; a target that sends more has its connection closed. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface PostOptions {
  timeoutMs: number;
  policy: TargetPolicy;
  /** Keep-alive agents, one per protocol, owned by the dispatcher (destroyed when it stops). */
  agents: { http: http.Agent; https: https.Agent };
}

function toExcerpt(chunks: Buffer[]): string | null {
  if (chunks.length === 0) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are stripped from what the log shows
  const text = Buffer.concat(chunks).toString('utf8').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return text.slice(0, EXCERPT_CHARACTERS) || null;
}

function describeError(error: unknown, timeoutMs: number): string {
  const candidate = error as { name?: string; code?: string; message?: string };
  if (candidate?.name === 'AbortError' || candidate?.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  if (error instanceof TargetNotAllowedError) return error.message;
  return (candidate?.code ?? candidate?.message ?? 'request failed').slice(0, 200);
}

/**
 * POSTs a JSON body to a webhook target with a hard timeout (connection, headers and body together),
 * through the target policy (literal addresses checked here, host names at connection time), without
 * following redirects. Never throws: every failure is an outcome to record.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (error: unknown): AttemptOutcome => ({ isAcknowledged: false, statusCode: null, error: describeError(error, options.timeoutMs), excerpt: null, durationMs: elapsed() });
  const target = new URL(url);
  const literal = literalAddress(target);
  if (literal !== undefined && !options.policy.isAllowedAddress(literal)) {
    return Promise.resolve(fail(new TargetNotAllowedError(`target address ${literal} is not allowed`)));
  }
  const isHttps = target.protocol === 'https:';
  return new Promise<AttemptOutcome>((resolve) => {
    const request = (isHttps ? https : http).request(target, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      agent: isHttps ? options.agents.https : options.agents.http,
      lookup: guardedLookup(options.policy),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.once('error', (error) => resolve(fail(error)));
    request.once('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = () =>
        resolve({ isAcknowledged: statusCode >= 200 && statusCode < 300, statusCode, error: null, excerpt: toExcerpt(chunks), durationMs: elapsed() });
      response.on('data', (chunk: Buffer) => {
        if (received < EXCERPT_CHARACTERS * 4) chunks.push(chunk);
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) {
          response.destroy();
          finish();
        }
      });
      response.once('end', finish);
      // A body cut short (timeout, reset) still counts by its status: the target answered.
      response.once('error', finish);
      response.once('aborted', finish);
    });
    request.end(body);
  });
}
