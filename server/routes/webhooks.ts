import { type Request, type Response, Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { assertAdministrator } from '../auth/policy.ts';
import { recordSecurityEvent } from '../auth/security-events.ts';
import { describePrincipal } from '../auth/principal.ts';
import type { Config } from '../config.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { BadRequestError, NotFoundError } from '../http/errors.ts';
import { parseRequest } from '../http/validation.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { listDeliveries } from '../webhooks/delivery-log.ts';
import { assertTargetAllowed, createTargetPolicy, type TargetPolicy } from '../webhooks/target-policy.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER } from '../webhooks/webhook-signature.ts';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, retryPendingNow, rotateWebhookSecret, updateWebhook } from '../webhooks/webhook-store.ts';

/** An absolute http(s) URL without credentials (they would show in listings), normalised, fragment dropped. */
function parseWebhookUrl(text: string): URL | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) return undefined;
  url.hash = '';
  return url;
}

const webhookUrl = z
  .string()
  .min(1)
  .max(2000)
  .refine((text) => parseWebhookUrl(text) !== undefined, 'must be an absolute http:// or https:// URL without user name or password')
  .describe('Where changes are POSTed');
const layerIds = z
  .array(z.string().min(1).max(64))
  .min(1)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a layer')
  .describe('Registry ids of the layers whose changes are delivered');

const createBody = z.strictObject({
  url: webhookUrl,
  layers: layerIds,
  description: z.string().min(1).max(500).optional(),
  isEnabled: z.boolean().default(true),
});
const updateBody = z
  .strictObject({ url: webhookUrl.optional(), layers: layerIds.optional(), description: z.string().min(1).max(500).nullable().optional(), isEnabled: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, 'name at least one of url, layers, description, isEnabled');
const rotateBody = z.strictObject({
  immediate: z.boolean().default(false).describe('true: the old secret stops signing at once (it leaked); false: it keeps signing for 24 hours'),
});
const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional().describe('Delivery id from the previous page (see `next`)'),
  status: z.enum(['pending', 'delivered']).optional(),
});
const idParams = z.strictObject({ id: z.string().regex(/^[1-9]\d{0,14}$/).describe('Webhook id') });

function webhookId(request: Request): number {
  const parsed = idParams.safeParse({ id: request.params.id });
  if (!parsed.success) throw new NotFoundError('webhook-not-found', 'No such webhook');
  return Number(parsed.data.id);
}

/** Unknown layer ids -> 400 listing the registry's ids (administrators may follow any layer). */
function assertKnownLayers(registry: LayerRegistry, ids: readonly string[]): void {
  const unknown = ids.map((id, index) => ({ id, index })).filter(({ id }) => !registry.find(id));
  if (unknown.length === 0) return;
  throw new BadRequestError('unknown-layer', `layers: unknown layer(s) ${unknown.map(({ id }) => `"${id.slice(0, 64)}"`).join(', ')}`, {
    allowed: registry.ids,
    issues: unknown.map(({ index }) => ({ pointer: `/layers/${index}`, code: 'unknown-layer', message: 'not a layer of the registry' })),
  });
}

async function checkedUrl(text: string, policy: TargetPolicy): Promise<string> {
  const url = parseWebhookUrl(text)!;
  await assertTargetAllowed(url, policy);
  return url.href;
}

/**
 * Webhook administration under /api/admin/webhooks: register, list, change, rotate the secret, delete,
 * retry now, read the delivery log. Administrators only. Sending is server/webhooks/webhook-dispatcher.ts.
 */
export function createWebhooksRouter(deps: { pool: pg.Pool; registry: LayerRegistry; config: Pick<Config, 'WEBHOOK_ALLOWED_NETWORKS'> }): Router {
  const router = Router();
  const { pool, registry } = deps;
  const policy = createTargetPolicy(deps.config.WEBHOOK_ALLOWED_NETWORKS);
  const noStore = (response: Response) => response.set('Cache-Control', 'no-store');
  const audit = (request: Request, kind: 'webhook_created' | 'webhook_updated' | 'webhook_deleted', detail: Record<string, unknown>) =>
    recordSecurityEvent(pool, { kind, principal: describePrincipal(request.principal), address: request.ip, detail });

  router.use('/api/admin/webhooks', (request: Request, _response: Response, next) => {
    assertAdministrator(request.principal);
    next();
  });

  router.get('/api/admin/webhooks', async (_request: Request, response: Response) => {
    noStore(response).json({ webhooks: await listWebhooks(pool) });
  });

  router.post('/api/admin/webhooks', async (request: Request, response: Response) => {
    const body = parseRequest(createBody, request.body, 'body');
    assertKnownLayers(registry, body.layers);
    const url = await checkedUrl(body.url, policy);
    const created = await createWebhook(pool, { ...body, url, createdBy: describePrincipal(request.principal) });
    await audit(request, 'webhook_created', { webhookId: created.record.id, layers: body.layers, host: new URL(url).host });
    noStore(response).status(201).location(`/api/admin/webhooks/${created.record.id}`).json({ webhook: created.record, secret: created.secret });
  });

  router.get('/api/admin/webhooks/:id', async (request: Request, response: Response) => {
    noStore(response).json({ webhook: await getWebhook(pool, webhookId(request)) });
  });

  router.patch('/api/admin/webhooks/:id', async (request: Request, response: Response) => {
    const id = webhookId(request);
    const body = parseRequest(updateBody, request.body, 'body');
    if (body.layers) assertKnownLayers(registry, body.layers);
    const url = body.url === undefined ? undefined : await checkedUrl(body.url, policy);
    const webhook = await updateWebhook(pool, id, { ...body, url });
    await audit(request, 'webhook_updated', { webhookId: id, changed: Object.keys(body) });
    noStore(response).json({ webhook });
  });

  router.delete('/api/admin/webhooks/:id', async (request: Request, response: Response) => {
    await deleteWebhook(pool, webhookId(request));
    await audit(request, 'webhook_deleted', { webhookId: webhookId(request) });
    response.status(204).end();
  });

  router.post('/api/admin/webhooks/:id/rotate-secret', async (request: Request, response: Response) => {
    const id = webhookId(request);
    const body = parseRequest(rotateBody, request.body ?? {}, 'body');
    const rotated = await rotateWebhookSecret(pool, id, body.immediate);
    await audit(request, 'webhook_updated', { webhookId: id, changed: ['secret'] });
    noStore(response).json({ webhook: rotated.record, secret: rotated.secret });
  });

  router.post('/api/admin/webhooks/:id/retry', async (request: Request, response: Response) => {
    noStore(response).json({ rescheduled: await retryPendingNow(pool, webhookId(request)) });
  });

  router.get('/api/admin/webhooks/:id/deliveries', async (request: Request, response: Response) => {
    const id = webhookId(request);
    const query = parseRequest(deliveriesQuery, request.query, 'query');
    const deliveries = await listDeliveries(pool, id, { limit: query.limit, beforeId: query.before, status: query.status });
    const last = deliveries.length === query.limit ? deliveries.at(-1) : undefined;
    const status = query.status ? `&status=${query.status}` : '';
    noStore(response).json({ deliveries, next: last ? `/api/admin/webhooks/${id}/deliveries?limit=${query.limit}&before=${last.id}${status}` : null });
  });

  return router;
}

const problems = { 400: 'Invalid parameter or body (problem+json naming it)', 401: 'Not signed in', 403: 'Not an administrator' } as const;
const withId = { ...problems, 404: 'No such webhook' } as const;

const DELIVERY_CONTRACT = `Every change committed on a followed layer is POSTed as JSON:
{"id": "<hookId>:<seq>", "type": "feature.change", "webhookId", "change": {"cursor", "seq", "layer", "id", "version",
"operation", "committedAt", "after": GeoJSON Feature | null, "before": GeoJSON Feature | null}}.
Personal properties are never sent, nor who made the change. Headers: Content-Type: application/json;
${IDEMPOTENCY_HEADER}: <hookId>:<seq> (the same on every retry); ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex>, where v1 is
HMAC-SHA256 keyed with the secret (the whole whsec_ string) over "<t>.<raw body>" (after a rotation, a second v1 made with the
previous secret, for 24 hours). Any 2xx acknowledges; anything else (redirects included, never followed) is retried with
exponential back-off and jitter, capped at one hour, until acknowledged. Changes of one feature arrive one at a time in commit
order. Targets on loopback, private or reserved addresses are refused unless listed in WEBHOOK_ALLOWED_NETWORKS.`;

/** The operations this router serves, described with the schemas it validates with. */
export const webhookOperations: ApiOperation[] = [
  { method: 'get', path: '/api/admin/webhooks', tag: 'webhooks', access: 'admin', summary: 'List webhooks with their backlog', responses: { 200: 'Webhooks (never their secrets)', ...problems } },
  {
    method: 'post', path: '/api/admin/webhooks', tag: 'webhooks', access: 'admin', summary: 'Register a webhook; its secret is returned once',
    description: DELIVERY_CONTRACT, body: createBody, responses: { 201: 'The webhook and its secret (shown only now)', ...problems },
  },
  { method: 'get', path: '/api/admin/webhooks/{id}', tag: 'webhooks', access: 'admin', summary: 'One webhook with its backlog', params: idParams, responses: { 200: 'The webhook', ...withId } },
  {
    method: 'patch', path: '/api/admin/webhooks/{id}', tag: 'webhooks', access: 'admin', summary: 'Enable, disable or change a webhook',
    description: 'A disabled webhook keeps queueing changes and sends them once enabled again.', params: idParams, body: updateBody,
    responses: { 200: 'The webhook', ...withId },
  },
  { method: 'delete', path: '/api/admin/webhooks/{id}', tag: 'webhooks', access: 'admin', summary: 'Delete a webhook and its delivery log', params: idParams, responses: { 204: 'Deleted', ...withId } },
  {
    method: 'post', path: '/api/admin/webhooks/{id}/rotate-secret', tag: 'webhooks', access: 'admin', summary: 'Replace the secret; the new one is returned once',
    params: idParams, body: rotateBody, responses: { 200: 'The webhook and its new secret', ...withId },
  },
  { method: 'post', path: '/api/admin/webhooks/{id}/retry', tag: 'webhooks', access: 'admin', summary: 'Make every pending delivery due now', params: idParams, responses: { 200: 'How many were rescheduled', ...withId } },
  {
    method: 'get', path: '/api/admin/webhooks/{id}/deliveries', tag: 'webhooks', access: 'admin', summary: 'Delivery log, newest first, paged',
    description: 'Per delivery: the change, state, attempts, last status code or error, a short excerpt of the answer, next attempt and delivery times.',
    params: idParams, query: deliveriesQuery, responses: { 200: 'Deliveries and the next page link', ...withId },
  },
];
