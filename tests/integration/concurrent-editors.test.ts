import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * Several editors at once, each doing read-modify-write with If-Match and trying again on 412 (and on 503,
 * the answer to a lost deadlock): no update is lost, versions go up one by one, every history row chains
 * to the next and the last one is the stored feature; change sets commit as if one after the other.
 */
const EDITORS = 8;
const EDITS_EACH = 5;
const MAX_ATTEMPTS = 400;

let database: ScratchDatabase;
let server: TestServer;
let editors: Record<string, string>[];
let seed = 0;

beforeAll(async () => {
  database = await createScratchDatabase();
  editors = await Promise.all(Array.from({ length: EDITORS }, (_, index) => sessionHeaders(database.pool, `editor-${index}`, 'planner')));
  server = await startTestServer(database.pool, { DB_POOL_MAX: '12' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const itemUrl = (id: number) => `${server.url}/ogc/collections/road_segments/items/${id}`;

async function createRoad(): Promise<number> {
  const body = validFeature('road_segments', ++seed);
  body.properties.width_m = 1;
  const response = await fetch(`${server.url}/ogc/collections/road_segments/items`, {
    method: 'POST', headers: { ...editors[0]!, 'Content-Type': 'application/geo+json' }, body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

/** Adds 1 to the road's width by read, modify, write; returns how many attempts it took. */
async function increment(headers: Record<string, string>, id: number, statuses: number[]): Promise<number> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const read = await fetch(itemUrl(id), { headers });
    const feature = await read.json();
    const written = await fetch(itemUrl(id), {
      method: 'PATCH',
      headers: { ...headers, 'If-Match': read.headers.get('etag')!, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ properties: { width_m: feature.properties.width_m + 1 } }),
    });
    statuses.push(written.status);
    await written.arrayBuffer();
    if (written.status === 200) return attempt;
    if (written.status !== 412 && written.status !== 503) throw new Error(`unexpected ${written.status}`);
  }
  throw new Error('no attempt succeeded');
}

interface HistoryRow {
  seq: number;
  feature_id: number;
  version: number;
  reason: string | null;
  before: { version: number; properties: { width_m: number } } | null;
  after: { version: number; properties: { width_m: number } } | null;
}

async function historyOf(id: number): Promise<HistoryRow[]> {
  return (await database.pool.query<HistoryRow>(
    "SELECT seq, feature_id, version, reason, before, after FROM feature_history WHERE layer = 'road_segments' AND feature_id = $1 ORDER BY seq",
    [id],
  )).rows;
}

/** Versions 1..n in commit order, each row's before being the previous row's after, the last being the row. */
async function expectChainedHistory(id: number, versions: number): Promise<HistoryRow[]> {
  const history = await historyOf(id);
  expect(history.map((row) => row.version)).toEqual(Array.from({ length: versions }, (_, index) => index + 1));
  history.forEach((row, index) => {
    expect(row.after!.version).toBe(row.version);
    if (index > 0) expect(row.before).toEqual(history[index - 1]!.after);
  });
  const stored = (await database.pool.query('SELECT version, width_m FROM road_segments WHERE id = $1', [id])).rows[0];
  expect(stored.version).toBe(versions);
  expect(history.at(-1)!.after!.properties.width_m).toBe(Number(stored.width_m));
  return history;
}

describe('concurrent editors', () => {
  it(`lose no update when ${EDITORS} edit the same feature at once`, async () => {
    const id = await createRoad();
    const statuses: number[] = [];
    await Promise.all(editors.map(async (headers) => {
      for (let edit = 0; edit < EDITS_EACH; edit += 1) await increment(headers, id, statuses);
    }));
    const total = EDITORS * EDITS_EACH;
    expect(statuses.filter((status) => status === 200)).toHaveLength(total);
    expect(statuses.filter((status) => status === 412).length).toBeGreaterThan(0);
    const history = await expectChainedHistory(id, total + 1);
    expect(history.at(-1)!.after!.properties.width_m).toBe(1 + total);
    // Each committed version added exactly one: none was computed from a state another editor had replaced.
    for (const row of history.slice(1)) expect(row.after!.properties.width_m).toBe(row.before!.properties.width_m + 1);
  });

  it(`never refuse ${EDITORS} editors working on different features at once`, async () => {
    const ids = await Promise.all(editors.map(() => createRoad()));
    const statuses: number[] = [];
    await Promise.all(editors.map(async (headers, index) => {
      for (let edit = 0; edit < EDITS_EACH; edit += 1) await increment(headers, ids[index]!, statuses);
    }));
    expect(statuses.every((status) => status === 200)).toBe(true);
    for (const id of ids) await expectChainedHistory(id, EDITS_EACH + 1);
  });

  it('commit change sets as if one after the other', async () => {
    const [first, second] = [await createRoad(), await createRoad()];
    const setsEach = 3;
    const statuses: number[] = [];
    await Promise.all(editors.map(async (headers, editor) => {
      for (let set = 0; set < setsEach; set += 1) {
        // Half of the editors name the two roads in the other order, so that row locks are taken both ways.
        const order = editor % 2 === 0 ? [first, second] : [second, first];
        for (let attempt = 1; ; attempt += 1) {
          if (attempt > MAX_ATTEMPTS) throw new Error('no attempt succeeded');
          const reads = await Promise.all(order.map(async (id) => {
            const response = await fetch(itemUrl(id), { headers });
            return { id, etag: response.headers.get('etag')!, width: (await response.json()).properties.width_m as number };
          }));
          const response = await fetch(`${server.url}/api/changes`, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              reason: `editor ${editor} set ${set}`,
              changes: reads.map(({ id, etag, width }) => ({ op: 'update', layer: 'road_segments', id, ifMatch: etag, patch: { properties: { width_m: width + 1 } } })),
            }),
          });
          statuses.push(response.status);
          await response.arrayBuffer();
          if (response.status === 200) break;
          if (response.status !== 412 && response.status !== 503) throw new Error(`unexpected ${response.status}`);
        }
      }
    }));
    const total = EDITORS * setsEach;
    expect(statuses.filter((status) => status === 200)).toHaveLength(total);
    // Rows are locked in one order whatever order a set names them in: no deadlock was lost.
    expect(statuses).not.toContain(503);
    const [historyOfFirst, historyOfSecond] = [await expectChainedHistory(first, total + 1), await expectChainedHistory(second, total + 1)];
    expect(historyOfFirst.at(-1)!.after!.properties.width_m).toBe(1 + total);
    expect(historyOfSecond.at(-1)!.after!.properties.width_m).toBe(1 + total);
    // Serial order: the two rows of one set are neighbours in commit order, and the sets come in the same
    // order on both roads.
    const rows = [...historyOfFirst.slice(1), ...historyOfSecond.slice(1)].sort((a, b) => a.seq - b.seq);
    for (let index = 0; index < rows.length; index += 2) {
      expect(rows[index + 1]!.seq).toBe(rows[index]!.seq + 1);
      expect(rows[index + 1]!.reason).toBe(rows[index]!.reason);
      expect(new Set([rows[index]!.feature_id, rows[index + 1]!.feature_id])).toEqual(new Set([first, second]));
    }
    expect(historyOfFirst.slice(1).map((row) => row.reason)).toEqual(historyOfSecond.slice(1).map((row) => row.reason));
  });
});
