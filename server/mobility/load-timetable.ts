import type pg from 'pg';
import { ident } from '../db/sql.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { buildTimetable } from './build-timetable.ts';
import type { LonLat } from './geo.ts';
import { DEFAULT_MODE_COLOURS, type TransitMode } from './route-modes.ts';
import type { ServiceInput } from './service-calendar.ts';
import type { Timetable, TimetableInput, TripInput } from './timetable.ts';
import { WalkingNetwork } from './walking-network.ts';

/**
 * Above this many road segments the network is not noded at every crossing: ST_Node over the whole network
 * grows too slow to run at each rebuild (40 s for the 14,273 OpenStreetMap ways of Casablanca on two busy
 * cores). Segments then connect where they share a vertex, as OpenStreetMap's ways do at junctions
 * (walking-network.ts cuts lines there); bridges, rightly, join nothing they cross.
 */
const MAX_NODED_SEGMENTS = 5_000;

type Row = unknown[];

async function rows(client: pg.ClientBase, text: string, values: unknown[] = []): Promise<Row[]> {
  return (await client.query({ text, values, rowMode: 'array' })).rows as Row[];
}

const isoDate = (value: unknown) => (value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value));

/** The street network as walking lines, noded at crossings (PostGIS ST_Node) when it is not too large. */
export async function loadWalkingNetwork(client: pg.ClientBase, registry: LayerRegistry): Promise<WalkingNetwork | undefined> {
  const roads = registry.find('road_segments');
  if (!roads) return undefined;
  const target = ident(roads.table.schema, roads.table.name);
  const geometry = ident(roads.geometry.column);
  const [[count]] = (await rows(client, `SELECT count(*)::int FROM ${target}`)) as [[number]];
  const lines = count <= MAX_NODED_SEGMENTS
    ? `SELECT (ST_Dump(ST_Node(ST_Collect(ST_Force2D(${geometry}))))).geom AS line FROM ${target}`
    : `SELECT (ST_Dump(ST_Force2D(${geometry}))).geom AS line FROM ${target}`;
  const result = await rows(client, `SELECT ST_AsGeoJSON(line, 7)::json->'coordinates' FROM (${lines}) AS noded WHERE GeometryType(line) = 'LINESTRING'`);
  return result.length > 0 ? new WalkingNetwork(result.map((row) => row[0] as LonLat[])) : undefined;
}

/** The feed in the gtfs tables as timetable input (empty when no feed was imported). */
export async function loadTimetableInput(client: pg.ClientBase): Promise<TimetableInput> {
  const [feed] = await rows(client, 'SELECT sha256 FROM gtfs.feed');
  const version = feed ? String(feed[0]) : 'none';
  const stops = (await rows(client, `SELECT stop_id, coalesce(stop_code, stop_id), coalesce(name_fr, name, stop_id), coalesce(name_ar, name, stop_id),
      ST_X(geom), ST_Y(geom), wheelchair_boarding FROM gtfs.stops WHERE geom IS NOT NULL AND location_type IN (0, 1) ORDER BY stop_id`))
    .map(([stopId, code, fr, ar, lon, lat, wheelchair]) => ({
      stopId: String(stopId), code: String(code), name: { fr: String(fr), ar: String(ar) }, position: [Number(lon), Number(lat)] as LonLat, wheelchairBoarding: Number(wheelchair),
    }));
  const routes = (await rows(client, `SELECT r.route_id, coalesce(r.short_name, r.route_id), r.name_fr, r.name_ar, r.mode, coalesce(r.color, ''),
      coalesce(r.text_color, 'ffffff'), coalesce(a.name, '') FROM gtfs.routes r LEFT JOIN gtfs.agency a USING (agency_id) ORDER BY r.route_id`))
    .map(([routeId, shortName, fr, ar, mode, colour, textColour, agency]) => ({
      routeId: String(routeId), shortName: String(shortName), name: { fr: String(fr), ar: String(ar) }, mode: mode as TimetableInput['routes'][number]['mode'],
      colour: colour ? `#${String(colour).toLowerCase()}` : DEFAULT_MODE_COLOURS[mode as TransitMode], textColour: `#${String(textColour).toLowerCase()}`, agencyName: String(agency),
    }));
  const trips = new Map<string, TripInput>();
  for (const [tripId, routeId, serviceId, directionId, fr, ar, shapeId] of await rows(client,
    'SELECT trip_id, route_id, service_id, direction_id, headsign_fr, headsign_ar, shape_id FROM gtfs.trips')) {
    trips.set(String(tripId), {
      tripId: String(tripId), routeId: String(routeId), serviceId: String(serviceId), directionId: Number(directionId ?? 0), stopTimes: [],
      ...(fr ? { headsign: { fr: String(fr), ar: String(ar ?? fr) } } : {}), ...(shapeId ? { shapeId: String(shapeId) } : {}),
    });
  }
  for (const [tripId, stopId, arrival, departure, pickup, dropOff] of await rows(client,
    'SELECT trip_id, stop_id, arrival_s, departure_s, pickup_type, drop_off_type FROM gtfs.stop_times ORDER BY trip_id, stop_sequence')) {
    trips.get(String(tripId))?.stopTimes.push({ stopId: String(stopId), arrival: Number(arrival), departure: Number(departure), canBoard: pickup !== 1, canAlight: dropOff !== 1 });
  }
  for (const [tripId, start, end, headway] of await rows(client, 'SELECT trip_id, start_s, end_s, headway_s FROM gtfs.frequencies ORDER BY trip_id, start_s')) {
    const trip = trips.get(String(tripId));
    if (trip) trip.frequencies = [...(trip.frequencies ?? []), { start: Number(start), end: Number(end), headway: Number(headway) }];
  }
  return {
    version,
    stops,
    routes,
    trips: [...trips.values()],
    services: await loadServices(client),
    transfers: (await rows(client, `SELECT from_stop_id, to_stop_id, transfer_type, min_transfer_time FROM gtfs.transfers
        WHERE from_stop_id IS NOT NULL AND to_stop_id IS NOT NULL AND from_route_id IS NULL AND to_route_id IS NULL AND from_trip_id IS NULL AND to_trip_id IS NULL`))
      .map(([from, to, type, minimum]) => ({ fromStopId: String(from), toStopId: String(to), type: Number(type), ...(minimum === null ? {} : { minTransferSeconds: Number(minimum) }) })),
    shapes: new Map((await rows(client, `SELECT shape_id, ST_AsGeoJSON(geom, 7)::json->'coordinates' FROM gtfs.shapes`)).map(([id, coordinates]) => [String(id), coordinates as LonLat[]])),
  };
}

async function loadServices(client: pg.ClientBase): Promise<ServiceInput[]> {
  const services = new Map<string, ServiceInput & { added: string[]; removed: string[] }>();
  const serviceOf = (id: string) => {
    let service = services.get(id);
    if (!service) {
      service = { serviceId: id, added: [], removed: [] };
      services.set(id, service);
    }
    return service;
  };
  for (const [id, weekdays, start, end] of await rows(client, 'SELECT service_id, weekdays, start_date::text, end_date::text FROM gtfs.calendar')) {
    Object.assign(serviceOf(String(id)), { weekdays: weekdays as boolean[], startDate: isoDate(start), endDate: isoDate(end) });
  }
  for (const [id, date, type] of await rows(client, 'SELECT service_id, date::text, exception_type FROM gtfs.calendar_dates')) {
    (Number(type) === 1 ? serviceOf(String(id)).added : serviceOf(String(id)).removed).push(isoDate(date));
  }
  return [...services.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
}

/** Reads the feed and the street network in one snapshot and builds the timetable. */
export async function loadTimetable(pool: pg.Pool, registry: LayerRegistry): Promise<Timetable> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const input = await loadTimetableInput(client);
    const walking = await loadWalkingNetwork(client, registry);
    await client.query('COMMIT');
    return buildTimetable(input, walking);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
