import type { LonLat } from './geo.ts';
import { describeRoute, describeStop } from './stop-details.ts';
import type { Pattern, Timetable } from './timetable.ts';

/**
 * A line with its stops in order in each direction: per direction, the course most of its trips follow
 * (most trips, then most stops), drawn from its shape or through its stops.
 */
export function describeRouteWithStops(timetable: Timetable, route: number) {
  const byDirection = new Map<number, Pattern[]>();
  for (const pattern of timetable.patterns) {
    if (pattern.route !== route) continue;
    byDirection.set(pattern.directionId, [...(byDirection.get(pattern.directionId) ?? []), pattern]);
  }
  const directions = [...byDirection].sort((a, b) => a[0] - b[0]).map(([directionId, patterns]) => {
    const sameStops = new Map<string, { pattern: Pattern; trips: number }>();
    for (const pattern of patterns) {
      const key = Array.from(pattern.stops).join(',');
      const entry = sameStops.get(key) ?? { pattern, trips: 0 };
      entry.trips += pattern.tripIds.length;
      sameStops.set(key, entry);
    }
    const [main] = [...sameStops.values()].sort((a, b) => b.trips - a.trips || b.pattern.stops.length - a.pattern.stops.length);
    const pattern = main!.pattern;
    const stops = Array.from(pattern.stops, (stop, index) => ({ sequence: index + 1, ...describeStop(timetable.stops[stop]!) }));
    const shape = pattern.shapeId ? timetable.shapes.get(pattern.shapeId) : undefined;
    const coordinates: LonLat[] = shape && shape.length >= 2 ? shape : stops.map((stop) => stop.position);
    return {
      directionId,
      headsign: pattern.headsign ?? null,
      trips: patterns.reduce((sum, each) => sum + each.tripIds.length, 0),
      stops,
      geometry: { type: 'LineString' as const, coordinates },
    };
  });
  return { line: describeRoute(timetable.routes[route]!), directions };
}
