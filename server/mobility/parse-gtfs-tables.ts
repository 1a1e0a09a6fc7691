import type { CsvTable } from './csv.ts';
import type { IssueList } from './gtfs-issues.ts';
import type { GtfsFeed, GtfsShapePoint, GtfsStopTime } from './gtfs-model.ts';
import { type GtfsRow, gtfsRows } from './gtfs-rows.ts';
import type { GtfsFileName } from './read-gtfs-zip.ts';

type Tables = ReadonlyMap<GtfsFileName, CsvTable>;
const EMPTY: CsvTable = { header: [], records: [] };
/** A day's worth of seconds times four: GTFS times past 96:00:00 are certainly a mistake. */
const MAX_TIME = 4 * 86_400;

/** Reports ids seen twice in one file. */
function uniqueIds(rows: GtfsRow[], field: string): Set<string> {
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.text(field);
    if (id === undefined) continue;
    if (seen.has(id)) row.report(field, 'duplicate-id', id);
    seen.add(id);
  }
  return seen;
}

function rowsOf(tables: Tables, file: GtfsFileName, issues: IssueList, required: readonly string[]): GtfsRow[] {
  const table = tables.get(file);
  return table ? gtfsRows(file, table, issues, required) : gtfsRows(file, EMPTY, issues, []);
}

function coordinate(row: GtfsRow, field: string, limit: number, isRequired: boolean): number | undefined {
  return row.decimal(field, -limit, limit, 'bad-coordinate', isRequired);
}

/** True for a point at 0,0 ("Null Island"), which feeds write for a stop whose place nobody entered. */
function isNullIsland(row: GtfsRow, lat: number | undefined, lon: number | undefined, latField: string): boolean {
  if (lat !== 0 || lon !== 0) return false;
  row.report(latField, 'bad-coordinate', '0,0');
  return true;
}

/** Reads every file into typed records; references between files are checked by checkGtfsFeed. */
export function parseGtfsTables(tables: Tables, issues: IssueList): GtfsFeed {
  const agencyRows = rowsOf(tables, 'agency.txt', issues, ['agency_name', 'agency_url', 'agency_timezone']);
  uniqueIds(agencyRows, 'agency_id');
  const agencies = agencyRows.map((row) => ({
    agencyId: row.text('agency_id') ?? '',
    name: row.required('agency_name') ?? '',
    url: row.required('agency_url') ?? '',
    timezone: row.required('agency_timezone') ?? '',
    ...optional('lang', row.text('agency_lang')),
    ...optional('phone', row.text('agency_phone')),
  }));

  const stopRows = rowsOf(tables, 'stops.txt', issues, ['stop_id']);
  uniqueIds(stopRows, 'stop_id');
  const stops = stopRows.map((row) => {
    const locationType = row.integer('location_type', 0, 4, 0) ?? 0;
    const needsPlace = locationType <= 2;
    const lat = coordinate(row, 'stop_lat', 90, needsPlace);
    const lon = coordinate(row, 'stop_lon', 180, needsPlace);
    const hasPlace = lat !== undefined && lon !== undefined && !isNullIsland(row, lat, lon, 'stop_lat');
    if (needsPlace && locationType !== 2) row.required('stop_name');
    return {
      line: row.line,
      stopId: row.required('stop_id') ?? '',
      locationType,
      wheelchairBoarding: row.integer('wheelchair_boarding', 0, 2, 0) ?? 0,
      ...optional('code', row.text('stop_code')),
      ...optional('name', row.text('stop_name')),
      ...(hasPlace ? { lat, lon } : {}),
      ...optional('parentStation', row.text('parent_station')),
      ...optional('platformCode', row.text('platform_code')),
    };
  });

  const routeRows = rowsOf(tables, 'routes.txt', issues, ['route_id', 'route_type']);
  uniqueIds(routeRows, 'route_id');
  const routes = routeRows.map((row) => {
    if (row.text('route_short_name') === undefined && row.text('route_long_name') === undefined) row.report('route_short_name', 'missing-value');
    return {
      line: row.line,
      routeId: row.required('route_id') ?? '',
      routeType: row.integer('route_type', 0, 1702, undefined, true) ?? 3,
      ...optional('agencyId', row.text('agency_id')),
      ...optional('shortName', row.text('route_short_name')),
      ...optional('longName', row.text('route_long_name')),
      ...optional('color', row.colour('route_color')),
      ...optional('textColor', row.colour('route_text_color')),
      ...optional('sortOrder', row.integer('route_sort_order', 0, 2 ** 31 - 1)),
    };
  });

  const tripRows = rowsOf(tables, 'trips.txt', issues, ['route_id', 'service_id', 'trip_id']);
  uniqueIds(tripRows, 'trip_id');
  const trips = tripRows.map((row) => ({
    line: row.line,
    tripId: row.required('trip_id') ?? '',
    routeId: row.required('route_id') ?? '',
    serviceId: row.required('service_id') ?? '',
    wheelchairAccessible: row.integer('wheelchair_accessible', 0, 2, 0) ?? 0,
    ...optional('headsign', row.text('trip_headsign')),
    ...optional('shortName', row.text('trip_short_name')),
    ...optional('directionId', row.integer('direction_id', 0, 1)),
    ...optional('blockId', row.text('block_id')),
    ...optional('shapeId', row.text('shape_id')),
  }));

  return {
    agencies,
    stops,
    routes,
    trips,
    stopTimes: readStopTimes(rowsOf(tables, 'stop_times.txt', issues, ['trip_id', 'stop_id', 'stop_sequence'])),
    ...readCalendars(tables, issues),
    shapes: readShapes(rowsOf(tables, 'shapes.txt', issues, ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence'])),
    ...readExtras(tables, issues),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readStopTimes(rows: GtfsRow[]): Map<string, GtfsStopTime[]> {
  const byTrip = new Map<string, GtfsStopTime[]>();
  for (const row of rows) {
    const tripId = row.required('trip_id');
    const stopId = row.required('stop_id');
    const stopSequence = row.integer('stop_sequence', 0, 2 ** 31 - 1, undefined, true);
    const arrival = row.time('arrival_time');
    const departure = row.time('departure_time');
    if (tripId === undefined || stopId === undefined || stopSequence === undefined) continue;
    const stopTime: GtfsStopTime = {
      line: row.line,
      tripId,
      stopSequence,
      stopId,
      pickupType: row.integer('pickup_type', 0, 3, 0) ?? 0,
      dropOffType: row.integer('drop_off_type', 0, 3, 0) ?? 0,
      isTimepoint: (row.integer('timepoint', 0, 1, 1) ?? 1) === 1,
      ...optional('arrival', arrival ?? departure),
      ...optional('departure', departure ?? arrival),
      ...optional('stopHeadsign', row.text('stop_headsign')),
      ...optional('shapeDistTraveled', row.decimal('shape_dist_traveled', 0, Number.MAX_VALUE)),
    };
    for (const [field, value] of [['arrival_time', stopTime.arrival], ['departure_time', stopTime.departure]] as const) {
      if (value !== undefined && value > MAX_TIME) row.report(field, 'bad-time', row.text(field) ?? '');
    }
    const list = byTrip.get(tripId) ?? [];
    list.push(stopTime);
    byTrip.set(tripId, list);
  }
  for (const list of byTrip.values()) list.sort((a, b) => a.stopSequence - b.stopSequence);
  return byTrip;
}

function readCalendars(tables: Tables, issues: IssueList): Pick<GtfsFeed, 'calendars' | 'calendarDates'> {
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const calendarRows = rowsOf(tables, 'calendar.txt', issues, ['service_id', ...days, 'start_date', 'end_date']);
  uniqueIds(calendarRows, 'service_id');
  const calendars = calendarRows.map((row) => {
    const startDate = row.date('start_date') ?? '';
    const endDate = row.date('end_date') ?? '';
    if (startDate && endDate && endDate < startDate) row.report('end_date', 'bad-date', row.text('end_date'));
    return {
      line: row.line,
      serviceId: row.required('service_id') ?? '',
      weekdays: days.map((day) => row.integer(day, 0, 1, 0, true) === 1),
      startDate,
      endDate,
    };
  });
  const dateRows = rowsOf(tables, 'calendar_dates.txt', issues, ['service_id', 'date', 'exception_type']);
  const calendarDates = dateRows.map((row) => ({
    line: row.line,
    serviceId: row.required('service_id') ?? '',
    date: row.date('date') ?? '',
    exceptionType: (row.integer('exception_type', 1, 2, undefined, true) ?? 1) as 1 | 2,
  }));
  return { calendars, calendarDates };
}

function readShapes(rows: GtfsRow[]): Map<string, GtfsShapePoint[]> {
  const shapes = new Map<string, GtfsShapePoint[]>();
  for (const row of rows) {
    const shapeId = row.required('shape_id');
    const lat = coordinate(row, 'shape_pt_lat', 90, true);
    const lon = coordinate(row, 'shape_pt_lon', 180, true);
    const sequence = row.integer('shape_pt_sequence', 0, 2 ** 31 - 1, undefined, true);
    const distance = row.decimal('shape_dist_traveled', 0, Number.MAX_VALUE);
    if (shapeId === undefined || lat === undefined || lon === undefined || sequence === undefined) continue;
    if (isNullIsland(row, lat, lon, 'shape_pt_lat')) continue;
    const points = shapes.get(shapeId) ?? [];
    points.push({ lat, lon, sequence, ...optional('distance', distance) });
    shapes.set(shapeId, points);
  }
  for (const points of shapes.values()) points.sort((a, b) => a.sequence - b.sequence);
  return shapes;
}

function readExtras(tables: Tables, issues: IssueList): Pick<GtfsFeed, 'frequencies' | 'transfers' | 'translations' | 'feedInfo'> {
  const frequencies = rowsOf(tables, 'frequencies.txt', issues, ['trip_id', 'start_time', 'end_time', 'headway_secs']).map((row) => {
    const start = row.time('start_time', true) ?? 0;
    const end = row.time('end_time', true) ?? 0;
    if (end <= start && row.text('end_time')) row.report('end_time', 'time-order', row.text('end_time'));
    return {
      line: row.line,
      tripId: row.required('trip_id') ?? '',
      start,
      end,
      headway: row.integer('headway_secs', 1, 86_400, undefined, true) ?? 1,
      exactTimes: row.integer('exact_times', 0, 1, 0) ?? 0,
    };
  });
  const transfers = rowsOf(tables, 'transfers.txt', issues, []).map((row) => ({
    line: row.line,
    transferType: row.integer('transfer_type', 0, 5, 0) ?? 0,
    ...optional('fromStopId', row.text('from_stop_id')),
    ...optional('toStopId', row.text('to_stop_id')),
    ...optional('fromRouteId', row.text('from_route_id')),
    ...optional('toRouteId', row.text('to_route_id')),
    ...optional('fromTripId', row.text('from_trip_id')),
    ...optional('toTripId', row.text('to_trip_id')),
    ...optional('minTransferTime', row.integer('min_transfer_time', 0, 86_400)),
  }));
  const translations = rowsOf(tables, 'translations.txt', issues, ['table_name', 'field_name', 'language', 'translation']).map((row) => ({
    tableName: row.required('table_name') ?? '',
    fieldName: row.required('field_name') ?? '',
    language: row.required('language') ?? '',
    translation: row.required('translation') ?? '',
    ...optional('recordId', row.text('record_id')),
    ...optional('recordSubId', row.text('record_sub_id')),
    ...optional('fieldValue', row.text('field_value')),
  }));
  const infoRow = rowsOf(tables, 'feed_info.txt', issues, [])[0];
  const feedInfo = infoRow ? Object.fromEntries([...infoRow.columns].map(([name, index]) => [name, infoRow.fields[index] ?? ''])) : undefined;
  return { frequencies, transfers, translations, ...optional('feedInfo', feedInfo) };
}
