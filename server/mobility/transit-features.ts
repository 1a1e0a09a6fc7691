import type { GtfsFeed, GtfsStop, GtfsTrip } from './gtfs-model.ts';
import { GtfsTranslator } from './gtfs-names.ts';
import type { KeyedFeature } from './keyed-sync-sql.ts';
import { DEFAULT_MODE_COLOURS, modeOfRouteType, type TransitMode } from './route-modes.ts';

/** Property names of transit_stops / transit_routes written from a feed (besides the key). */
export const STOP_PROPERTIES = ['code', 'mode', 'name_fr', 'name_ar', 'is_accessible', 'is_approximate'] as const;
export const ROUTE_PROPERTIES = ['line_code', 'mode', 'name_fr', 'name_ar', 'colour', 'operator', 'is_accessible', 'is_approximate'] as const;

/** What the layers should hold for a feed. */
export interface TransitFeatures {
  stops: KeyedFeature[];
  routes: KeyedFeature[];
  /** The stops of each route in travel order (feed stop_ids of stop features), for transit_route_stops. */
  routeStops: Map<string, string[]>;
  /** Stops left off the map because no trip calls at them. */
  unservedStops: number;
}

type Position = [number, number];
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced in names taken from a feed
const clip = (text: string, length: number) => text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, length);

/**
 * The map features of a feed: one stop feature per station or stand-alone stop (platforms are drawn by
 * their station), whose mode is the one of most of its calls; one route feature per route, drawn from
 * its trips' shapes, or through its stops where a trip has no shape, each distinct course once (a
 * return course that retraces the outward one is not drawn twice).
 */
export function buildTransitFeatures(feed: GtfsFeed, options: { isApproximate: boolean }): TransitFeatures {
  const names = new GtfsTranslator(feed);
  const stopsById = new Map(feed.stops.map((stop) => [stop.stopId, stop]));
  const topOf = (stopId: string) => {
    const stop = stopsById.get(stopId);
    return stop?.parentStation && stop.locationType !== 1 ? stop.parentStation : stopId;
  };
  const routeMode = new Map(feed.routes.map((route) => [route.routeId, modeOfRouteType(route.routeType)]));
  const callsByStop = new Map<string, Map<TransitMode, number>>();
  const tripsByRoute = new Map<string, GtfsTrip[]>();
  for (const trip of feed.trips) {
    const routeTrips = tripsByRoute.get(trip.routeId) ?? [];
    routeTrips.push(trip);
    tripsByRoute.set(trip.routeId, routeTrips);
    const mode = routeMode.get(trip.routeId) ?? 'bus';
    for (const stopTime of feed.stopTimes.get(trip.tripId) ?? []) {
      const calls = callsByStop.get(topOf(stopTime.stopId)) ?? new Map<TransitMode, number>();
      calls.set(mode, (calls.get(mode) ?? 0) + 1);
      callsByStop.set(topOf(stopTime.stopId), calls);
    }
  }

  const stops: KeyedFeature[] = [];
  let unservedStops = 0;
  for (const stop of feed.stops) {
    const isTopLevel = stop.locationType === 1 || (stop.locationType === 0 && !stop.parentStation);
    if (!isTopLevel || stop.lat === undefined || stop.lon === undefined) continue;
    const calls = callsByStop.get(stop.stopId);
    if (!calls) {
      unservedStops += 1;
      continue;
    }
    const mode = [...calls].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const name = names.bilingual('stops', 'stop_name', stop.stopId, stop.name) ?? { fr: stop.stopId, ar: stop.stopId };
    stops.push({
      key: stop.stopId,
      values: {
        code: clip(stop.code ?? stop.stopId, 64),
        mode,
        name_fr: clip(name.fr, 200),
        name_ar: clip(name.ar, 200),
        is_accessible: stop.wheelchairBoarding === 1,
        is_approximate: options.isApproximate,
      },
      geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
    });
  }

  const agencies = new Map(feed.agencies.map((agency) => [agency.agencyId, agency.name]));
  const onlyAgency = feed.agencies.length === 1 ? feed.agencies[0]!.name : '';
  const routes: KeyedFeature[] = [];
  const routeStops = new Map<string, string[]>();
  for (const route of feed.routes) {
    const trips = tripsByRoute.get(route.routeId) ?? [];
    const courses = distinctCourses(feed, trips, stopsById);
    if (courses.length === 0) continue;
    const mode = modeOfRouteType(route.routeType);
    const shortName = route.shortName ?? route.routeId;
    const longName = names.bilingual('routes', 'route_long_name', route.routeId, route.longName);
    routes.push({
      key: route.routeId,
      values: {
        line_code: clip(shortName, 32),
        mode,
        name_fr: clip(longName ? `${shortName} ${longName.fr}` : shortName, 200),
        name_ar: clip(longName ? `${shortName} ${longName.ar}` : shortName, 200),
        colour: route.color ? `#${route.color.toLowerCase()}` : DEFAULT_MODE_COLOURS[mode],
        operator: clip((route.agencyId ? agencies.get(route.agencyId) : onlyAgency) ?? onlyAgency, 200),
        is_accessible: trips.length > 0 && trips.every((trip) => trip.wheelchairAccessible === 1),
        is_approximate: options.isApproximate,
      },
      geometry: { type: 'MultiLineString', coordinates: courses },
    });
    routeStops.set(route.routeId, representativeStops(feed, trips, topOf));
  }
  return { stops, routes, routeStops, unservedStops };
}

/** Each distinct course of a route's trips (shape, or line through the stops), reversed duplicates dropped. */
function distinctCourses(feed: GtfsFeed, trips: readonly GtfsTrip[], stopsById: ReadonlyMap<string, GtfsStop>): Position[][] {
  const courses = new Map<string, Position[]>();
  for (const trip of trips) {
    const shape = trip.shapeId ? feed.shapes.get(trip.shapeId) : undefined;
    const line: Position[] = shape && shape.length >= 2
      ? shape.map((point) => [point.lon, point.lat])
      : (feed.stopTimes.get(trip.tripId) ?? []).flatMap((stopTime) => {
          const stop = stopsById.get(stopTime.stopId);
          return stop?.lon === undefined || stop.lat === undefined ? [] : [[stop.lon, stop.lat] as Position];
        });
    const deduplicated = line.filter((position, index) => index === 0 || position[0] !== line[index - 1]![0] || position[1] !== line[index - 1]![1]);
    if (deduplicated.length < 2) continue;
    const key = JSON.stringify(deduplicated);
    const reversedKey = JSON.stringify([...deduplicated].reverse());
    if (!courses.has(key) && !courses.has(reversedKey)) courses.set(key, deduplicated);
  }
  return [...courses.values()];
}

/** The most frequent stop sequence of the route's trips in direction 0 (or of all its trips). */
function representativeStops(feed: GtfsFeed, trips: readonly GtfsTrip[], topOf: (stopId: string) => string): string[] {
  const outward = trips.filter((trip) => (trip.directionId ?? 0) === 0);
  const counts = new Map<string, { stops: string[]; count: number }>();
  for (const trip of outward.length > 0 ? outward : trips) {
    const stops = (feed.stopTimes.get(trip.tripId) ?? []).map((stopTime) => topOf(stopTime.stopId));
    const sequence = stops.filter((stopId, index) => index === 0 || stopId !== stops[index - 1]);
    const key = sequence.join('\u0000');
    const entry = counts.get(key) ?? { stops: sequence, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || b.stops.length - a.stops.length)[0]?.stops ?? [];
}
