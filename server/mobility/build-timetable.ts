import { formatTime } from './check-gtfs-feed.ts';
import { CellGrid, LocalProjection } from './geo.ts';
import { computeFootpaths, TRANSFER_RADIUS_METRES } from './footpaths.ts';
import { ServiceCalendar } from './service-calendar.ts';
import type { Pattern, StopTimeInput, Timetable, TimetableInput, TripInput } from './timetable.ts';
import type { WalkingNetwork } from './walking-network.ts';

/** Minimum time to change vehicles at one stop when transfers.txt says nothing (seconds). */
export const DEFAULT_CHANGE_SECONDS = 60;
const STOP_GRID_METRES = 500;

interface ConcreteTrip {
  tripId: string;
  service: number;
  stopTimes: StopTimeInput[];
  /** Seconds added to the template's times (frequency-based trips). */
  shift: number;
}

/** Every trip a frequency-based template stands for, each with its own times, plus the plain trips. */
function expandFrequencies(trip: TripInput, service: number): ConcreteTrip[] {
  if (!trip.frequencies || trip.frequencies.length === 0) return [{ tripId: trip.tripId, service, stopTimes: trip.stopTimes, shift: 0 }];
  const origin = trip.stopTimes[0]!.departure;
  const trips: ConcreteTrip[] = [];
  for (const { start, end, headway } of trip.frequencies) {
    for (let time = start; time < end; time += headway) trips.push({ tripId: `${trip.tripId}@${formatTime(time)}`, service, stopTimes: trip.stopTimes, shift: time - origin });
  }
  return trips;
}

/** Whether `later` never runs ahead of `earlier` at any stop (both sorted by first departure). */
function keepsOrder(earlier: ConcreteTrip, later: ConcreteTrip): boolean {
  return later.stopTimes.every((call, index) => {
    const before = earlier.stopTimes[index]!;
    return call.arrival + later.shift >= before.arrival + earlier.shift && call.departure + later.shift >= before.departure + earlier.shift;
  });
}

/**
 * Groups trips into patterns (same route, direction, stops, boarding rules), then splits any pattern in
 * which a trip overtakes another into overtaking-free ones, so each can be searched by binary search.
 */
function buildPatterns(input: TimetableInput, stopIndex: ReadonlyMap<string, number>, routeIndex: ReadonlyMap<string, number>, calendar: ServiceCalendar): Pattern[] {
  const serviceIndex = new Map(calendar.ids.map((id, index) => [id, index]));
  const groups = new Map<string, { trip: TripInput; trips: ConcreteTrip[] }>();
  for (const trip of input.trips) {
    const service = serviceIndex.get(trip.serviceId);
    const route = routeIndex.get(trip.routeId);
    if (service === undefined || route === undefined || trip.stopTimes.length < 2) continue;
    if (trip.stopTimes.some((call) => !stopIndex.has(call.stopId))) continue;
    const key = [
      trip.routeId, trip.directionId ?? 0, trip.shapeId ?? '',
      ...trip.stopTimes.map((call) => `${call.stopId}|${call.canBoard === false ? 0 : 1}${call.canAlight === false ? 0 : 1}`),
    ].join('\u0000');
    const group = groups.get(key) ?? { trip, trips: [] };
    group.trips.push(...expandFrequencies(trip, service));
    groups.set(key, group);
  }
  const patterns: Pattern[] = [];
  for (const { trip, trips } of groups.values()) {
    trips.sort((a, b) => a.stopTimes[0]!.departure + a.shift - (b.stopTimes[0]!.departure + b.shift) || a.tripId.localeCompare(b.tripId));
    const lanes: ConcreteTrip[][] = [];
    for (const concrete of trips) {
      const lane = lanes.find((candidate) => keepsOrder(candidate[candidate.length - 1]!, concrete));
      if (lane) lane.push(concrete);
      else lanes.push([concrete]);
    }
    for (const lane of lanes) patterns.push(toPattern(patterns.length, trip, lane, stopIndex, routeIndex.get(trip.routeId)!));
  }
  return patterns;
}

function toPattern(index: number, template: TripInput, trips: ConcreteTrip[], stopIndex: ReadonlyMap<string, number>, route: number): Pattern {
  const width = template.stopTimes.length;
  const arrivals = new Int32Array(trips.length * width);
  const departures = new Int32Array(trips.length * width);
  trips.forEach((trip, t) => {
    trip.stopTimes.forEach((call, i) => {
      arrivals[t * width + i] = call.arrival + trip.shift;
      departures[t * width + i] = call.departure + trip.shift;
    });
  });
  return {
    index,
    route,
    directionId: template.directionId ?? 0,
    headsign: template.headsign,
    stops: Int32Array.from(template.stopTimes, (call) => stopIndex.get(call.stopId)!),
    // Nobody boards at the last stop nor alights at the first.
    canBoard: Uint8Array.from(template.stopTimes, (call, i) => (call.canBoard === false || i === width - 1 ? 0 : 1)),
    canAlight: Uint8Array.from(template.stopTimes, (call, i) => (call.canAlight === false || i === 0 ? 0 : 1)),
    arrivals,
    departures,
    services: Int32Array.from(trips, (trip) => trip.service),
    tripIds: trips.map((trip) => trip.tripId),
    shapeId: template.shapeId,
    firstTime: departures.reduce((low, value) => Math.min(low, value), Number.POSITIVE_INFINITY),
    lastTime: arrivals.reduce((high, value) => Math.max(high, value), Number.NEGATIVE_INFINITY),
  };
}

/**
 * Builds the in-memory timetable: patterns of trips (frequencies expanded), the patterns at each stop,
 * walks between stops within TRANSFER_RADIUS_METRES (along the streets of `walking` when both stops
 * reach them, straight with a detour factor otherwise) and transfers.txt applied on top.
 */
export function buildTimetable(input: TimetableInput, walking: WalkingNetwork | undefined): Timetable {
  const stopIndex = new Map(input.stops.map((stop, index) => [stop.stopId, index]));
  const routeIndex = new Map(input.routes.map((route, index) => [route.routeId, index]));
  const services = new ServiceCalendar(input.services);
  const patterns = buildPatterns(input, stopIndex, routeIndex, services);
  const stopPatterns = input.stops.map(() => [] as { pattern: number; position: number }[]);
  for (const pattern of patterns) {
    for (const [position, stop] of pattern.stops.entries()) stopPatterns[stop]!.push({ pattern: pattern.index, position });
  }
  assignStopModes(input, patterns);
  const projection = new LocalProjection(input.stops[0]?.position[1] ?? 33.6);
  const stopGrid = new CellGrid<number>(STOP_GRID_METRES);
  for (const [index, stop] of input.stops.entries()) stopGrid.add(index, projection.x(stop.position[0]), projection.y(stop.position[1]));
  const changeSeconds = new Int32Array(input.stops.length).fill(DEFAULT_CHANGE_SECONDS);
  const timetable: Timetable = {
    version: input.version,
    direction: 1,
    stops: input.stops,
    stopIndex,
    routes: input.routes,
    patterns,
    stopPatterns,
    footpaths: [],
    changeSeconds,
    services,
    walking,
    stopSnaps: input.stops.map((stop) => walking?.snap(stop.position)),
    shapes: input.shapes ?? new Map(),
    stopGrid,
  };
  timetable.footpaths = computeFootpaths(timetable, TRANSFER_RADIUS_METRES);
  for (const transfer of input.transfers ?? []) applyTransfer(timetable, transfer);
  return timetable;
}

/** A stop's mode, when the input does not give it: the mode of most of the trips calling there. */
function assignStopModes(input: TimetableInput, patterns: readonly Pattern[]): void {
  const calls = input.stops.map(() => new Map<string, number>());
  for (const pattern of patterns) {
    const mode = input.routes[pattern.route]!.mode;
    for (const stop of pattern.stops) calls[stop]!.set(mode, (calls[stop]!.get(mode) ?? 0) + pattern.tripIds.length);
  }
  input.stops.forEach((stop, index) => {
    const [top] = [...calls[index]!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (stop.mode === undefined && top) stop.mode = top[0] as TimetableInput['routes'][number]['mode'];
  });
}

/** transfers.txt between two stops: a minimum time, a forbidden change, or a walk the radius missed. */
function applyTransfer(timetable: Timetable, transfer: NonNullable<TimetableInput['transfers']>[number]): void {
  const from = timetable.stopIndex.get(transfer.fromStopId);
  const to = timetable.stopIndex.get(transfer.toStopId);
  if (from === undefined || to === undefined) return;
  if (from === to) {
    if (transfer.type === 3) timetable.changeSeconds[from] = -1;
    else if (transfer.type === 1) timetable.changeSeconds[from] = 0;
    else if (transfer.type === 2) timetable.changeSeconds[from] = transfer.minTransferSeconds ?? DEFAULT_CHANGE_SECONDS;
    return;
  }
  const paths = timetable.footpaths[from]!;
  const existing = paths.findIndex((path) => path.to === to);
  if (transfer.type === 3) {
    if (existing >= 0) paths.splice(existing, 1);
    return;
  }
  const walk = existing >= 0 ? paths[existing]! : computeFootpaths(timetable, Number.POSITIVE_INFINITY, [from], to)[0]?.[0];
  if (!walk) return;
  const minimum = transfer.type === 2 ? transfer.minTransferSeconds ?? 0 : 0;
  const path = { ...walk, seconds: Math.max(walk.seconds, minimum), ...(transfer.type === 2 ? { minTransferSeconds: minimum } : {}) };
  if (existing >= 0) paths[existing] = path;
  else paths.push(path);
}
