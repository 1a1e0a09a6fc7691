import type { HostileRequest } from './hostile-requests.ts';

/**
 * Words that only the server's insides would put in an answer: SQL and PostgreSQL errors, JavaScript errors
 * and stack traces, secret column names. An answer may echo what the client sent, so a marker counts only
 * when the request did not contain it.
 */
const INTERNAL_MARKERS = [
  'syntax error', 'violates', 'relation "', 'column "', 'sqlstate', 'duplicate key', 'invalid input syntax', 'out of range for type',
  'node_modules', '    at ', '.ts:', 'typeerror', 'rangeerror', 'referenceerror', 'cannot read properties', 'maximum call stack',
  'econnrefused', 'password_hash', 'token_hash', 'secret_hash', 'st_geomfromgeojson', 'postgis', 'pg_', 'internal error',
];

export interface HostileAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** What is wrong with an answer to a hostile request, or undefined when it is as it must be. */
export function judgeAnswer(request: HostileRequest, answer: HostileAnswer): string | undefined {
  if (answer.status >= 500) return `${answer.status}`;
  if (request.mustRefuse && (answer.status < 400 || answer.status >= 500)) return `accepted with ${answer.status} (an invalid write must be refused)`;
  if (answer.status >= 400) {
    if (!/^application\/problem\+json/.test(answer.headers.get('content-type') ?? '')) return `${answer.status} is not problem+json`;
    let problem: { status?: unknown; requestId?: unknown; type?: unknown };
    try {
      problem = JSON.parse(answer.body);
    } catch {
      return `${answer.status} problem is not JSON`;
    }
    if (problem.status !== answer.status) return `problem status ${String(problem.status)} differs from ${answer.status}`;
    if (typeof problem.requestId !== 'string' || problem.requestId !== answer.headers.get('x-request-id')) return 'problem without its request id';
    if (typeof problem.type !== 'string') return 'problem without a type';
    const sent = `${request.target} ${JSON.stringify(request.headers)} ${request.body ?? ''}`.toLowerCase();
    const text = answer.body.toLowerCase();
    const leaked = INTERNAL_MARKERS.find((marker) => text.includes(marker) && !sent.includes(marker));
    if (leaked) return `internal text in the answer: ${JSON.stringify(leaked)}`;
  }
  return undefined;
}
