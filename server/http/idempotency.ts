import { createHash, randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { describePrincipal } from '../auth/principal.ts';
import { AppError, BadRequestError } from './errors.ts';
import {
  claimIdempotencyKey,
  type IdempotencyRecord,
  readIdempotencyKey,
  releaseIdempotencyKey,
  removeExpiredIdempotencyKeys,
  storeIdempotentAnswer,
} from './idempotency-store.ts';

/**
 * The `Idempotency-Key` request header (IETF draft-ietf-httpapi-idempotency-key-header) on every create:
 * the first request with a key is processed and its answer kept for a week; a repeat with the same key
 * from the same caller gets that answer again (with `Idempotent-Replayed: true`) and writes nothing. A
 * repeat that arrives while the first is still being processed waits for its answer. The same key with
 * another method, path or body is a 422. So a phone that lost the network before it heard the answer, or
 * a queue that cannot know whether its last send arrived, sends again safely.
 *
 * What is kept: answers below 500, except the transient 408, 409, 425 and 429 (the request may succeed if
 * sent again, so its claim is released); a 5xx releases the claim too. A one-time secret in an
 * administration answer (a generated password, an API key, a webhook secret) is never stored: a replay
 * shows it as null. The answer is stored before it is sent; a process that dies between committing a
 * write and storing its answer leaves a claim that another request takes over once its lease has passed.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/**
 * How long an answer is kept, in seconds: a week, so that a device that sent a record, lost the answer and
 * then stayed offline over a long weekend still gets the first answer when it sends again.
 */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;
/** How long the first request holds its claim, in seconds: well past any statement timeout of a write. */
export const IDEMPOTENCY_LEASE_SECONDS = 60;
/** How long a repeat waits for the first request's answer before it is told to come back (409). */
const WAIT_FOR_FIRST_MS = 30_000;
/** Paths whose POSTs create nothing a repeat could duplicate: sign-in (a new session each time) and queries. */
const EXCLUDED_PATHS = [/^\/api\/auth\//, /^\/api\/query\//];
/** Answers that may change if the request is sent again: their claim is released instead of kept. */
const TRANSIENT_STATUSES = new Set([408, 409, 425, 429]);
/** Response headers a replay repeats. */
const KEPT_HEADERS = ['content-type', 'location', 'etag', 'cache-control', 'vary'];
/** Members of an administration answer shown once and never stored. */
const ONE_TIME_SECRETS = ['password', 'key', 'secret'];
/** Expired keys are removed at most this often per process. */
const CLEANUP_INTERVAL_MS = 60_000;

/** The key of a header value: an RFC 8941 string ("...") or the bare text, 1 to 255 visible characters. */
export function parseIdempotencyKey(header: string): string {
  const text = header.trim();
  const key = text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
  if (!/^[\x21\x23-\x5b\x5d-\x7e]{1,255}$/.test(key)) {
    throw new BadRequestError('invalid-idempotency-key', 'Idempotency-Key must be 1 to 255 visible ASCII characters, without quotes or backslashes');
  }
  return key;
}

/** What identifies a request apart from its key: method, path with query, and body. */
export function requestFingerprint(method: string, url: string, body: unknown): Buffer {
  return createHash('sha256').update(`${method} ${url}\n${body === undefined ? '' : JSON.stringify(body)}`).digest();
}

/** The stored body of an answer: one-time secrets of administration answers blanked. */
function bodyToStore(path: string, body: Buffer, contentType: string | undefined): Buffer {
  if (!path.startsWith('/api/admin/') || !contentType?.includes('json')) return body;
  try {
    const document = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (typeof document !== 'object' || document === null) return body;
    for (const member of ONE_TIME_SECRETS) if (member in document) document[member] = null;
    return Buffer.from(JSON.stringify(document));
  } catch {
    return body;
  }
}

function replay(response: Response, record: IdempotencyRecord): void {
  response.status(record.status!);
  for (const [name, value] of Object.entries(record.headers ?? {})) response.setHeader(name, value);
  response.setHeader(REPLAYED_HEADER, 'true');
  response.end(record.body ?? undefined);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the answer when the route ends the response: stored first (or the claim released), then sent, so
 * that a client that hears the answer can never find the key unanswered.
 */
function captureAnswer(request: Request, response: Response, pool: pg.Pool, claim: { principal: string; key: string; owner: string }, logger: Logger): void {
  const originalWrite = response.write.bind(response);
  const originalEnd = response.end.bind(response) as (...args: unknown[]) => Response;
  let isStreamed = false;
  response.write = ((...args: Parameters<Response['write']>) => {
    isStreamed = true;
    return originalWrite(...args);
  }) as Response['write'];
  response.end = ((...args: unknown[]) => {
    const [chunk, encoding] = args;
    const status = response.statusCode;
    const isKept = !isStreamed && status < 500 && !TRANSIENT_STATUSES.has(status);
    const body = chunk === undefined || typeof chunk === 'function' ? Buffer.alloc(0) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding);
    const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => {
      const value = response.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }));
    const stored = isKept
      ? storeIdempotentAnswer(pool, claim, { status, headers, body: bodyToStore(request.path, body, headers['content-type']) })
      : releaseIdempotencyKey(pool, claim);
    stored.catch((error: unknown) => logger.error({ err: error, requestId: request.id }, 'idempotency answer not stored')).finally(() => originalEnd(...args));
    return response;
  }) as Response['end'];
}

/**
 * The middleware, after authentication (keys belong to a caller) and the JSON body parser (the body is part
 * of the fingerprint). Other methods, the public and excluded paths pass through untouched.
 */
export function createIdempotency(pool: pg.Pool, logger: Logger) {
  let lastCleanup = 0;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.get(IDEMPOTENCY_HEADER);
    if (header === undefined || request.method !== 'POST' || request.principal.kind === 'public' || EXCLUDED_PATHS.some((path) => path.test(request.path))) {
      return next();
    }
    const key = parseIdempotencyKey(header);
    const principal = describePrincipal(request.principal);
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);
    if (Date.now() - lastCleanup > CLEANUP_INTERVAL_MS) {
      lastCleanup = Date.now();
      removeExpiredIdempotencyKeys(pool, IDEMPOTENCY_TTL_SECONDS).catch((error: unknown) => logger.warn({ err: error }, 'expired idempotency keys not removed'));
    }
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (let attempt = 0; ; attempt += 1) {
      const owner = randomUUID();
      const claimed = await claimIdempotencyKey(pool, { principal, key, fingerprint, owner, leaseSeconds: IDEMPOTENCY_LEASE_SECONDS, ttlSeconds: IDEMPOTENCY_TTL_SECONDS });
      if (claimed) {
        captureAnswer(request, response, pool, { principal, key, owner }, logger);
        return next();
      }
      const record = await readIdempotencyKey(pool, principal, key);
      if (!record) continue; // released meanwhile: claim it again
      if (!record.fingerprint.equals(fingerprint)) {
        throw new AppError(422, 'idempotency-key-reused', 'Unprocessable content', 'This Idempotency-Key was already used for another request');
      }
      if (record.status !== null) return replay(response, record);
      if (Date.now() > deadline) {
        throw new AppError(409, 'idempotency-key-in-use', 'Conflict', 'A request with this Idempotency-Key is still being processed; retry shortly', {}, { 'Retry-After': '1' });
      }
      await pause(Math.min(200, 10 * 2 ** Math.min(attempt, 5)));
    }
  };
}
