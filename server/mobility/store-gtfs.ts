import type pg from 'pg';
import type { GtfsFeed } from './gtfs-model.ts';
import { GtfsTranslator } from './gtfs-names.ts';
import { modeOfRouteType } from './route-modes.ts';

/** Held by an import from its first write to COMMIT, so two imports never interleave. */
const GTFS_IMPORT_LOCK = 727_015;
/** Rows per INSERT: one bound JSON parameter of a megabyte or two. */
const BATCH_SIZE = 5_000;

/** Progress of a long write: `done` of `total` rows of `table`. */
export type StoreProgress = (table: string, done: number, total: number) => void;

interface TableSpec {
  table: string;
  /** The recordset's columns and their SQL types, in the order they are inserted. */
  columns: [string, string][];
  /** Columns of the table and the SELECT list over the recordset `r` filling them, when not the same. */
  computed?: { target: string; select: string };
}

const TABLES: Record<string, TableSpec> = {
  agency: { table: 'gtfs.agency', columns: [['agency_id', 'text'], ['name', 'text'], ['url', 'text'], ['timezone', 'text'], ['lang', 'text'], ['phone', 'text']] },
  stops: {
    table: 'gtfs.stops',
    columns: [['stop_id', 'text'], ['stop_code', 'text'], ['name', 'text'], ['name_fr', 'text'], ['name_ar', 'text'], ['location_type', 'smallint'],
      ['parent_station', 'text'], ['wheelchair_boarding', 'smallint'], ['platform_code', 'text'], ['lon', 'double precision'], ['lat', 'double precision']],
    computed: {
      target: 'stop_id, stop_code, name, name_fr, name_ar, location_type, parent_station, wheelchair_boarding, platform_code, geom',
      select: `r.stop_id, r.stop_code, r.name, r.name_fr, r.name_ar, r.location_type, r.parent_station, r.wheelchair_boarding, r.platform_code,
               CASE WHEN r.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) END`,
    },
  },
  routes: {
    table: 'gtfs.routes',
    columns: [['route_id', 'text'], ['agency_id', 'text'], ['short_name', 'text'], ['long_name', 'text'], ['name_fr', 'text'], ['name_ar', 'text'],
      ['route_type', 'integer'], ['mode', 'text'], ['color', 'text'], ['text_color', 'text'], ['sort_order', 'integer']],
  },
  shapes: {
    table: 'gtfs.shapes',
    columns: [['shape_id', 'text'], ['coordinates', 'json'], ['distances', 'double precision[]']],
    computed: {
      target: 'shape_id, geom, distances',
      select: `r.shape_id, ST_SetSRID(ST_GeomFromGeoJSON(json_build_object('type', 'LineString', 'coordinates', r.coordinates)::text), 4326), r.distances`,
    },
  },
  trips: {
    table: 'gtfs.trips',
    columns: [['trip_id', 'text'], ['route_id', 'text'], ['service_id', 'text'], ['headsign', 'text'], ['headsign_fr', 'text'], ['headsign_ar', 'text'],
      ['short_name', 'text'], ['direction_id', 'smallint'], ['block_id', 'text'], ['shape_id', 'text'], ['wheelchair_accessible', 'smallint']],
  },
  stopTimes: {
    table: 'gtfs.stop_times',
    columns: [['trip_id', 'text'], ['stop_sequence', 'integer'], ['stop_id', 'text'], ['arrival_s', 'integer'], ['departure_s', 'integer'],
      ['stop_headsign', 'text'], ['pickup_type', 'smallint'], ['drop_off_type', 'smallint'], ['shape_dist_traveled', 'double precision'], ['is_timepoint', 'boolean']],
  },
  calendar: { table: 'gtfs.calendar', columns: [['service_id', 'text'], ['weekdays', 'boolean[]'], ['start_date', 'date'], ['end_date', 'date']] },
  calendarDates: { table: 'gtfs.calendar_dates', columns: [['service_id', 'text'], ['date', 'date'], ['exception_type', 'smallint']] },
  frequencies: {
    table: 'gtfs.frequencies',
    columns: [['trip_id', 'text'], ['start_s', 'integer'], ['end_s', 'integer'], ['headway_s', 'integer'], ['exact_times', 'smallint']],
  },
  transfers: {
    table: 'gtfs.transfers',
    columns: [['from_stop_id', 'text'], ['to_stop_id', 'text'], ['from_route_id', 'text'], ['to_route_id', 'text'], ['from_trip_id', 'text'],
      ['to_trip_id', 'text'], ['transfer_type', 'smallint'], ['min_transfer_time', 'integer']],
  },
  translations: {
    table: 'gtfs.translations',
    columns: [['table_name', 'text'], ['field_name', 'text'], ['language', 'text'], ['translation', 'text'], ['record_id', 'text'],
      ['record_sub_id', 'text'], ['field_value', 'text']],
  },
};

/** Every table of the gtfs schema, emptied in one statement (children first is not needed with CASCADE). */
const TRUNCATE = `TRUNCATE gtfs.translations, gtfs.transfers, gtfs.frequencies, gtfs.stop_times, gtfs.trips, gtfs.shapes,
  gtfs.calendar_dates, gtfs.calendar, gtfs.routes, gtfs.stops, gtfs.agency, gtfs.feed`;

async function insertAll(client: pg.ClientBase, spec: TableSpec, rows: readonly unknown[][], progress?: StoreProgress): Promise<number> {
  const names = spec.columns.map(([name]) => name);
  const text = `INSERT INTO ${spec.table} (${spec.computed?.target ?? names.join(', ')})
SELECT ${spec.computed?.select ?? names.map((name) => `r.${name}`).join(', ')}
  FROM json_to_recordset($1::json) AS r(${spec.columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE).map((row) => Object.fromEntries(names.map((name, index) => [name, row[index] ?? null])));
    await client.query(text, [JSON.stringify(batch)]);
    progress?.(spec.table, Math.min(start + BATCH_SIZE, rows.length), rows.length);
  }
  return rows.length;
}

/** The feed as rows of each table, in TABLES' column order. */
function feedRows(feed: GtfsFeed): Record<keyof typeof TABLES, unknown[][]> {
  const names = new GtfsTranslator(feed);
  const agencyId = feed.agencies.length === 1 ? feed.agencies[0]!.agencyId : undefined;
  return {
    agency: feed.agencies.map((a) => [a.agencyId, a.name, a.url, a.timezone, a.lang, a.phone]),
    stops: feed.stops.map((s) => {
      const name = names.bilingual('stops', 'stop_name', s.stopId, s.name);
      return [s.stopId, s.code, s.name, name?.fr, name?.ar, s.locationType, s.parentStation, s.wheelchairBoarding, s.platformCode, s.lon, s.lat];
    }),
    routes: feed.routes.map((r) => {
      const longName = names.bilingual('routes', 'route_long_name', r.routeId, r.longName);
      const shortName = r.shortName ?? r.routeId;
      const name = longName ? { fr: `${shortName} ${longName.fr}`.trim(), ar: `${shortName} ${longName.ar}`.trim() } : { fr: shortName, ar: shortName };
      return [r.routeId, r.agencyId ?? agencyId, r.shortName, r.longName, name.fr, name.ar, r.routeType, modeOfRouteType(r.routeType), r.color, r.textColor, r.sortOrder];
    }),
    shapes: [...feed.shapes].filter(([, points]) => points.length >= 2).map(([shapeId, points]) => [
      shapeId,
      points.map((point) => [point.lon, point.lat]),
      points.every((point) => point.distance !== undefined) ? points.map((point) => point.distance) : null,
    ]),
    trips: feed.trips.map((t) => {
      const headsign = names.bilingual('trips', 'trip_headsign', t.tripId, t.headsign);
      return [t.tripId, t.routeId, t.serviceId, t.headsign, headsign?.fr, headsign?.ar, t.shortName, t.directionId, t.blockId, t.shapeId, t.wheelchairAccessible];
    }),
    stopTimes: [...feed.stopTimes.values()].flatMap((list) => list.map((s) => [
      s.tripId, s.stopSequence, s.stopId, s.arrival, s.departure, s.stopHeadsign, s.pickupType, s.dropOffType, s.shapeDistTraveled, s.isTimepoint,
    ])),
    calendar: feed.calendars.map((c) => [c.serviceId, c.weekdays, c.startDate, c.endDate]),
    calendarDates: feed.calendarDates.map((c) => [c.serviceId, c.date, c.exceptionType]),
    frequencies: feed.frequencies.map((f) => [f.tripId, f.start, f.end, f.headway, f.exactTimes]),
    transfers: feed.transfers.map((t) => [t.fromStopId, t.toStopId, t.fromRouteId, t.toRouteId, t.fromTripId, t.toTripId, t.transferType, t.minTransferTime]),
    translations: feed.translations.map((t) => [t.tableName, t.fieldName, t.language, t.translation, t.recordId, t.recordSubId, t.fieldValue]),
  };
}

/** What was imported: the feed's checksum and file name, for gtfs.feed. */
export interface FeedIdentity {
  sha256: string;
  fileName: string;
}

/**
 * Replaces the feed in the gtfs schema, inside the caller's transaction: takes the import lock, empties
 * every table and writes the new feed. Returns the rows written per table.
 */
export async function storeGtfsFeed(client: pg.ClientBase, feed: GtfsFeed, identity: FeedIdentity, progress?: StoreProgress): Promise<Record<string, number>> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [GTFS_IMPORT_LOCK]);
  await client.query(TRUNCATE);
  const rows = feedRows(feed);
  const counts: Record<string, number> = {};
  for (const [key, spec] of Object.entries(TABLES)) counts[spec.table.replace('gtfs.', '')] = await insertAll(client, spec, rows[key]!, progress);
  await client.query('INSERT INTO gtfs.feed (sha256, file_name, feed_info, row_counts) VALUES ($1, $2, $3, $4)', [
    identity.sha256,
    identity.fileName,
    feed.feedInfo ? JSON.stringify(feed.feedInfo) : null,
    JSON.stringify(counts),
  ]);
  return counts;
}
