import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { findLoginCandidate, findUser } from '../auth/accounts.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { DECOY_PASSWORD_HASH, verifyPassword } from '../auth/passwords.ts';
import { LOGIN_RATE_LIMITED_TYPE } from '../auth/refusal-audit.ts';
import { canUseEndpoint, isAdministrator, isAllowed, readableLayers, seesPersonalData } from '../auth/policy.ts';
import { denial } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ENDPOINT_SCOPES } from '../auth/scopes.ts';
import { countRecentFailedLogins, recordSecurityEvent } from '../auth/security-events.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { createSession, revokeSession } from '../auth/sessions.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { AppError } from '../http/errors.ts';
import { parseRequest } from '../http/validation.ts';
import type { LayerRegistry } from '../layers/registry.ts';

export interface AuthRouteDeps {
  pool: pg.Pool;
  /** This process's session cache: a logout takes effect on the very next request. */
  sessions: SessionCache;
  registry: LayerRegistry;
  sessionTtlSeconds: number;
  /** Failed logins allowed per username, and per address, within the window, before a 429. */
  loginAttemptsPerUsername: number;
  loginAttemptsPerAddress: number;
  loginWindowSeconds: number;
}

const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** What the caller may do, for the client to show or hide commands (the server checks again anyway). */
function describePermissions(principal: Principal, registry: LayerRegistry) {
  return {
    isAdministrator: isAdministrator(principal),
    layers: Object.fromEntries(
      readableLayers(registry, principal).map((layer) => [
        layer.id,
        {
          read: true,
          create: isAllowed(principal, layer, 'create'),
          update: isAllowed(principal, layer, 'update'),
          delete: isAllowed(principal, layer, 'delete'),
          personal: seesPersonalData(principal, layer),
        },
      ]),
    ),
    endpoints: ENDPOINT_SCOPES.filter((endpoint) => canUseEndpoint(principal, endpoint)),
  };
}

async function assertNotRateLimited(deps: AuthRouteDeps, username: string, request: Request): Promise<void> {
  const recent = await countRecentFailedLogins(deps.pool, username, request.ip, deps.loginWindowSeconds);
  if (recent.forUsername < deps.loginAttemptsPerUsername && recent.fromAddress < deps.loginAttemptsPerAddress) return;
  // Audited by the problem handler, throttled like denials (auth/refusal-audit.ts).
  throw new AppError(429, LOGIN_RATE_LIMITED_TYPE, 'Too many requests', 'Too many failed sign-in attempts; try again later', {}, {
    'Retry-After': String(deps.loginWindowSeconds),
  });
}

export function createAuthRouter(deps: AuthRouteDeps): Router {
  const router = Router();

  router.post('/api/auth/login', async (request: Request, response: Response) => {
    const { username, password } = parseRequest(loginBody, request.body, 'body');
    await assertNotRateLimited(deps, username, request);
    const candidate = await findLoginCandidate(deps.pool, username);
    // An unknown user costs the same scrypt as a known one: timing says nothing about who exists.
    const isPasswordRight = await verifyPassword(password, candidate?.passwordHash ?? DECOY_PASSWORD_HASH);
    if (!candidate || !isPasswordRight || candidate.isDisabled) {
      await recordSecurityEvent(deps.pool, { kind: 'login_failed', principal: 'public', address: request.ip, detail: { username } });
      throw new AppError(401, 'invalid-login', 'Unauthorized', 'Wrong username or password');
    }
    const session = await createSession(deps.pool, candidate.id, deps.sessionTtlSeconds, request.ip);
    await recordSecurityEvent(deps.pool, { kind: 'login', principal: `user:${username}`, address: request.ip });
    const user = await findUser(deps.pool, username);
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      expires: session.expiresAt,
    });
    response.set('Cache-Control', 'no-store').json({
      token: session.token,
      tokenType: 'Bearer',
      expiresAt: session.expiresAt.toISOString(),
      user: { username, displayName: user?.displayName ?? null, role: user?.role, areas: user?.areas ?? [] },
    });
  });

  router.post('/api/auth/logout', async (request: Request, response: Response) => {
    const { principal } = request;
    if (principal.kind !== 'user') throw denial(principal, 'API keys are revoked by an administrator, not logged out');
    await revokeSession(deps.pool, principal.sessionId);
    deps.sessions.forget({ sessionId: principal.sessionId });
    await recordSecurityEvent(deps.pool, { kind: 'logout', principal: `user:${principal.username}`, address: request.ip });
    response.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  router.get('/api/auth/me', async (request: Request, response: Response) => {
    const { principal } = request;
    response.set({ 'Cache-Control': 'no-store' });
    const permissions = describePermissions(principal, deps.registry);
    if (principal.kind === 'user') {
      const user = await findUser(deps.pool, principal.username);
      response.json({ kind: 'user', username: principal.username, displayName: user?.displayName ?? null, role: principal.role, areas: user?.areas ?? [], permissions });
    } else if (principal.kind === 'api_key') {
      response.json({ kind: 'api_key', module: principal.module, prefix: principal.prefix, scopes: [...principal.scopes].sort(), permissions });
    } else {
      response.json({ kind: 'public', role: 'public', permissions });
    }
  });

  return router;
}

export const authOperations: ApiOperation[] = [
  {
    method: 'post', path: '/api/auth/login', tag: 'accounts', access: 'public', body: loginBody,
    summary: 'Sign in: a bearer token, and an HttpOnly session cookie for the browser',
    responses: { 200: 'Token, expiry and user', 400: 'Malformed body', 401: 'Wrong username or password', 429: 'Too many failed attempts (Retry-After)' },
  },
  { method: 'post', path: '/api/auth/logout', tag: 'accounts', access: 'staff', summary: 'Revoke the current session', responses: { 204: 'Signed out', 401: 'Not signed in', 403: 'API keys cannot log out' } },
  { method: 'get', path: '/api/auth/me', tag: 'accounts', access: 'public', summary: 'Who the caller is and what it may do', responses: { 200: 'Principal and permissions', 401: 'Invalid credentials' } },
];
