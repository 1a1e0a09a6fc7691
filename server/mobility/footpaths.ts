import { DETOUR_FACTOR, distanceMeters, type LonLat, LocalProjection, walkSeconds } from './geo.ts';
import type { Footpath, Timetable } from './timetable.ts';
import type { StreetSnap, WalkTree } from './walking-network.ts';

/** How far people are assumed to walk to change lines (metres of walking, not as the crow flies). */
export const TRANSFER_RADIUS_METRES = 400;

/** A walk from a place (a point or a stop) to a stop. */
export interface StopWalk {
  stop: number;
  metres: number;
  seconds: number;
  isStreet: boolean;
}

/** The stops whose straight distance from `point` is at most `radius` metres. */
export function stopsNear(timetable: Timetable, point: LonLat, radius: number): number[] {
  const projection = new LocalProjection(timetable.stops[0]?.position[1] ?? point[1]);
  const candidates = timetable.stopGrid.near(projection.x(point[0]), projection.y(point[1]), radius);
  return [...candidates].filter((stop) => distanceMeters(point, timetable.stops[stop]!.position) <= radius).sort((a, b) => a - b);
}

/**
 * Walks from a point to stops within `radius` metres of walking: along the streets when both ends reach
 * the same connected street network (snap gaps included), else straight with the detour factor. With
 * `only`, just those stops are measured, however far.
 */
export function walksFromPoint(timetable: Timetable, point: LonLat, radius: number, snap: StreetSnap | undefined, only?: number[]): StopWalk[] {
  const walking = timetable.walking;
  const isBounded = only === undefined;
  const tree: WalkTree | undefined = snap && walking ? walking.walkFrom(snap, isBounded ? Math.max(0, radius - snap.gap) : 50_000) : undefined;
  const walks: StopWalk[] = [];
  for (const stop of only ?? stopsNear(timetable, point, radius)) {
    const target = timetable.stopSnaps[stop];
    let metres: number;
    let isStreet = false;
    if (tree && target && walking!.isConnected(tree.source, target)) {
      metres = snap!.gap + walking!.metresTo(tree, target) + target.gap;
      isStreet = Number.isFinite(metres);
    } else {
      metres = distanceMeters(point, timetable.stops[stop]!.position) * DETOUR_FACTOR;
    }
    if (!Number.isFinite(metres) || (isBounded && metres > radius)) continue;
    walks.push({ stop, metres: Math.round(metres), seconds: walkSeconds(metres), isStreet });
  }
  return walks;
}

/**
 * Walks from each of `sources` (all stops by default) to the other stops within `radius` metres of
 * walking; with `onlyTarget`, the walk to that one stop. Indexed like `sources`.
 */
export function computeFootpaths(timetable: Timetable, radius: number, sources?: number[], onlyTarget?: number): Footpath[][] {
  const from = sources ?? timetable.stops.map((_, index) => index);
  return from.map((stop) => {
    const position = timetable.stops[stop]!.position;
    const only = onlyTarget === undefined ? undefined : [onlyTarget];
    return walksFromPoint(timetable, position, radius, timetable.stopSnaps[stop], only)
      .filter((walk) => walk.stop !== stop)
      .map((walk) => ({ to: walk.stop, seconds: walk.seconds, metres: walk.metres, isStreet: walk.isStreet }));
  });
}

/** The course of a walk between two places, for drawing: streets when known, else a straight line. */
export function walkCourse(timetable: Timetable, from: LonLat, to: LonLat, viaStreets: boolean, maxMetres = 5_000): LonLat[] {
  const walking = timetable.walking;
  if (!viaStreets || !walking) return [from, to];
  const start = walking.snap(from);
  const end = walking.snap(to);
  if (!start || !end || !walking.isConnected(start, end)) return [from, to];
  const tree = walking.walkFrom(start, maxMetres);
  if (!Number.isFinite(walking.metresTo(tree, end))) return [from, to];
  return walking.pathTo(tree, end, from, to);
}
