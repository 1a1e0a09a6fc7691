import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The Idempotency-Key header on creates: a repeat gets the first answer and writes nothing, whether it
 * comes after the first answer or while the first request is still being processed.
 */

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let inspector: Record<string, string>;
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  inspector = await sessionHeaders(database.pool, 'nadia', 'inspector');
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const itemsUrl = (layer: string) => `${server.url}/ogc/collections/${layer}/items`;

function post(url: string, headers: Record<string, string>, body: unknown, key?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(body),
  });
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return Number((await database.pool.query(sql, values)).rows[0].count);
}

const permitRows = (reference: string) => count('SELECT count(*) FROM permits WHERE reference = $1', [reference]);
const historyRows = (layer: string, id: number) => count('SELECT count(*) FROM feature_history WHERE layer = $1 AND feature_id = $2', [layer, id]);

describe('Idempotency-Key on POST /ogc/collections/{layer}/items', () => {
  it('answers a repeat with the first answer and writes one feature, one history entry', async () => {
    const body = validFeature('permits', ++seed);
    const key = randomUUID();
    const first = await post(itemsUrl('permits'), admin, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();
    const id = JSON.parse(firstBody).id as number;

    const again = await post(itemsUrl('permits'), admin, body, `"${key}"`);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await again.text()).toBe(firstBody);
    expect(await permitRows(String(body.properties.reference))).toBe(1);
    expect(await historyRows('permits', id)).toBe(1);
  });

  it('gives every concurrent repeat the one answer of the request that wrote', async () => {
    const body = validFeature('permits', ++seed);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(itemsUrl('permits'), admin, body, key)));
    const documents = await Promise.all(answers.map(async (answer) => ({ status: answer.status, replayed: answer.headers.get('idempotent-replayed'), body: await answer.text() })));
    expect(documents.map((document) => document.status)).toEqual(Array(8).fill(201));
    expect(new Set(documents.map((document) => document.body)).size).toBe(1);
    expect(documents.filter((document) => document.replayed === null)).toHaveLength(1);
    expect(await permitRows(String(body.properties.reference))).toBe(1);
  });

  it('refuses the same key with another body (422) and writes nothing for it', async () => {
    const key = randomUUID();
    const body = validFeature('permits', ++seed);
    expect((await post(itemsUrl('permits'), admin, body, key)).status).toBe(201);
    const other = validFeature('permits', ++seed);
    const refused = await post(itemsUrl('permits'), admin, other, key);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await refused.json()).type).toBe('idempotency-key-reused');
    expect(await permitRows(String(other.properties.reference))).toBe(0);
  });

  it('keeps keys apart per caller: the same key from another account creates its own feature', async () => {
    const key = randomUUID();
    const establishment = await post(itemsUrl('establishments'), admin, validFeature('establishments', ++seed), key);
    expect(establishment.status).toBe(201);
    const inspection = validFeature('inspections', ++seed, (await establishment.json()).id);
    const byInspector = await post(itemsUrl('inspections'), inspector, inspection, key);
    expect(byInspector.status).toBe(201);
    expect(byInspector.headers.get('idempotent-replayed')).toBeNull();
    expect((await byInspector.json()).properties.establishment_id).toBe(inspection.properties.establishment_id);
  });

  it('answers a repeat of a refused create with the same refusal, and still writes nothing', async () => {
    const key = randomUUID();
    const valid = validFeature('permits', ++seed);
    const invalid = { ...valid, properties: { ...valid.properties, status: 'pending' } };
    const first = await post(itemsUrl('permits'), admin, invalid, key);
    expect(first.status).toBe(422);
    const again = await post(itemsUrl('permits'), admin, invalid, key);
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await permitRows(String(valid.properties.reference))).toBe(0);
  });

  it('lets another request take over a claim whose lease ran out unanswered (its process died)', async () => {
    const key = randomUUID();
    const body = validFeature('permits', ++seed);
    // The first request's claim, left unanswered by a process that died before writing.
    const { requestFingerprint } = await import('../../server/http/idempotency.ts');
    await database.pool.query(
      `INSERT INTO idempotency_keys (principal, key, fingerprint, owner, lease_until) VALUES ('user:root', $1, $2, $3, now() - interval '1 second')`,
      [key, requestFingerprint('POST', '/ogc/collections/permits/items', body), randomUUID()],
    );
    const answer = await post(itemsUrl('permits'), admin, body, key);
    expect(answer.status).toBe(201);
    expect(await permitRows(String(body.properties.reference))).toBe(1);
  });

  it('refuses a malformed key (400) and ignores the header where nothing is created', async () => {
    const malformed = await post(itemsUrl('permits'), admin, validFeature('permits', ++seed), 'a"b');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).type).toBe('invalid-idempotency-key');
    const read = await fetch(itemsUrl('permits'), { headers: { ...admin, 'Idempotency-Key': 'a"b' } });
    expect(read.status).toBe(200);
  });
});

describe('Idempotency-Key on other creates', () => {
  it('replays an applied change set without applying it twice', async () => {
    const key = randomUUID();
    const feature = validFeature('permits', ++seed);
    const changeSet = { changes: [{ op: 'create', layer: 'permits', tempId: 'a', feature }] };
    const first = await post(`${server.url}/api/changes`, admin, changeSet, key);
    expect(first.status).toBe(200);
    const again = await post(`${server.url}/api/changes`, admin, changeSet, key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await permitRows(String(feature.properties.reference))).toBe(1);
  });

  it('replays an API key creation without a second key, and never stores nor shows the secret again', async () => {
    const key = randomUUID();
    const request = { module: `crm-${seed}`, scopes: ['permits:read'] };
    const first = await post(`${server.url}/api/admin/api-keys`, admin, request, key);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.key).toMatch(/^csk_/);
    const again = await post(`${server.url}/api/admin/api-keys`, admin, request, key);
    expect(again.status).toBe(201);
    const replayed = await again.json();
    expect(replayed).toEqual({ ...created, key: null });
    expect(await count('SELECT count(*) FROM api_keys WHERE module = $1', [request.module])).toBe(1);
    const stored = (await database.pool.query('SELECT body FROM idempotency_keys WHERE key = $1', [key])).rows[0].body as Buffer;
    expect(stored.toString('utf8')).not.toContain(created.key);
  });
});
