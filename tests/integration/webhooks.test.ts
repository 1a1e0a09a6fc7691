import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { createTargetPolicy } from '../../server/webhooks/target-policy.ts';
import { WebhookDispatcher } from '../../server/webhooks/webhook-dispatcher.ts';
import { verifyWebhookSignature } from '../../server/webhooks/webhook-signature.ts';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/** One request the receiver got, with the answer it gave. */
interface Receipt {
  key: string;
  body: string;
  signature: string;
  contentType: string | undefined;
  payload: { id: string; change: { seq: number; layer: string; id: number; version: number; operation: string; after: { properties: object } | null } };
  status: number;
}

/** A webhook target on 127.0.0.1: records every request and answers what `answer` says. */
class Receiver {
  readonly receipts: Receipt[] = [];
  /** Requests for the same feature that overlapped in time (must stay empty). */
  readonly overlaps: string[] = [];
  answer: (key: string, attemptsSoFar: number) => number = () => 200;
  delayMs = 0;
  readonly #busyFeatures = new Set<string>();
  readonly #waiters = new Set<() => void>();
  readonly server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => void this.#receive(request, response, body));
  });

  async #receive(request: http.IncomingMessage, response: http.ServerResponse, body: string): Promise<void> {
    const payload = JSON.parse(body) as Receipt['payload'];
    const feature = `${payload.change.layer}/${payload.change.id}`;
    if (this.#busyFeatures.has(feature)) this.overlaps.push(`${feature} ${payload.id}`);
    this.#busyFeatures.add(feature);
    const key = String(request.headers['idempotency-key']);
    const status = this.answer(key, this.receipts.filter((receipt) => receipt.key === key).length);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.#busyFeatures.delete(feature);
    this.receipts.push({ key, body, signature: String(request.headers['x-casa-sig-signature']), contentType: request.headers['content-type'], payload, status });
    response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'down for maintenance');
    for (const wake of this.#waiters) wake();
  }

  /** Forgets every request so far (each test starts with a receiver of its own). */
  reset(): void {
    this.receipts.length = 0;
    this.overlaps.length = 0;
    this.answer = () => 200;
    this.delayMs = 0;
  }

  acknowledged(key: string): number {
    return this.receipts.filter((receipt) => receipt.key === key && receipt.status === 200).length;
  }

  /** Resolves as soon as `isDone()` holds after a request; rejects after `timeoutMs` (a bounded wait, never a sleep). */
  waitUntil(isDone: () => boolean, describe: () => string, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!isDone()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`still waiting after ${timeoutMs} ms: ${describe()}`));
      }, timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }

  waitForAcknowledged(keys: readonly string[], timeoutMs?: number): Promise<void> {
    const missing = () => keys.filter((key) => this.acknowledged(key) === 0);
    return this.waitUntil(() => missing().length === 0, () => `not acknowledged: ${missing().join(', ')}`, timeoutMs);
  }

  nextRequestFor(key: string): Promise<void> {
    const count = () => this.receipts.filter((receipt) => receipt.key === key).length;
    const seen = count();
    return this.waitUntil(() => count() > seen, () => `no request for ${key}`);
  }
}

const registry = new LayerRegistry();
const FOLLOWED = ['permits', 'road_segments'];
const receiver = new Receiver();
let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let planner: Record<string, string>;
let receiverUrl: string;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  planner = await sessionHeaders(database.pool, 'amina', 'planner');
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/casa-sig/changes`;
  server = await startTestServer(database.pool, { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' });
});
afterAll(async () => {
  await server?.close();
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
  await database?.drop();
});

const api = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });

/** A dispatcher in this process (retries in tens of milliseconds unless told); tests call drain() or start(). */
function createDispatcher(retry = { baseMs: 20, capMs: 200 }): WebhookDispatcher {
  const policy = createTargetPolicy('127.0.0.1/32');
  return new WebhookDispatcher({ pool: database.pool, registry, logger: pino({ level: 'silent' }), policy, timeoutMs: 2_000, retry, pollIntervalMs: 250 });
}
async function startDispatcher(): Promise<WebhookDispatcher> {
  const dispatcher = createDispatcher();
  await dispatcher.start();
  return dispatcher;
}

interface Edited { layer: string; id: number; etag: string }
async function createFeature(layer: string): Promise<Edited> {
  const response = await fetch(`${server.url}/ogc/collections/${layer}/items`, {
    method: 'POST', headers: { ...admin, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(validFeature(layer, ++seed)),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { layer, id: (await response.json()).id, etag: response.headers.get('etag')! };
}
async function patchFeature(feature: Edited, properties: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/ogc/collections/${feature.layer}/items/${feature.id}`, {
    method: 'PATCH', headers: { ...admin, 'If-Match': feature.etag, 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ properties }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  feature.etag = response.headers.get('etag')!;
}

/** Idempotency keys of the committed changes after `since` that the hook follows, in commit order. */
async function keysAfter(hookId: number, since: number, layers = FOLLOWED): Promise<string[]> {
  const rows = (await database.pool.query('SELECT seq FROM feature_history WHERE seq > $1 AND layer = ANY($2) ORDER BY seq', [since, layers])).rows;
  return rows.map((row) => `${hookId}:${row.seq}`);
}
const lastSeq = async () => Number((await database.pool.query('SELECT coalesce(max(seq), 0) AS seq FROM feature_history')).rows[0].seq);

/** Per feature, requests arrive in commit order and a later change never comes before an earlier one is acknowledged. */
function expectOrderPerFeature(receipts: readonly Receipt[]): void {
  const byFeature = new Map<string, Receipt[]>();
  for (const receipt of receipts) {
    const feature = `${receipt.payload.change.layer}/${receipt.payload.change.id}`;
    byFeature.set(feature, [...(byFeature.get(feature) ?? []), receipt]);
  }
  for (const [feature, list] of byFeature) {
    list.forEach((receipt, index) => {
      const previous = list[index - 1];
      if (!previous || previous.key === receipt.key) return;
      expect(receipt.payload.change.seq, feature).toBeGreaterThan(previous.payload.change.seq);
      expect(previous.status, `${feature}: ${receipt.key} sent before ${previous.key} was acknowledged`).toBe(200);
    });
  }
}

describe('webhook administration', () => {
  it('is for administrators only: 401 without credentials, 403 for other roles', async () => {
    for (const [headers, status] of [[{}, 401], [planner, 403]] as const) {
      for (const [method, path, body] of [['GET', '/api/admin/webhooks'], ['POST', '/api/admin/webhooks', { url: receiverUrl, layers: ['permits'] }], ['GET', '/api/admin/webhooks/1/deliveries']] as const) {
        const response = await api(method, path, headers, body);
        expect(response.status, `${method} ${path}`).toBe(status);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an ftp URL', { url: 'ftp://127.0.0.1/x', layers: ['permits'] }, 'invalid-body', '/url'],
    ['a relative URL', { url: '/hook', layers: ['permits'] }, 'invalid-body', '/url'],
    ['credentials in the URL', { url: 'http://user:pw@127.0.0.1/x', layers: ['permits'] }, 'invalid-body', '/url'],
    ['no layers', { url: 'http://127.0.0.1/x', layers: [] }, 'invalid-body', '/layers'],
    ['a repeated layer', { url: 'http://127.0.0.1/x', layers: ['permits', 'permits'] }, 'invalid-body', '/layers'],
    ['an unknown member', { url: 'http://127.0.0.1/x', layers: ['permits'], secret: 'mine' }, 'invalid-body', '/'],
    ['an unknown layer', { url: 'http://127.0.0.1/x', layers: ['permits', 'parcels'] }, 'unknown-layer', '/layers/1'],
    ['a private address', { url: 'http://10.1.2.3/hook', layers: ['permits'] }, 'webhook-target-not-allowed', '/url'],
    ['the metadata service', { url: 'http://169.254.169.254/latest', layers: ['permits'] }, 'webhook-target-not-allowed', '/url'],
  ])('refuses %s with a 400 problem', async (_name, body, type, pointer) => {
    const hooksBefore = Number((await database.pool.query('SELECT count(*) FROM webhooks')).rows[0].count);
    const response = await api('POST', '/api/admin/webhooks', admin, body);
    const problem = await response.json();
    expect(response.status, JSON.stringify(problem)).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(problem.type).toBe(type);
    expect(problem.issues.map((issue: { pointer: string }) => issue.pointer)).toContain(pointer);
    if (type === 'unknown-layer') expect(problem.allowed).toEqual(registry.ids);
    expect(Number((await database.pool.query('SELECT count(*) FROM webhooks')).rows[0].count)).toBe(hooksBefore);
  });
});

describe('webhook delivery', () => {
  /**
   * Each test has a hook of its own, registered as an administrator does: earlier hooks are deleted (with
   * their deliveries) and the receiver forgets what it got, so no test depends on another.
   */
  async function registerHook(): Promise<{ hook: { id: number; cursor: string }; secret: string; response: Response }> {
    await database.pool.query('DELETE FROM webhooks');
    receiver.reset();
    const response = await api('POST', '/api/admin/webhooks', admin, { url: receiverUrl, layers: FOLLOWED, description: 'CRM' });
    expect(response.status, await response.clone().text()).toBe(201);
    const { webhook: hook, secret } = await response.json();
    return { hook, secret, response };
  }

  /**
   * Five followed changes (a permit created and edited twice, a road created and edited; an establishment,
   * which the hook does not follow, in between), all committed before a dispatcher runs so that later
   * changes of a feature wait behind a failing first attempt; then delivered, each failing once.
   */
  async function deliverChangesFailingOnce(hook: { id: number; cursor: string }) {
    const since = Number(hook.cursor);
    const permit = await createFeature('permits');
    await patchFeature(permit, { description_fr: 'Extension', applicant_phone: '+212 699 999 999' });
    const road = await createFeature('road_segments');
    const establishment = await createFeature('establishments');
    await patchFeature(permit, { status: 'under_review' });
    const reasoned = await fetch(`${server.url}/api/changes`, {
      method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Signalé par Mme Alaoui au guichet', changes: [{ op: 'update', layer: 'road_segments', id: road.id, ifMatch: road.etag, patch: { properties: { width_m: 12 } } }] }),
    });
    expect(reasoned.status, await reasoned.clone().text()).toBe(200);
    const expected = await keysAfter(hook.id, since);
    expect(expected).toHaveLength(5);
    receiver.answer = (_key, attemptsSoFar) => (attemptsSoFar === 0 ? 500 : 200);
    const dispatcher = await startDispatcher();
    try {
      await receiver.waitForAcknowledged(expected);
    } finally {
      await dispatcher.stop();
    }
    return { expected, permit, establishment };
  }

  it('registers a hook and shows its secret once', async () => {
    const { hook, secret, response } = await registerHook();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(response.headers.get('location')).toBe(`/api/admin/webhooks/${hook.id}`);
    expect(hook).toMatchObject({ url: receiverUrl, layers: FOLLOWED, isEnabled: true, createdBy: 'user:root', backlog: { pending: 0 } });
    for (const path of ['/api/admin/webhooks', `/api/admin/webhooks/${hook.id}`]) {
      const text = await (await api('GET', path, admin)).text();
      expect(text).toContain(receiverUrl);
      expect(text).not.toContain('whsec_');
    }
  });

  it('delivers each change exactly once after failures, signed, in order per feature, without personal data, author, reason or unfollowed layers', async () => {
    const { hook, secret } = await registerHook();
    const { expected, permit, establishment } = await deliverChangesFailingOnce(hook);
    for (const key of expected) expect(receiver.receipts.filter((receipt) => receipt.key === key).map((receipt) => receipt.status), key).toEqual([500, 200]);
    expect(receiver.receipts).toHaveLength(10);
    expectOrderPerFeature(receiver.receipts);

    for (const receipt of receiver.receipts) {
      expect(receipt.contentType).toBe('application/json');
      expect(receipt.payload.id).toBe(receipt.key);
      expect(FOLLOWED).toContain(receipt.payload.change.layer);
      expect(receipt.body).not.toMatch(/Demandeur|\+212|applicant_/);
      // Who made the change and why may name people: neither is sent.
      expect(receipt.body).not.toMatch(/root|Alaoui|guichet|author|reason/);
      expect(verifyWebhookSignature(secret, receipt.signature, receipt.body)).toBe(true);
      expect(verifyWebhookSignature(secret, receipt.signature, receipt.body.replace('"operation":"', '"operation":"re'))).toBe(false);
      expect(verifyWebhookSignature(`whsec_${'A'.repeat(43)}`, receipt.signature, receipt.body)).toBe(false);
    }
    const update = receiver.receipts.find((receipt) => receipt.key === expected[1])!.payload.change;
    expect(update).toMatchObject({ layer: 'permits', id: permit.id, version: 2, operation: 'update', after: { properties: { description_fr: 'Extension' } } });
    const queued = await database.pool.query('SELECT count(*) FILTER (WHERE layer = $1) AS unfollowed, max(w.cursor) AS cursor FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id', ['establishments']);
    expect(Number(queued.rows[0].unfollowed)).toBe(0);
    const establishmentSeq = (await database.pool.query('SELECT seq FROM feature_history WHERE layer = $1 AND feature_id = $2', ['establishments', establishment.id])).rows[0].seq;
    expect(Number(queued.rows[0].cursor)).toBeGreaterThan(Number(establishmentSeq));
  });

  it('shows the delivery log, paged', async () => {
    const { hook } = await registerHook();
    await deliverChangesFailingOnce(hook);
    const first = await (await api('GET', `/api/admin/webhooks/${hook.id}/deliveries?limit=3`, admin)).json();
    expect(first.deliveries).toHaveLength(3);
    expect(first.deliveries[0]).toMatchObject({ state: 'delivered', attempts: 2, lastStatusCode: 200, nextAttemptAt: null, deliveredAt: expect.any(String), lastResponseExcerpt: 'ok' });
    const second = await (await api('GET', first.next, admin)).json();
    expect(second.deliveries).toHaveLength(2);
    expect(second.next).toBeNull();
    const ids = [...first.deliveries, ...second.deliveries].map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await (await api('GET', `/api/admin/webhooks/${hook.id}/deliveries?status=pending`, admin)).json()).deliveries).toEqual([]);
    expect((await api('GET', `/api/admin/webhooks/${hook.id}/deliveries?limit=0`, admin)).status).toBe(400);
    expect((await api('GET', '/api/admin/webhooks/999999/deliveries', admin)).status).toBe(404);
  });

  it('survives a restart: a failing delivery and the changes made while stopped are delivered once by a new server process', async () => {
    const road = await createFeature('road_segments');
    const permit = await createFeature('permits');
    const { hook } = await registerHook();
    const since = await lastSeq();
    receiver.answer = () => 503;
    const dispatcher = await startDispatcher();
    let failing: string | undefined;
    try {
      await patchFeature(road, { width_m: 14 });
      [failing] = await keysAfter(hook.id, since);
      await receiver.nextRequestFor(failing!);
    } finally {
      await dispatcher.stop();
    }
    const row = (await database.pool.query('SELECT attempts, delivered_at, last_status_code FROM webhook_deliveries WHERE webhook_id = $1 AND seq = $2', [hook.id, failing!.split(':')[1]])).rows[0];
    expect(row).toMatchObject({ delivered_at: null, last_status_code: 503 });
    expect(row.attempts).toBeGreaterThanOrEqual(1);

    await patchFeature(road, { width_m: 16 });
    await patchFeature(permit, { description_fr: 'Extension R+2' });
    const expected = await keysAfter(hook.id, since);
    expect(expected).toHaveLength(3);
    receiver.answer = () => 200;
    process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32';
    const second = await startServerProcess(database.url).finally(() => delete process.env.WEBHOOK_ALLOWED_NETWORKS);
    try {
      await receiver.waitForAcknowledged(expected, 30_000);
    } finally {
      await second.stop();
    }
    for (const key of expected) expect(receiver.acknowledged(key), key).toBe(1);
    expectOrderPerFeature(receiver.receipts);
  });

  it('shares the work between several dispatchers without sending a delivery twice or a feature out of order', async () => {
    const { hook } = await registerHook();
    const since = await lastSeq();
    receiver.delayMs = 15;
    const dispatchers = await Promise.all([startDispatcher(), startDispatcher(), startDispatcher()]);
    try {
      const features = await Promise.all([0, 1, 2, 3].map(() => createFeature('road_segments')));
      for (let round = 0; round < 3; round += 1) await Promise.all(features.map((feature) => patchFeature(feature, { lanes: round + 1 })));
      const expected = await keysAfter(hook.id, since);
      expect(expected).toHaveLength(16);
      await receiver.waitForAcknowledged(expected);
      const receipts = receiver.receipts.filter((receipt) => expected.includes(receipt.key));
      expect(receipts).toHaveLength(16);
      expectOrderPerFeature(receipts);
      expect(receiver.overlaps).toEqual([]);
    } finally {
      receiver.delayMs = 0;
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    }
  });

  it('queues but sends nothing while disabled, then sends the backlog', async () => {
    const road = await createFeature('road_segments');
    const { hook } = await registerHook();
    const dispatcher = createDispatcher();
    const since = await lastSeq();
    expect((await api('PATCH', `/api/admin/webhooks/${hook.id}`, admin, { isEnabled: false })).status).toBe(200);
    await patchFeature(road, { lanes: 4 });
    await dispatcher.drain();
    const [key] = await keysAfter(hook.id, since);
    expect(receiver.receipts.filter((receipt) => receipt.key === key)).toEqual([]);
    const paused = (await (await api('GET', `/api/admin/webhooks/${hook.id}`, admin)).json()).webhook;
    expect(paused).toMatchObject({ isEnabled: false, backlog: { pending: 1, failing: 0 } });

    expect((await api('PATCH', `/api/admin/webhooks/${hook.id}`, admin, { isEnabled: true })).status).toBe(200);
    await dispatcher.drain();
    expect(receiver.acknowledged(key!)).toBe(1);
    expect((await api('PATCH', `/api/admin/webhooks/${hook.id}`, admin, {})).status).toBe(400);
  });

  it('signs with a rotated secret (and the previous one during the grace period, unless immediate)', async () => {
    const road = await createFeature('road_segments');
    const { hook, secret } = await registerHook();
    const dispatcher = createDispatcher();
    const rotated = await (await api('POST', `/api/admin/webhooks/${hook.id}/rotate-secret`, admin)).json();
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.webhook.previousSecretExpiresAt).toEqual(expect.any(String));
    await patchFeature(road, { lanes: 5 });
    await dispatcher.drain();
    const graced = receiver.receipts.at(-1)!;
    expect(verifyWebhookSignature(rotated.secret, graced.signature, graced.body)).toBe(true);
    expect(verifyWebhookSignature(secret, graced.signature, graced.body)).toBe(true);

    const immediate = await (await api('POST', `/api/admin/webhooks/${hook.id}/rotate-secret`, admin, { immediate: true })).json();
    await patchFeature(road, { lanes: 6 });
    await dispatcher.drain();
    const latest = receiver.receipts.at(-1)!;
    expect(verifyWebhookSignature(immediate.secret, latest.signature, latest.body)).toBe(true);
    expect(verifyWebhookSignature(rotated.secret, latest.signature, latest.body)).toBe(false);
    expect(verifyWebhookSignature(secret, latest.signature, latest.body)).toBe(false);
  });

  it('retries on demand, and a deleted hook takes its log with it', async () => {
    const permit = await createFeature('permits');
    const { hook } = await registerHook();
    const dispatcher = createDispatcher({ baseMs: 600_000, capMs: 600_000 });
    receiver.answer = () => 500;
    await patchFeature(permit, { description_fr: 'Extension R+3' });
    await dispatcher.drain();
    const [pending] = (await (await api('GET', `/api/admin/webhooks/${hook.id}/deliveries?status=pending`, admin)).json()).deliveries;
    expect(pending).toMatchObject({ state: 'retrying', attempts: 1, lastStatusCode: 500, lastResponseExcerpt: 'down for maintenance', deliveredAt: null });
    expect(Date.parse(pending.nextAttemptAt) - Date.now()).toBeGreaterThan(60_000);
    receiver.answer = () => 200;
    await dispatcher.drain();
    expect(receiver.acknowledged(pending.idempotencyKey)).toBe(0);
    expect(await (await api('POST', `/api/admin/webhooks/${hook.id}/retry`, admin)).json()).toEqual({ rescheduled: 1 });
    await dispatcher.drain();
    expect(receiver.acknowledged(pending.idempotencyKey)).toBe(1);

    expect((await api('DELETE', `/api/admin/webhooks/${hook.id}`, admin)).status).toBe(204);
    expect((await api('GET', `/api/admin/webhooks/${hook.id}`, admin)).status).toBe(404);
    expect(Number((await database.pool.query('SELECT count(*) FROM webhook_deliveries')).rows[0].count)).toBe(0);
  });
});
