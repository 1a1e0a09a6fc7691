import { zipSync } from 'fflate';
import { distanceMeters, type LonLat } from './geometry.ts';
import {
  hours, NIGHT_SERVICE, RUNNING, type SampleService, SERVICE_END, SERVICE_PLANS, SERVICE_START, type ServicePeriod, weekdayHolidays,
} from './gtfs-service-plan.ts';
import { TRANSIT_ROUTES, TRANSIT_STOPS } from './transit.ts';
import type { TransitMode, TransitRouteSpec, TransitStopSpec } from './transit-types.ts';

/** Where `npm run sample:gtfs` writes the feed, relative to the project. */
export const SAMPLE_GTFS_PATH = 'data/sample/casablanca-sample-gtfs.zip';

const AGENCIES: Readonly<Record<TransitMode, { id: string; name: string; url: string }>> = {
  tram: { id: 'CASATRAM', name: 'Casa Tram', url: 'https://www.casatramway.ma' },
  brt: { id: 'CASABUSWAY', name: 'Casa Busway', url: 'https://www.casatramway.ma' },
  bus: { id: 'ALSA', name: 'Alsa Al Baida', url: 'https://www.alsa.ma' },
};
/** GTFS route_type per mode: 702 (express bus) is how casa-sig writes and reads busway lines. */
const ROUTE_TYPES: Readonly<Record<TransitMode, number>> = { tram: 0, brt: 702, bus: 3 };
/** Stations of different modes this close are linked in transfers.txt with a minimum transfer time. */
const TRANSFER_RADIUS_M = 300;
const WALK_SPEED_MPS = 1.2;

type Cell = string | number | undefined;

function csv(header: readonly string[], rows: readonly Cell[][]): string {
  const field = (value: Cell) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header.join(','), ...rows.map((row) => row.map(field).join(','))].join('\r\n') + '\r\n';
}

const time = (seconds: number) => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
};

function nameRows(table: string, field: string, id: string, names: { fr: string; ar: string }): Cell[][] {
  return [[table, field, 'fr', names.fr, id], [table, field, 'ar', names.ar, id]];
}

/** A line's long name without its code ("T1 Sidi Moumen – Lissasfa" -> "Sidi Moumen – Lissasfa"). */
const longName = (route: TransitRouteSpec, name: string) => name.replace(new RegExp(`^${route.lineCode}\\s+`), '');

interface Direction {
  id: 0 | 1;
  stops: TransitStopSpec[];
}

/** The way between two consecutive stops, by stop codes (`from>to`): street by street, else a straight line. */
export type StopLegs = ReadonlyMap<string, readonly LonLat[]>;

function legOf(legs: StopLegs, from: TransitStopSpec, to: TransitStopSpec): readonly LonLat[] {
  return legs.get(`${from.code}>${to.code}`) ?? [...(legs.get(`${to.code}>${from.code}`) ?? [from.position, to.position])].reverse();
}

function legMetres(leg: readonly LonLat[]): number {
  let metres = 0;
  for (let index = 1; index < leg.length; index += 1) metres += distanceMeters(leg[index - 1]!, leg[index]!);
  return metres;
}

/** Trips, stop times and frequencies of one line in one direction on one calendar. */
function directionTrips(route: TransitRouteSpec, direction: Direction, service: SampleService, legs: StopLegs) {
  const periods: ServicePeriod[] = [...SERVICE_PLANS[route.mode][service]];
  const night = NIGHT_SERVICE[route.lineCode];
  if (night && service === 'WEEKEND') periods.push(night);
  const tripId = `${route.lineCode}-${direction.id}-${service}`;
  const { kmh, dwellS } = RUNNING[route.mode];
  const stopTimes: Cell[][] = [];
  let clock = hours(periods[0]!.start);
  let travelled = 0;
  direction.stops.forEach((stop, index) => {
    if (index > 0) {
      const metres = legMetres(legOf(legs, direction.stops[index - 1]!, stop));
      travelled += metres;
      clock += Math.max(60, Math.round((metres / 1000 / kmh) * 3600 / 10) * 10);
    }
    const isEnd = index === 0 || index === direction.stops.length - 1;
    const departure = clock + (isEnd ? 0 : dwellS);
    stopTimes.push([tripId, time(clock), time(departure), stop.code, index + 1, Math.round(travelled * 10) / 10]);
    clock = departure;
  });
  const frequencies = periods.map((period) => [tripId, `${period.start}:00`, `${period.end}:00`, period.headwayMin * 60, 0] as Cell[]);
  const headsign = direction.stops[direction.stops.length - 1]!;
  const trip: Cell[] = [route.lineCode, service, tripId, headsign.nameFr, direction.id, `${route.lineCode}-${direction.id}`, route.isAccessible ? 1 : 2];
  return { trip, stopTimes, frequencies, headsign };
}

/** transfers.txt: tram and busway stations a short walk apart, with the walk's duration as minimum. */
function transferRows(stops: readonly TransitStopSpec[]): Cell[][] {
  const stations = stops.filter((stop) => stop.mode !== 'bus');
  const rows: Cell[][] = [];
  for (const from of stations) {
    for (const to of stations) {
      if (from.mode === to.mode) continue;
      const metres = distanceMeters(from.position, to.position);
      if (metres <= TRANSFER_RADIUS_M) rows.push([from.code, to.code, 2, Math.max(120, Math.ceil((metres * 1.3) / WALK_SPEED_MPS / 30) * 30)]);
    }
  }
  return rows;
}

/**
 * The sample network as GTFS files: agencies, stops, routes (both directions of every line), shapes along
 * the legs between stops (the streets, data/sample/transit-on-streets.ts; straight lines where no leg is
 * given), weekday and weekend calendars with public holidays as exceptions, one template trip per line,
 * direction and calendar with frequencies, transfers between tram and busway stations, and French and
 * Arabic names in translations.txt. Deterministic: same bytes on every machine.
 */
export function buildSampleGtfsFiles(routes = TRANSIT_ROUTES, stops = TRANSIT_STOPS, legs: StopLegs = new Map()): Record<string, string> {
  const stopsByCode = new Map(stops.map((stop) => [stop.code, stop]));
  const translations: Cell[][] = [];
  const trips: Cell[][] = [];
  const stopTimes: Cell[][] = [];
  const frequencies: Cell[][] = [];
  const shapes: Cell[][] = [];
  const headsigns = new Map<string, string>();
  for (const route of routes) {
    translations.push(...nameRows('routes', 'route_long_name', route.lineCode, { fr: longName(route, route.nameFr), ar: longName(route, route.nameAr) }));
    const outward = route.stopCodes.map((code) => stopsByCode.get(code)!);
    for (const direction of [{ id: 0, stops: outward }, { id: 1, stops: [...outward].reverse() }] as Direction[]) {
      const shape = direction.stops.flatMap((stop, index) => (index === 0 ? [stop.position] : legOf(legs, direction.stops[index - 1]!, stop).slice(1)));
      let travelled = 0;
      shape.forEach((position, index) => {
        if (index > 0) travelled += distanceMeters(shape[index - 1]!, position);
        shapes.push([`${route.lineCode}-${direction.id}`, position[1], position[0], index + 1, Math.round(travelled * 10) / 10]);
      });
      for (const service of ['WEEKDAY', 'WEEKEND'] as const) {
        const built = directionTrips(route, direction, service, legs);
        trips.push(built.trip);
        stopTimes.push(...built.stopTimes);
        frequencies.push(...built.frequencies);
        headsigns.set(built.headsign.nameFr, built.headsign.nameAr);
      }
    }
  }
  for (const [fr, ar] of [...headsigns].sort()) translations.push(['trips', 'trip_headsign', 'ar', ar, undefined, fr]);
  for (const stop of stops) translations.push(...nameRows('stops', 'stop_name', stop.code, { fr: stop.nameFr, ar: stop.nameAr }));
  const modes = [...new Set(routes.map((route) => route.mode))];
  const position = (stop: TransitStopSpec): LonLat => stop.position;
  return {
    'agency.txt': csv(['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang'],
      modes.map((mode) => [AGENCIES[mode].id, AGENCIES[mode].name, AGENCIES[mode].url, 'Africa/Casablanca', 'fr'])),
    'stops.txt': csv(['stop_id', 'stop_code', 'stop_name', 'stop_lat', 'stop_lon', 'location_type', 'wheelchair_boarding'],
      stops.map((stop) => [stop.code, stop.code, stop.nameFr, position(stop)[1], position(stop)[0], 0, stop.isAccessible ? 1 : 0])),
    'routes.txt': csv(['route_id', 'agency_id', 'route_short_name', 'route_long_name', 'route_type', 'route_color', 'route_text_color'],
      routes.map((route) => [route.lineCode, AGENCIES[route.mode].id, route.lineCode, longName(route, route.nameFr), ROUTE_TYPES[route.mode],
        route.colour.slice(1).toUpperCase(), 'FFFFFF'])),
    'trips.txt': csv(['route_id', 'service_id', 'trip_id', 'trip_headsign', 'direction_id', 'shape_id', 'wheelchair_accessible'], trips),
    'stop_times.txt': csv(['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence', 'shape_dist_traveled'], stopTimes),
    'calendar.txt': csv(['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'], [
      ['WEEKDAY', 1, 1, 1, 1, 1, 0, 0, SERVICE_START, SERVICE_END],
      ['WEEKEND', 0, 0, 0, 0, 0, 1, 1, SERVICE_START, SERVICE_END],
    ]),
    'calendar_dates.txt': csv(['service_id', 'date', 'exception_type'], weekdayHolidays().flatMap((date) => [['WEEKDAY', date, 2], ['WEEKEND', date, 1]])),
    'shapes.txt': csv(['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence', 'shape_dist_traveled'], shapes),
    'frequencies.txt': csv(['trip_id', 'start_time', 'end_time', 'headway_secs', 'exact_times'], frequencies),
    'transfers.txt': csv(['from_stop_id', 'to_stop_id', 'transfer_type', 'min_transfer_time'], transferRows(stops)),
    'translations.txt': csv(['table_name', 'field_name', 'language', 'translation', 'record_id', 'field_value'], translations),
    'feed_info.txt': csv(['feed_publisher_name', 'feed_publisher_url', 'feed_lang', 'feed_start_date', 'feed_end_date', 'feed_version'], [
      ['casa-sig (sample data, approximate)', 'https://www.casablanca.ma', 'fr', SERVICE_START, SERVICE_END, 'sample-1'],
    ]),
  };
}

/** The files zipped with a fixed date, so the archive's bytes (and checksum) never change by themselves. */
export function zipGtfsFiles(files: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  // Local midnight: ZIP stores local date parts, so the bytes are the same in every time zone.
  const mtime = new Date(2026, 10, 15);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [encoder.encode(text), { mtime }]])), { level: 9 });
}
