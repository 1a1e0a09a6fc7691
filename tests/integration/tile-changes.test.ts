import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFeature } from '../helpers/feature-factories.ts';
import { insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { sessionHeaders } from '../helpers/principals.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * GET /api/tile-changes: the event stream that lets every open map redraw an edit. Each caller hears the
 * layers it may read everywhere, and nothing of the others; events come after the server's cache dropped the
 * tiles, so a tile asked for on hearing one is the new one.
 */

let database: ScratchDatabase;
let server: TestServer;
let admin: Record<string, string>;
let inspector: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  const area = await database.pool.query<{ code: string }>("SELECT code FROM admin_areas WHERE level = 'prefecture' LIMIT 1");
  admin = await sessionHeaders(database.pool, 'root', 'admin');
  inspector = await sessionHeaders(database.pool, 'salma', 'inspector', [area.rows[0]!.code]);
  server = await startTestServer(database.pool);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

interface ServerEvent {
  event: string;
  data: unknown;
}

/** An open stream: the events read so far, a way to wait for the next ones, and to stop. */
async function listen(headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/tile-changes`, { headers, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: ServerEvent[] = [];
  let buffer = '';
  const readUntil = async (isDone: (events: ServerEvent[]) => boolean): Promise<ServerEvent[]> => {
    while (!isDone(events)) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
    return events;
  };
  return { response, events, readUntil, stop: () => controller.abort() };
}

async function create(layer: string, seed: number, establishmentId?: number): Promise<number> {
  const response = await fetch(`${server.url}/ogc/collections/${layer}/items`, {
    method: 'POST',
    headers: { ...admin, 'Content-Type': 'application/geo+json' },
    body: JSON.stringify(validFeature(layer, seed, establishmentId)),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()).id;
}

describe('GET /api/tile-changes', () => {
  it('streams the places of each committed edit of a layer the public reads, and nothing of the others', async () => {
    const stream = await listen();
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    // Nothing had started this server's change listener: the stream says when it hears edits (all tiles anew).
    await stream.readUntil((seen) => seen.some((event) => event.event === 'reset'));

    const establishment = await create('establishments', 1);
    await create('inspections', 2, establishment);
    await create('road_segments', 3);
    const events = await stream.readUntil((seen) => seen.some((event) => (event.data as { layer?: string }).layer === 'road_segments'));
    stream.stop();

    const layers = events.filter((event) => event.event === 'tiles').map((event) => (event.data as { layer: string }).layer);
    expect(layers).toEqual(['establishments', 'road_segments']);
    const road = events.at(-1)!.data as { bboxes: number[][] };
    expect(road.bboxes).toHaveLength(1);
    expect(road.bboxes[0]).toHaveLength(4);
  });

  it('tells a confined inspector nothing of the layers she reads only in her areas', async () => {
    const stream = await listen(inspector);
    await create('permits', 4);
    await create('road_segments', 5);
    const events = await stream.readUntil((seen) => seen.some((event) => (event.data as { layer?: string }).layer === 'road_segments'));
    stream.stop();
    expect(events.map((event) => (event.data as { layer: string }).layer)).toEqual(['road_segments']);
  });

  it('ends each stream after its lifetime, and refuses streams past the limit with 503', async () => {
    const limited = await startTestServer(database.pool, { TILE_CHANGES_MAX_STREAMS: '1', TILE_CHANGES_MAX_AGE_SECONDS: '1' });
    try {
      const first = await fetch(`${limited.url}/api/tile-changes`);
      expect(first.status).toBe(200);
      const refused = await fetch(`${limited.url}/api/tile-changes`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // The first stream ends by itself after its second; its place is free again.
      const text = await first.text();
      expect(text).toMatch(/^retry: \d+\n/);
      const second = await fetch(`${limited.url}/api/tile-changes`);
      expect(second.status).toBe(200);
      await second.body?.cancel();
    } finally {
      await limited.close();
    }
  });
});
