import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { AppError } from '../http/errors.ts';
import { findApiKeyPrincipal } from './api-keys.ts';
import { PUBLIC_PRINCIPAL, type Principal } from './principal.ts';
import { recordSecurityEvent } from './security-events.ts';
import type { SessionCache } from './session-cache.ts';
import { findSessionPrincipal } from './sessions.ts';
import { parseCredential } from './tokens.ts';

/** Name of the HttpOnly cookie that carries the browser's session token. */
export const SESSION_COOKIE = 'casa_sig_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function invalidCredentials(): AppError {
  return new AppError(401, 'invalid-credentials', 'Unauthorized', 'The credentials are invalid, expired or revoked', {}, {
    'WWW-Authenticate': 'Bearer realm="casa-sig", error="invalid_token"',
  });
}

/**
 * The session token from the Cookie header, if any (no cookie-parser: one cookie is all we read). A value
 * that is not valid percent-encoding cannot be a token we issued (they are plain base64url), so it counts
 * as a dead cookie, not as a fault.
 */
export function readSessionCookie(request: Request): string | undefined {
  const header = request.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return '';
    }
  }
  return undefined;
}

/**
 * Whether a request was sent by one of this site's own pages (CSRF). Browsers send Origin with every
 * request that is not a GET or HEAD, and Sec-Fetch-Site with every request; without either, a same-site
 * Referer must vouch for it. The session cookie is SameSite=Strict already: this is the second lock,
 * for old browsers and for sibling sites on the same registrable domain.
 */
export function isSameOriginRequest(request: Request): boolean {
  const ownOrigin = `${request.protocol}://${request.get('host')}`;
  const fetchSite = request.get('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = request.get('origin');
  if (origin !== undefined) return origin === ownOrigin;
  const referer = request.get('referer');
  if (referer === undefined || !URL.canParse(referer)) return false;
  return new URL(referer).origin === ownOrigin;
}

async function resolveCredential(pool: pg.Pool, sessions: SessionCache, credential: string, request: Request): Promise<Principal | undefined> {
  const parsed = parseCredential(credential);
  if (parsed.kind === 'session') return sessions.find(parsed.hash, () => findSessionPrincipal(pool, parsed.hash));
  if (parsed.kind === 'api_key') {
    const found = await findApiKeyPrincipal(pool, parsed.prefix, parsed.secretHash);
    if (found?.isUseToRecord) {
      await recordSecurityEvent(pool, { kind: 'key_used', principal: `key:${parsed.prefix}`, address: request.ip, detail: { path: request.path } });
    }
    return found?.principal;
  }
  return undefined;
}

/**
 * Resolves the caller: `Authorization: Bearer <session token or API key>`, else the session cookie, else
 * the public. A bearer credential that does not resolve is a 401: a program must learn its key is dead.
 * A dead cookie is dropped and the browser continues as the public, so the public map keeps working.
 * Requests authenticated by cookie that change something must come from our own pages (CSRF).
 */
export function createAuthenticator(pool: pg.Pool, sessions: SessionCache) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    request.principal = PUBLIC_PRINCIPAL;
    const authorization = request.get('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
      const principal = match ? await resolveCredential(pool, sessions, match[1]!, request) : undefined;
      if (!principal) throw invalidCredentials();
      request.principal = principal;
      return next();
    }
    const cookie = readSessionCookie(request);
    if (cookie === undefined) return next();
    const principal = await resolveCredential(pool, sessions, cookie, request);
    if (principal?.kind !== 'user') {
      response.clearCookie(SESSION_COOKIE, { path: '/' });
      return next();
    }
    if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
      throw new AppError(403, 'cross-origin-request', 'Forbidden', 'A change made with the session cookie must come from this site’s own pages; other software uses a bearer token');
    }
    request.principal = principal;
    next();
  };
}
