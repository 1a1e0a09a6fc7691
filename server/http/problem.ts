import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ServerBusyError } from './admission-queue.ts';
import { isDatabaseStorageFull, isDatabaseUnavailable, PoolBusyError } from '../db/database-errors.ts';
import { AppError } from './errors.ts';
import { securityHeaderPairs } from './security-headers.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Members of an RFC 9457 problem document, plus our request id. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request's URL; absent when the request could not be parsed (there is no URL to trust). */
  instance?: string;
  requestId: string;
  [extra: string]: unknown;
}

/** PostgreSQL SQLSTATE codes that describe the client's input, or a server state the client may wait out. */
const SQLSTATE_PROBLEMS: Record<string, { status: number; type: string; title: string; detail?: string; retryAfterSeconds?: number }> = {
  '23505': { status: 409, type: 'conflict', title: 'Conflict' },
  '23503': { status: 409, type: 'conflict', title: 'Conflict' },
  '23502': { status: 422, type: 'invalid-content', title: 'Unprocessable content' },
  '23514': { status: 422, type: 'invalid-content', title: 'Unprocessable content' },
  '22P02': { status: 400, type: 'bad-request', title: 'Bad request' },
  // Values the routes should have refused already (a number or date out of range, text PostgreSQL cannot
  // hold): a last line, so that one missed check is a 400 rather than a 500.
  '22001': { status: 400, type: 'bad-request', title: 'Bad request' },
  '22003': { status: 400, type: 'bad-request', title: 'Bad request' },
  '22007': { status: 400, type: 'bad-request', title: 'Bad request' },
  '22008': { status: 400, type: 'bad-request', title: 'Bad request' },
  '22021': { status: 400, type: 'bad-request', title: 'Bad request' },
  '22P05': { status: 400, type: 'bad-request', title: 'Bad request' },
  '57014': { status: 503, type: 'unavailable', title: 'Service unavailable' },
  // Concurrent writers that lost a deadlock or a serialisation race may simply try again.
  '40P01': { status: 503, type: 'unavailable', title: 'Service unavailable' },
  '40001': { status: 503, type: 'unavailable', title: 'Service unavailable' },
  // The database's disk is full (ENOSPC on a data file) or it is out of memory: the write was rolled back
  // whole; it can be sent again once an operator has made room.
  '53100': { status: 503, type: 'storage-full', title: 'Service unavailable', detail: 'The database cannot store more data right now; nothing was changed; retry later', retryAfterSeconds: 60 },
  '53200': { status: 503, type: 'unavailable', title: 'Service unavailable', detail: 'The database is out of memory right now; nothing was changed; retry later' },
};

/**
 * Errors raised by Express's own middleware (body parser, static files) carry an HTTP status and, for
 * client errors, `expose: true`. Their messages are not ours, so only the status is kept.
 */
function middlewareProblem(error: unknown): AppError | undefined {
  const candidate = error as { status?: number; type?: string; expose?: boolean };
  if (candidate?.type === 'entity.parse.failed') return new AppError(400, 'malformed-json', 'Bad request', 'The request body is not valid JSON');
  if (candidate?.type === 'entity.too.large') return new AppError(413, 'body-too-large', 'Content too large', 'The request body is too large');
  const status = candidate?.status;
  if (candidate?.expose === true && typeof status === 'number' && status >= 400 && status < 500) {
    return status === 404
      ? new AppError(404, 'not-found', 'Not found', 'No resource at this address')
      : new AppError(status, 'bad-request', 'Bad request', 'The request could not be understood');
  }
  return undefined;
}

/** Issues listed in one problem at most; the rest are counted (a body with 50,000 unknown keys is one problem, not 50,000). */
export const MAX_LISTED_ISSUES = 50;
/** Characters of any one text of a problem at most (a detail, an issue's pointer or message). */
const MAX_TEXT_LENGTH = 500;

function shortened(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? `${value.slice(0, MAX_TEXT_LENGTH)}…` : value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([key, text]) => [key, shortened(text)]));
  return value;
}

/** Bounds the size of a problem whatever the input was: issues listed, and every text in them, capped. */
function bounded(problem: ProblemDocument): ProblemDocument {
  const issues = problem.issues;
  const detail = problem.detail === undefined ? {} : { detail: shortened(problem.detail) as string };
  if (!Array.isArray(issues)) return { ...problem, ...detail };
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue: unknown) =>
    issue && typeof issue === 'object' ? Object.fromEntries(Object.entries(issue).map(([key, value]) => [key, shortened(value)])) : issue);
  const omitted = issues.length - listed.length;
  return { ...problem, ...detail, issues: listed, ...(omitted > 0 ? { issuesOmitted: omitted } : {}) };
}

/** A full pool queue is load, as a full admission queue is. */
const POOL_BUSY = new ServerBusyError('Too many requests are waiting for the database right now; retry shortly', 2);

/** Every 401 says how to authenticate (RFC 9110 §11.6.1), whoever raised it. */
const DEFAULT_CHALLENGE = 'Bearer realm="casa-sig"';

/** Turns any error into a problem document; internal messages never leave the server. */
export function toProblem(error: unknown, request: Pick<Request, 'originalUrl' | 'id'>): { problem: ProblemDocument; headers: Record<string, string> } {
  const answer = toUnboundedProblem(error, request);
  if (answer.problem.status === 401 && !Object.keys(answer.headers).some((name) => name.toLowerCase() === 'www-authenticate')) {
    answer.headers['WWW-Authenticate'] = DEFAULT_CHALLENGE;
  }
  return { problem: bounded(answer.problem), headers: answer.headers };
}

function toUnboundedProblem(error: unknown, request: Pick<Request, 'originalUrl' | 'id'>): { problem: ProblemDocument; headers: Record<string, string> } {
  const base = { instance: request.originalUrl, requestId: request.id };
  const known = error instanceof AppError ? error : error instanceof PoolBusyError ? POOL_BUSY : middlewareProblem(error);
  if (known) {
    return {
      problem: { ...known.extras, type: known.type, title: known.title, status: known.status, detail: known.detail, ...base },
      headers: { ...known.headers },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: { type: 'database-unavailable', title: 'Service unavailable', status: 503, detail: 'The database is not answering right now; retry shortly', ...base },
      headers: { 'Retry-After': '5' },
    };
  }
  const sqlState = (error as { code?: unknown })?.code;
  const mapped = typeof sqlState === 'string' ? SQLSTATE_PROBLEMS[sqlState] : undefined;
  if (mapped) {
    const { retryAfterSeconds = 5, ...problem } = mapped;
    const headers: Record<string, string> = mapped.status === 503 ? { 'Retry-After': String(retryAfterSeconds) } : {};
    return { problem: { ...problem, ...base }, headers };
  }
  return { problem: { type: 'internal', title: 'Internal error', status: 500, ...base }, headers: {} };
}

/**
 * Logs an answer that failed on the server's side. A full queue is load, and a database restarting is not
 * this process's fault: one warn line without a stack each, so that neither floods the log. A full database
 * disk is one error line to alert on. Other 5xx are errors with their stack; 4xx are the client's and go
 * unlogged here.
 */
export function logFailure(logger: Logger, error: unknown, status: number, context: Record<string, unknown>): void {
  if (error instanceof ServerBusyError || error instanceof PoolBusyError) logger.warn(context, 'request refused: busy');
  else if (isDatabaseUnavailable(error)) logger.warn({ ...context, reason: (error as Error).message }, 'request refused: database unavailable');
  // An operator must act (make room on the database's disk): an error, with PostgreSQL's message, no stack.
  else if (isDatabaseStorageFull(error)) logger.error({ ...context, reason: (error as Error).message }, 'request refused: database storage full');
  else if (status >= 500) logger.error({ err: error, status, ...context }, 'request failed');
}

/**
 * The one error middleware: logs the full error, reports refusals (4xx) to `onRefused` for the audit
 * (which decides what it records), and answers with the sanitised problem.
 */
export function createProblemHandler(logger: Logger, onRefused: (request: Request, problem: ProblemDocument) => Promise<void>) {
  return async (error: unknown, request: Request, response: Response, _next: NextFunction): Promise<void> => {
    const { problem, headers } = toProblem(error, request);
    logFailure(logger, error, problem.status, { requestId: request.id, url: request.originalUrl });
    if (problem.status >= 400 && problem.status < 500) {
      await onRefused(request, problem).catch((auditError: unknown) => logger.error({ err: auditError }, 'audit failed'));
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}

/**
 * A problem as bytes and response headers (security headers, request id, type, length), for the answers
 * written without Express: the tile front door and the errors of Node's HTTP parser.
 */
export function serializeProblem(problem: ProblemDocument, headers: Readonly<Record<string, string>>): { body: Buffer; headers: [string, string][] } {
  const body = Buffer.from(JSON.stringify(problem));
  return {
    body,
    headers: [
      ...securityHeaderPairs().map(([name, value]): [string, string] => [name, value]),
      ['X-Request-Id', problem.requestId],
      ...Object.entries(headers),
      ['Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`],
      ['Content-Length', String(body.length)],
    ],
  };
}

/** Final route: anything unmatched is a 404 problem. */
export function notFoundHandler(request: Request, _response: Response, next: NextFunction): void {
  next(new AppError(404, 'not-found', 'Not found', `No resource at ${request.path}`));
}
