import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { createUser, listAssignableAreas, listUsers, STAFF_ROLES, updateUser } from '../auth/accounts.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';
import { generatePassword } from '../auth/passwords.ts';
import { allScopes } from '../auth/scopes.ts';
import { assertAdministrator } from '../auth/policy.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { describePrincipal } from '../auth/principal.ts';
import { listSecurityEvents, recordSecurityEvent, type SecurityEventKind } from '../auth/security-events.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { parseRequest } from '../http/validation.ts';
import { isIsoDateTime } from '../layers/property-validation.ts';
import type { LayerRegistry } from '../layers/registry.ts';

const EVENT_KINDS = [
  'login', 'login_failed', 'login_rate_limited', 'logout', 'key_used', 'access_denied',
  'user_created', 'user_updated', 'key_created', 'key_revoked', 'webhook_created', 'webhook_updated', 'webhook_deleted',
] as const satisfies readonly SecurityEventKind[];

const eventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  principal: z.string().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

const areaCodes = z.array(z.string().min(1).max(32)).max(50);
const createUserBody = z.strictObject({
  username: z.string().min(1).max(64),
  role: z.enum(STAFF_ROLES),
  password: z.string().min(1).max(1024).optional(),
  displayName: z.string().min(1).max(200).optional(),
  areas: areaCodes.optional(),
});
const updateUserBody = z.strictObject({
  role: z.enum(STAFF_ROLES).optional(),
  isDisabled: z.boolean().optional(),
  password: z.string().min(1).max(1024).optional(),
  displayName: z.string().min(1).max(200).optional(),
  areas: areaCodes.optional(),
}).refine((body) => Object.keys(body).length > 0, 'name at least one of role, isDisabled, password, displayName, areas');
const createKeyBody = z.strictObject({
  module: z.string().min(1).max(64),
  scopes: z.array(z.string().min(1).max(100)).min(1).max(100),
  description: z.string().max(500).optional(),
  expiresAt: z.string().refine(isIsoDateTime, 'must be an RFC 3339 date-time with an offset, from year 0001').optional(),
});

/** Administration: accounts, API keys and the security audit. Administrators only, checked per route. */
export function createAdminRouter(deps: { pool: pg.Pool; registry: LayerRegistry; sessions: SessionCache }): Router {
  const router = Router();
  const { pool } = deps;
  const audit = (request: Request, kind: SecurityEventKind, detail: Record<string, unknown>) =>
    recordSecurityEvent(pool, { kind, principal: describePrincipal(request.principal), address: request.ip, detail });

  router.use('/api/admin', (request: Request, _response: Response, next) => {
    assertAdministrator(request.principal);
    next();
  });

  router.get('/api/admin/security-events', async (request: Request, response: Response) => {
    const query = parseRequest(eventsQuery, request.query, 'query');
    const events = await listSecurityEvents(pool, {
      limit: query.limit,
      beforeId: query.before,
      kind: query.kind,
      principal: query.principal,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
    });
    const last = events.length === query.limit ? events.at(-1) : undefined;
    const { before: _before, ...filters } = query;
    const nextQuery = new URLSearchParams(Object.entries({ ...filters, before: last?.id }).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
    response.set('Cache-Control', 'no-store').json({ events, next: last ? `/api/admin/security-events?${nextQuery}` : null });
  });

  router.get('/api/admin/areas', async (_request: Request, response: Response) => {
    response.set('Cache-Control', 'no-store').json({ areas: await listAssignableAreas(pool) });
  });

  router.get('/api/admin/users', async (_request: Request, response: Response) => {
    response.set('Cache-Control', 'no-store').json({ users: await listUsers(pool) });
  });

  router.post('/api/admin/users', async (request: Request, response: Response) => {
    const body = parseRequest(createUserBody, request.body, 'body');
    const password = body.password ?? generatePassword();
    const user = await createUser(pool, { username: body.username, role: body.role, password, displayName: body.displayName, areaCodes: body.areas });
    await audit(request, 'user_created', { username: user.username, role: user.role });
    response.status(201).set('Cache-Control', 'no-store').json({ user, ...(body.password ? {} : { password }) });
  });

  router.patch('/api/admin/users/:username', async (request: Request, response: Response) => {
    const body = parseRequest(updateUserBody, request.body, 'body');
    const username = String(request.params.username);
    const user = await updateUser(pool, username, { ...body, areaCodes: body.areas });
    deps.sessions.forget({ userId: user.id });
    await audit(request, 'user_updated', { username, changed: Object.keys(body).filter((key) => key !== 'password').concat(body.password ? ['password'] : []) });
    response.set('Cache-Control', 'no-store').json({ user });
  });

  router.get('/api/admin/api-keys/scopes', (_request: Request, response: Response) => {
    response.set('Cache-Control', 'no-store').json({ scopes: allScopes(deps.registry) });
  });

  router.get('/api/admin/api-keys', async (_request: Request, response: Response) => {
    response.set('Cache-Control', 'no-store').json({ apiKeys: await listApiKeys(pool) });
  });

  router.post('/api/admin/api-keys', async (request: Request, response: Response) => {
    const body = parseRequest(createKeyBody, request.body, 'body');
    const created = await createApiKey(pool, deps.registry, { ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined });
    await audit(request, 'key_created', { prefix: created.record.prefix, module: created.record.module, scopes: created.record.scopes });
    response.status(201).set('Cache-Control', 'no-store').json({ key: created.key, apiKey: created.record });
  });

  router.delete('/api/admin/api-keys/:prefix', async (request: Request, response: Response) => {
    const record = await revokeApiKey(pool, String(request.params.prefix));
    await audit(request, 'key_revoked', { prefix: record.prefix });
    response.status(204).end();
  });

  return router;
}

const usernameParams = z.strictObject({ username: z.string() });
const prefixParams = z.strictObject({ prefix: z.string() });
const adminOnly = { 401: 'Credentials required', 403: 'Administrators only' };

export const adminOperations: ApiOperation[] = [
  { method: 'get', path: '/api/admin/security-events', tag: 'administration', access: 'admin', query: eventsQuery, summary: 'Audit of logins, failures, key use and denials, newest first', responses: { 200: 'Events and next link', 400: 'Bad parameter', ...adminOnly } },
  { method: 'get', path: '/api/admin/areas', tag: 'administration', access: 'admin', summary: 'Admin areas accounts can be confined to (codes and names)', responses: { 200: 'Areas', ...adminOnly } },
  { method: 'get', path: '/api/admin/users', tag: 'administration', access: 'admin', summary: 'List accounts', responses: { 200: 'Users', ...adminOnly } },
  { method: 'post', path: '/api/admin/users', tag: 'administration', access: 'admin', body: createUserBody, summary: 'Create an account (a generated password is returned once)', responses: { 201: 'Created', 400: 'Bad body', 409: 'Username taken', ...adminOnly } },
  { method: 'patch', path: '/api/admin/users/{username}', tag: 'administration', access: 'admin', params: usernameParams, body: updateUserBody, summary: 'Change role, areas, password or disable an account (revokes its sessions)', responses: { 200: 'Updated', 404: 'No such user', ...adminOnly } },
  { method: 'get', path: '/api/admin/api-keys/scopes', tag: 'administration', access: 'admin', summary: 'Every scope an API key may be given', responses: { 200: 'Scopes', ...adminOnly } },
  { method: 'get', path: '/api/admin/api-keys', tag: 'administration', access: 'admin', summary: 'List API keys (never their secrets)', responses: { 200: 'Keys', ...adminOnly } },
  { method: 'post', path: '/api/admin/api-keys', tag: 'administration', access: 'admin', body: createKeyBody, summary: 'Create an API key with scopes (the key is shown once)', responses: { 201: 'Created', 400: 'Bad scopes', ...adminOnly } },
  { method: 'delete', path: '/api/admin/api-keys/{prefix}', tag: 'administration', access: 'admin', params: prefixParams, summary: 'Revoke an API key', responses: { 204: 'Revoked', 404: 'No such key', ...adminOnly } },
];
