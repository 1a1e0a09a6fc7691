import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, network, trip } from '../../tests/helpers/hand-made-networks.ts';
import { walksFromPoint } from './footpaths.ts';
import { DETOUR_FACTOR, distanceMeters, walkSeconds } from './geo.ts';
import { localDateAt, parseLocalIso, serviceDayOrigin } from './local-time.ts';
import type { Timetable } from './timetable.ts';
import { type Itinerary, planJourneys } from './plan-journeys.ts';

/** Stops on a grid 280 m apart: neighbours are a walk away (364 m with the detour), diagonals are not. */
const GRID = Array.from({ length: 9 }, (_, index) => at((index % 3) * 280, Math.floor(index / 3) * 280));
const stopName = (index: number) => `S${index}`;
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const routeArbitrary = fc.record({
  stops: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 5 }),
  trips: fc.array(fc.record({ start: fc.integer({ min: 0, max: 90 }), hops: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
});

const caseArbitrary = fc.record({
  routes: fc.array(routeArbitrary, { minLength: 1, maxLength: 6 }),
  from: fc.integer({ min: 0, max: 8 }),
  to: fc.integer({ min: 0, max: 8 }),
  minutesAfterSeven: fc.integer({ min: 30, max: 150 }),
  isArriveBy: fc.boolean(),
});

const vehicles = (itinerary: Itinerary) => itinerary.legs.filter((leg) => leg.mode !== 'walk').length;

/** Whether `a` is at least as good as `b` on every criterion the planner optimises. */
function isAtLeastAsGood(a: Itinerary, b: Itinerary, isArriveBy: boolean): boolean {
  const time = isArriveBy ? a.departure >= b.departure : a.arrival <= b.arrival;
  return time && vehicles(a) <= vehicles(b) && a.walkSeconds <= b.walkSeconds;
}

/**
 * The earliest arrival by brute force (a connection scan over every trip, with no limit on vehicles):
 * an oracle independent of RAPTOR's rounds, bags and patterns. Same rules: walk to any stop within reach,
 * a minute to change vehicles at a stop, the precomputed walks between stops, walk from any stop.
 */
function earliestArrivalByScan(timetable: Timetable, from: number, to: number, start: number): number {
  const ready = new Float64Array(timetable.stops.length).fill(Number.POSITIVE_INFINITY);
  const byVehicle = new Float64Array(timetable.stops.length).fill(Number.POSITIVE_INFINITY);
  for (const walk of walksFromPoint(timetable, timetable.stops[from]!.position, 1000, undefined)) ready[walk.stop] = start + walk.seconds;
  const connections = timetable.patterns.flatMap((pattern) => pattern.tripIds.flatMap((_, trip) => {
    const width = pattern.stops.length;
    return Array.from({ length: width - 1 }, (_, i) => ({
      trip: `${pattern.index}:${trip}`, from: pattern.stops[i]!, to: pattern.stops[i + 1]!,
      departure: pattern.departures[trip * width + i]!, arrival: pattern.arrivals[trip * width + i + 1]!,
    }));
  })).sort((a, b) => a.departure - b.departure);
  const onBoard = new Set<string>();
  for (const connection of connections) {
    if (!onBoard.has(connection.trip) && ready[connection.from]! > connection.departure) continue;
    onBoard.add(connection.trip);
    if (connection.arrival < byVehicle[connection.to]!) {
      byVehicle[connection.to] = connection.arrival;
      ready[connection.to] = Math.min(ready[connection.to]!, connection.arrival + 60);
      for (const path of timetable.footpaths[connection.to]!) ready[path.to] = Math.min(ready[path.to]!, connection.arrival + path.seconds);
    }
  }
  let best = Number.POSITIVE_INFINITY;
  for (const walk of walksFromPoint(timetable, timetable.stops[to]!.position, 1000, undefined)) best = Math.min(best, byVehicle[walk.stop]! + walk.seconds);
  return best;
}

describe('planJourneys (property-based)', () => {
  it('never returns an itinerary that another returned one dominates, and every itinerary holds together in time', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ routes, from, to, minutesAfterSeven, isArriveBy }) => {
        const trips = routes.flatMap((route, routeIndex) => route.trips.map((each, tripIndex) => {
          let minute = 7 * 60 + 30 + each.start;
          const calls = route.stops.map((stop, index) => {
            if (index > 0) minute += each.hops[index - 1]!;
            return [stopName(stop), clock(minute)] as [string, string];
          });
          return trip(`t${routeIndex}-${tripIndex}`, `R${routeIndex}`, calls);
        }));
        const timetable = network(Object.fromEntries(GRID.map((position, index) => [stopName(index), position])), trips);
        const time = parseLocalIso(`2026-12-01T${clock(7 * 60 + minutesAfterSeven)}`)!;
        const itineraries = planJourneys(timetable, { from: GRID[from]!, to: GRID[to]!, time, isArriveBy });
        for (const [index, itinerary] of itineraries.entries()) {
          for (const [otherIndex, other] of itineraries.entries()) {
            if (index !== otherIndex) expect(isAtLeastAsGood(other, itinerary, isArriveBy), 'an itinerary is dominated').toBe(false);
          }
          if (isArriveBy) expect(itinerary.arrival).toBeLessThanOrEqual(time);
          else expect(itinerary.departure).toBeGreaterThanOrEqual(time);
          let previousArrival = Number.NEGATIVE_INFINITY;
          for (const leg of itinerary.legs) {
            expect(leg.departure).toBeGreaterThanOrEqual(previousArrival);
            expect(leg.arrival).toBeGreaterThanOrEqual(leg.departure);
            previousArrival = leg.arrival;
          }
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('finds the earliest arrival by transit that a brute-force connection scan finds', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ routes, from, to, minutesAfterSeven }) => {
        const trips = routes.flatMap((route, routeIndex) => route.trips.map((each, tripIndex) => {
          let minute = 7 * 60 + 30 + each.start;
          return trip(`t${routeIndex}-${tripIndex}`, `R${routeIndex}`, route.stops.map((stop, index) => {
            if (index > 0) minute += each.hops[index - 1]!;
            return [stopName(stop), clock(minute)] as [string, string];
          }));
        }));
        const timetable = network(Object.fromEntries(GRID.map((position, index) => [stopName(index), position])), trips);
        const time = parseLocalIso(`2026-12-01T${clock(7 * 60 + minutesAfterSeven)}`)!;
        const origin = serviceDayOrigin(localDateAt(time));
        const expected = earliestArrivalByScan(timetable, from, to, (time - origin) / 1000);
        // Walking all the way is always offered here (the grid is small): the earliest of both must come first.
        const walkAllTheWay = walkSeconds(distanceMeters(GRID[from]!, GRID[to]!) * DETOUR_FACTOR);
        const itineraries = planJourneys(timetable, { from: GRID[from]!, to: GRID[to]!, time, isArriveBy: false });
        expect((itineraries[0]!.arrival - origin) / 1000).toBe(Math.min(expected, (time - origin) / 1000 + walkAllTheWay));
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
