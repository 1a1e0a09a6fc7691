import { walkCourse, walksFromPoint } from './footpaths.ts';
import type { LonLat } from './geo.ts';
import { addDays, formatLocalIso, localDateAt, serviceDayOrigin } from './local-time.ts';
import { earliestTrip } from './raptor.ts';
import type { Timetable, TimetableRoute, TimetableStop } from './timetable.ts';

/** Departures are listed within this long of the requested time. */
const DEPARTURE_WINDOW_SECONDS = 3 * 3_600;

/** A stop as the mobility API shows it. */
export function describeStop(stop: TimetableStop) {
  return { id: stop.stopId, code: stop.code, name: stop.name, mode: stop.mode ?? null, position: stop.position, wheelchairBoarding: stop.wheelchairBoarding };
}

/** A line as the mobility API shows it. */
export function describeRoute(route: TimetableRoute) {
  return { id: route.routeId, shortName: route.shortName, name: route.name, mode: route.mode, colour: route.colour, textColour: route.textColour, agency: route.agencyName };
}

/** The lines calling at a stop, each with the directions (and headsigns) it serves there. */
export function linesAtStop(timetable: Timetable, stop: number) {
  const lines = new Map<number, Map<number, { directionId: number; headsign: TimetableStop['name'] | null }>>();
  for (const { pattern: index, position } of timetable.stopPatterns[stop]!) {
    const pattern = timetable.patterns[index]!;
    if (pattern.canBoard[position] !== 1 && pattern.canAlight[position] !== 1) continue;
    const directions = lines.get(pattern.route) ?? new Map();
    if (!directions.has(pattern.directionId)) directions.set(pattern.directionId, { directionId: pattern.directionId, headsign: pattern.headsign ?? null });
    lines.set(pattern.route, directions);
  }
  return [...lines]
    .map(([route, directions]) => ({ ...describeRoute(timetable.routes[route]!), directions: [...directions.values()].sort((a, b) => a.directionId - b.directionId) }))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'fr', { numeric: true }));
}

/** The next `limit` departures from a stop at or after `instant` (epoch ms), within three hours. */
export function nextDepartures(timetable: Timetable, stop: number, instant: number, limit: number) {
  const date = localDateAt(instant);
  const origin = serviceDayOrigin(date);
  const now = Math.floor((instant - origin) / 1000);
  const found: { time: number; route: number; pattern: number; trip: number }[] = [];
  for (const { pattern: index, position } of timetable.stopPatterns[stop]!) {
    const pattern = timetable.patterns[index]!;
    if (pattern.canBoard[position] !== 1) continue;
    const width = pattern.stops.length;
    for (const offset of [-1, 0, 1]) {
      const shift = offset * 86_400;
      const active = timetable.services.activeOn(addDays(date, offset));
      let trip = earliestTrip(pattern, position, now - shift, active);
      for (let count = 0; trip >= 0 && trip < pattern.tripIds.length && count < limit; trip += 1) {
        if (active[pattern.services[trip]!] !== 1) continue;
        const time = pattern.departures[trip * width + position]! + shift;
        if (time > now + DEPARTURE_WINDOW_SECONDS) break;
        found.push({ time, route: pattern.route, pattern: index, trip });
        count += 1;
      }
    }
  }
  return found
    .sort((a, b) => a.time - b.time)
    .slice(0, limit)
    .map(({ time, route, pattern, trip }) => ({
      departure: formatLocalIso(origin + time * 1000),
      line: describeRoute(timetable.routes[route]!),
      directionId: timetable.patterns[pattern]!.directionId,
      headsign: timetable.patterns[pattern]!.headsign ?? null,
      tripId: timetable.patterns[pattern]!.tripIds[trip]!,
    }));
}

/**
 * Where one can change to another mode from a stop: the stops of other modes within `radius` metres of
 * walking, with the walk's length, duration and course (along the streets when the stops reach them,
 * straight with a detour factor otherwise), the minimum transfer time transfers.txt sets, and the lines
 * there. Pairs transfers.txt links beyond the radius are included too.
 */
export function connectionsAtStop(timetable: Timetable, stop: number, radius: number) {
  const here = timetable.stops[stop]!;
  const paths = new Map(timetable.footpaths[stop]!.map((path) => [path.to, path]));
  const walks = new Map(walksFromPoint(timetable, here.position, radius, timetable.stopSnaps[stop]).map((walk) => [walk.stop, walk]));
  for (const [to, path] of paths) {
    if (!walks.has(to) && path.minTransferSeconds !== undefined) walks.set(to, { stop: to, metres: path.metres, seconds: path.seconds, isStreet: path.isStreet });
  }
  return [...walks.values()]
    .filter((walk) => walk.stop !== stop && timetable.stops[walk.stop]!.mode !== undefined && timetable.stops[walk.stop]!.mode !== here.mode)
    .sort((a, b) => a.metres - b.metres)
    .map((walk) => {
      const other = timetable.stops[walk.stop]!;
      const path = paths.get(walk.stop);
      const course: LonLat[] = walkCourse(timetable, here.position, other.position, walk.isStreet, walk.metres + 100);
      return {
        stop: describeStop(other),
        lines: linesAtStop(timetable, walk.stop).map((line) => line.shortName),
        distanceMetres: walk.metres,
        walkSeconds: walk.seconds,
        transferSeconds: path?.seconds ?? walk.seconds,
        ...(path?.minTransferSeconds === undefined ? {} : { minTransferSeconds: path.minTransferSeconds }),
        path: walk.isStreet ? 'street' : 'straight',
        geometry: { type: 'LineString', coordinates: course },
      };
    });
}
