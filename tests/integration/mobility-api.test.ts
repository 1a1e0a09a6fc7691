import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSampleGtfsFiles, zipGtfsFiles } from '../../data/sample/gtfs-feed.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { importGtfs } from '../../server/mobility/import-gtfs.ts';
import { createTestPool } from '../helpers/database.ts';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.ts';
import { startTestServer, type TestServer } from '../helpers/start-server.ts';

/** The sample database (its GTFS feed loaded with the rest of the sample data), read as a citizen would. */
let pool: pg.Pool;
let server: TestServer;

beforeAll(async () => {
  pool = createTestPool('sample');
  server = await startTestServer(pool);
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
});

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() };
};

/** A point a few metres from a stop of the sample feed. */
async function stopPosition(stopId: string): Promise<[number, number]> {
  const { body } = await get(`/api/mobility/stops/${stopId}`);
  return body.stop.position;
}

describe('GET /api/mobility/stops/{id}', () => {
  it('lists the lines at a tram stop, its busway connection with the walk and transfer time, and the next departures', async () => {
    const { status, body } = await get('/api/mobility/stops/T3-16?at=2026-12-01T08:00');
    expect(status).toBe(200);
    expect(body.stop).toMatchObject({ id: 'T3-16', mode: 'tram', name: { fr: 'Idriss El Allam', ar: 'إدريس العلام' } });
    expect(body.lines.map((line: { id: string }) => line.id)).toEqual(['T3']);
    expect(body.lines[0].directions.map((direction: { headsign: { fr: string } }) => direction.headsign.fr)).toEqual(['Hay Al Warda', 'Casa Port']);
    const busway = body.connections.find((connection: { stop: { id: string } }) => connection.stop.id === 'BW1-05');
    // transfers.txt gives 240 s; the walk along the streets may take longer, and then counts.
    expect(busway).toMatchObject({ stop: { mode: 'brt' }, lines: ['BW1'], minTransferSeconds: 240 });
    expect(busway.transferSeconds).toBeGreaterThanOrEqual(240);
    expect(busway.distanceMetres).toBeGreaterThan(150);
    expect(busway.distanceMetres).toBeLessThanOrEqual(400);
    expect(busway.geometry.coordinates[0]).toEqual(body.stop.position);
    // Only other modes: T3's own neighbours are not connections.
    expect(body.connections.every((connection: { stop: { mode: string } }) => connection.stop.mode !== 'tram')).toBe(true);
    expect(body.departures).toHaveLength(10);
    expect(body.departures[0].departure).toMatch(/^2026-12-01T08:0\d:\d\d\+01:00$/);
    const times = body.departures.map((departure: { departure: string }) => departure.departure);
    expect([...times].sort()).toEqual(times);
  });

  it('walks along the streets when both stops reach them', async () => {
    const { body } = await get('/api/mobility/stops/T1-11?radius=1000');
    const street = body.connections.filter((connection: { path: string }) => connection.path === 'street');
    expect(street.length).toBeGreaterThan(0);
    for (const connection of street) expect(connection.geometry.coordinates.length).toBeGreaterThan(2);
  });

  it('lists weekend night departures after midnight as the next day', async () => {
    const { body } = await get('/api/mobility/stops/T1-01?at=2026-12-05T23:55&limit=50');
    expect(body.departures.some((departure: { departure: string }) => departure.departure.startsWith('2026-12-06T00:'))).toBe(true);
  });

  it('answers problem+json for an unknown stop and a bad parameter', async () => {
    const missing = await get('/api/mobility/stops/NOPE');
    expect(missing).toMatchObject({ status: 404, body: { type: 'stop-not-found', requestId: expect.any(String) } });
    expect(missing.type).toMatch(/^application\/problem\+json/);
    const bad = await get('/api/mobility/stops/T1-01?radius=5000');
    expect(bad).toMatchObject({ status: 400, body: { type: 'invalid-query' } });
  });
});

describe('GET /api/mobility/routes/{id}', () => {
  it('gives a line\'s stops in order in both directions, with its course', async () => {
    const { status, body } = await get('/api/mobility/routes/T2');
    expect(status).toBe(200);
    expect(body.line).toMatchObject({ id: 'T2', mode: 'tram', colour: '#f39200' });
    const [outward, back] = body.directions;
    expect(outward.stops[0]).toMatchObject({ sequence: 1, id: 'T2-01' });
    expect(back.stops.map((stop: { id: string }) => stop.id)).toEqual([...outward.stops.map((stop: { id: string }) => stop.id)].reverse());
    expect(outward.stops.map((stop: { id: string }) => stop.id)).toContain('T1-11');
    expect(outward.geometry.coordinates.length).toBeGreaterThanOrEqual(outward.stops.length);
    expect(back.headsign.ar).toBeTruthy();
    expect((await get('/api/mobility/routes/X99')).status).toBe(404);
  });
});

describe('GET /api/mobility/journeys', () => {
  it('plans Pareto-optimal journeys across modes, each leg drawn, times in Casablanca time', async () => {
    const from = await stopPosition('BUS-033');
    const to = await stopPosition('T4-10');
    const { status, body } = await get(`/api/mobility/journeys?from=${from.join(',')}&to=${to.join(',')}&depart=2026-12-01T08:30`);
    expect(status).toBe(200);
    expect(body.itineraries.length).toBeGreaterThan(0);
    for (const itinerary of body.itineraries) {
      expect(itinerary.departure >= '2026-12-01T08:30:00+01:00').toBe(true);
      for (const leg of itinerary.legs) expect(leg.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(itinerary.legs.some((leg: { mode: string }) => leg.mode !== 'walk')).toBe(true);
    }
    const arrivals = body.itineraries.map((itinerary: { arrival: string }) => itinerary.arrival);
    expect([...arrivals].sort()).toEqual(arrivals);
    // No itinerary beats another on arrival, changes and walking all at once.
    for (const a of body.itineraries) {
      for (const b of body.itineraries) {
        if (a !== b) expect(a.arrival <= b.arrival && a.changes <= b.changes && a.walkSeconds <= b.walkSeconds).toBe(false);
      }
    }
  });

  it('arrives by the time asked', async () => {
    const from = await stopPosition('T2-01');
    const to = await stopPosition('BW1-10');
    const { body } = await get(`/api/mobility/journeys?from=${from.join(',')}&to=${to.join(',')}&arriveBy=2026-12-01T09:30`);
    expect(body.arriveBy).toBe('2026-12-01T09:30:00+01:00');
    for (const itinerary of body.itineraries) expect(itinerary.arrival <= '2026-12-01T09:30:00+01:00').toBe(true);
  });

  it('walks when the places are a few steps apart', async () => {
    const { body } = await get('/api/mobility/journeys?from=-7.6186,33.5928&to=-7.6200,33.5935&depart=2026-12-01T08:00');
    expect(body.itineraries[0].legs.map((leg: { mode: string }) => leg.mode)).toEqual(['walk']);
  });

  it('refuses places outside the region, unreachable places and malformed requests with problem+json', async () => {
    const outside = await get('/api/mobility/journeys?from=-7.6,33.59&to=-9,33.5');
    expect(outside).toMatchObject({ status: 422, body: { type: 'outside-region', issues: [{ pointer: '/to' }] } });
    expect(outside.type).toMatch(/^application\/problem\+json/);
    // The far south-east corner of the region (the city and its margin): no stop within a walk, too far to walk.
    const bounds = (await get('/api/layers')).body.bounds as number[];
    const corner = `${(bounds[2]! - 0.005).toFixed(4)},${(bounds[1]! + 0.005).toFixed(4)}`;
    const unreachable = await get(`/api/mobility/journeys?from=-7.6186,33.5928&to=${corner}&depart=2026-12-01T08:00`);
    expect(unreachable).toMatchObject({ status: 422, body: { type: 'no-journey' } });
    expect((await get('/api/mobility/journeys?from=abc&to=-7.6,33.59')).status).toBe(400);
    expect((await get('/api/mobility/journeys?from=-7.6,33.59&to=-7.61,33.59&depart=2026-12-01T08:00&arriveBy=2026-12-01T09:00')).status).toBe(400);
  });
});

describe('the timetable of a running server', () => {
  let scratch: ScratchDatabase;
  let scratchServer: TestServer;
  let folder: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    scratchServer = await startTestServer(scratch.pool);
    folder = mkdtempSync(join(tmpdir(), 'casa-sig-timetable-'));
  });
  afterAll(async () => {
    await scratchServer?.close();
    await scratch?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('is rebuilt when a feed is imported elsewhere (LISTEN/NOTIFY)', async () => {
    const stop = () => fetch(`${scratchServer.url}/api/mobility/stops/T1-01`).then((response) => response.status);
    expect(await stop()).toBe(404);
    const path = join(folder, 'sample.zip');
    writeFileSync(path, zipGtfsFiles(buildSampleGtfsFiles()));
    expect((await importGtfs(scratch.pool, new LayerRegistry(), path)).status).toBe('imported');
    await vi.waitFor(async () => expect(await stop()).toBe(200), { timeout: 20_000, interval: 100 });
  });
});
