/** Socket errors of a database that is down, restarting or unreachable. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that cannot serve now: connection exceptions (08), shutdown, startup, too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;
/** node-postgres's own errors for a connection that died or never came (they carry no code). */
const CLIENT_CONNECTION_MESSAGE = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Query read timeout|timeout exceeded when trying to connect)/;

/**
 * Whether an error says the database is not answering (restarted, unreachable, shutting down) rather than
 * that a request was wrong: the answer is a 503 with Retry-After, and the pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  return typeof message === 'string' && CLIENT_CONNECTION_MESSAGE.test(message);
}

/**
 * Whether a read that failed on the replica may be run again on the primary: the replica is not answering,
 * or as a hot standby it cancelled the query to go on replaying (SQLSTATE 40001, "conflict with recovery").
 * A statement timeout is not retried: the primary would only spend as long again.
 */
export function isReplicaReadRetryable(error: unknown): boolean {
  return isDatabaseUnavailable(error) || (error as { code?: unknown })?.code === '40001';
}

/**
 * Whether PostgreSQL refused a write because its disk is full (SQLSTATE 53100, "could not extend file ...:
 * No space left on device"): the transaction was rolled back whole, and only an operator making room helps.
 */
export function isDatabaseStorageFull(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '53100';
}

/**
 * A pool had as many requests waiting for a connection as it allows (DB_POOL_QUEUE_MAX): refused at once,
 * without touching the database, so that under overload the wait, and the memory it holds, stay bounded.
 */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}
