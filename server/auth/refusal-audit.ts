import type { Request } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ProblemDocument } from '../http/problem.ts';
import { type Clock, DenialAudit } from './denial-audit.ts';
import { describePrincipal } from './principal.ts';
import { recordSecurityEvent, type SecurityEventKind } from './security-events.ts';

/** The problem type of a sign-in refused for too many failures (routes/auth.ts). */
export const LOGIN_RATE_LIMITED_TYPE = 'too-many-login-attempts';

/** Which refusals the audit records, and as what: denials, and sign-ins refused by the rate limit. */
function kindOf(problem: ProblemDocument): SecurityEventKind | undefined {
  if (problem.status === 401 || problem.status === 403) return 'access_denied';
  if (problem.status === 429 && problem.type === LOGIN_RATE_LIMITED_TYPE) return 'login_rate_limited';
  return undefined;
}

export interface RefusalAuditOptions {
  pool: pg.Pool;
  windowSeconds: number;
  logger: Logger;
  /** Time for the throttling windows (the system's by default; tests pass one they move by hand). */
  clock?: Clock;
}

/**
 * The security audit of refused requests, given to the problem handler. Every refusal is throttled the same
 * way (auth/denial-audit.ts: one row per source and window, the rest summed), so that a script hammering
 * the sign-in or a revoked key cannot make the server write a row per request.
 */
export function createRefusalAudit({ pool, windowSeconds, logger, clock }: RefusalAuditOptions): (request: Request, problem: ProblemDocument) => Promise<void> {
  const audits = new Map<SecurityEventKind, DenialAudit>();
  const auditOf = (kind: SecurityEventKind) => {
    let audit = audits.get(kind);
    if (!audit) {
      audit = new DenialAudit({
        windowSeconds,
        write: (row) => recordSecurityEvent(pool, { kind, ...row }),
        onError: (error) => logger.error({ err: error }, 'audit failed'),
        ...(clock ? { clock } : {}),
      });
      audits.set(kind, audit);
    }
    return audit;
  };
  return async (request, problem) => {
    const kind = kindOf(problem);
    if (!kind) return;
    const username = kind === 'login_rate_limited' && typeof request.body?.username === 'string' ? { detail: { username: request.body.username } } : {};
    await auditOf(kind).record({
      principal: request.principal ? describePrincipal(request.principal) : 'public',
      address: request.ip,
      status: problem.status,
      type: problem.type,
      method: request.method,
      path: request.path,
      ...username,
    });
  };
}
