import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileForLonLat } from '../../server/tiles/tile-coordinates.ts';
import { CENTRE, insertFixtureRows } from '../helpers/layer-fixtures.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/**
 * The public tile front door (server/routes/tile-front-door.ts) answers before Express. Its answers must be
 * those of the Express route: here every public request is made twice, once plainly (front door) and once
 * with a session cookie that resolves to nobody, which sends it through Express as the public.
 */
let database: ScratchDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createScratchDatabase();
  await insertFixtureRows(database.pool);
  server = await startTestServer(database.pool);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET or HEAD with exactly these headers; the body as sent (still gzipped). */
function rawRequest(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${server.url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Headers that legitimately differ between two responses (time, connection, the id, the dropped cookie). */
function comparable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date, connection, 'keep-alive': keepAlive, 'x-request-id': requestId, 'set-cookie': setCookie, ...rest } = headers;
  return rest;
}

const GZIP = { 'Accept-Encoding': 'gzip' };
const THROUGH_EXPRESS = { ...GZIP, Cookie: 'casa_sig_session=not-a-session' };
const centre = tileForLonLat(CENTRE[0], CENTRE[1], 16);
const roadTile = `/tiles/road_segments/${centre.z}/${centre.x}/${centre.y}.mvt`;
// Far out at sea: no feature of any layer.
const emptyTile = '/tiles/road_segments/16/0/0.mvt';

/** The same request through each path, once the tile is cached (so that both say Cache-Status: hit). */
async function bothWays(path: string, headers: Record<string, string> = {}, method = 'GET') {
  // The first tiles of a server are not cached until its change listener is up.
  await expect.poll(async () => (await rawRequest(path, GZIP)).headers['cache-status'], { timeout: 5_000 }).toBe('casa-sig; hit');
  const frontDoor = await rawRequest(path, { ...GZIP, ...headers }, method);
  const express = await rawRequest(path, { ...THROUGH_EXPRESS, ...headers }, method);
  return { frontDoor, express };
}

describe('the public tile front door', () => {
  it('answers a tile as the Express route does: status, bytes and headers', async () => {
    const { frontDoor, express } = await bothWays(roadTile);
    expect(frontDoor.status).toBe(200);
    expect(frontDoor.headers['content-encoding']).toBe('gzip');
    expect(frontDoor.body.length).toBeGreaterThan(0);
    expect(frontDoor.body.equals(express.body)).toBe(true);
    expect(comparable(frontDoor.headers)).toEqual(comparable(express.headers));
    expect(frontDoor.headers['cache-status']).toBe('casa-sig; hit');
    // The Express answer went through authentication: the dead cookie is cleared there.
    expect(express.headers['set-cookie']?.[0]).toMatch(/^casa_sig_session=;/);
    expect(frontDoor.headers['set-cookie']).toBeUndefined();
  });

  it('answers an empty tile (204), a revalidation (304) and a HEAD as the Express route does', async () => {
    const empty = await bothWays(emptyTile);
    expect(empty.frontDoor.status).toBe(204);
    expect(comparable(empty.frontDoor.headers)).toEqual(comparable(empty.express.headers));

    const etag = (await rawRequest(roadTile, GZIP)).headers.etag!;
    const revalidated = await bothWays(roadTile, { 'If-None-Match': `W/${etag}` });
    expect(revalidated.frontDoor.status).toBe(304);
    expect(revalidated.frontDoor.body.length).toBe(0);
    expect(comparable(revalidated.frontDoor.headers)).toEqual(comparable(revalidated.express.headers));

    const head = await bothWays(roadTile, {}, 'HEAD');
    expect(head.frontDoor.status).toBe(200);
    expect(head.frontDoor.body.length).toBe(0);
    expect(comparable(head.frontDoor.headers)).toEqual(comparable(head.express.headers));
  });

  it('carries the security headers and the request id, keeping a well-formed incoming id', async () => {
    const response = await rawRequest(roadTile, { ...GZIP, 'X-Request-Id': 'map-client-0001' });
    expect(response.headers['x-request-id']).toBe('map-client-0001');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const generated = await rawRequest(roadTile, { ...GZIP, 'X-Request-Id': 'bad id with spaces' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves errors to Express: problem+json with a request id', async () => {
    for (const [path, status] of [['/tiles/road_segments/14/99999/1.mvt', 400], ['/tiles/nowhere/14/1/1.mvt', 404], ['/tiles/inspections/16/1/1.mvt', 401]] as const) {
      const response = await rawRequest(path, GZIP);
      expect(response.status, path).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body.toString()).requestId).toBe(response.headers['x-request-id']);
    }
  });
});
