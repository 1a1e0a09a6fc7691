import type { Footpath, Pattern, Timetable } from './timetable.ts';

/** The mirrored pattern: stops in reverse order, times negated, trips in reverse order (still overtaking-free). */
function reversePattern(pattern: Pattern): Pattern {
  const width = pattern.stops.length;
  const count = pattern.tripIds.length;
  const arrivals = new Int32Array(count * width);
  const departures = new Int32Array(count * width);
  for (let trip = 0; trip < count; trip += 1) {
    const mirroredTrip = count - 1 - trip;
    for (let position = 0; position < width; position += 1) {
      const original = trip * width + (width - 1 - position);
      arrivals[mirroredTrip * width + position] = -pattern.departures[original]!;
      departures[mirroredTrip * width + position] = -pattern.arrivals[original]!;
    }
  }
  return {
    ...pattern,
    stops: pattern.stops.slice().reverse(),
    canBoard: pattern.canAlight.slice().reverse(),
    canAlight: pattern.canBoard.slice().reverse(),
    arrivals,
    departures,
    services: pattern.services.slice().reverse(),
    tripIds: [...pattern.tripIds].reverse(),
    firstTime: -pattern.lastTime,
    lastTime: -pattern.firstTime,
  };
}

/**
 * The timetable with time running backwards, for "arrive by" queries: the same forward search on it, from
 * the destination at minus the arrival time, finds the latest departures. Walks are turned round too
 * (transfers.txt may make A -> B differ from B -> A).
 */
export function reverseTimetable(forward: Timetable): Timetable {
  const patterns = forward.patterns.map(reversePattern);
  const stopPatterns = forward.stops.map(() => [] as { pattern: number; position: number }[]);
  for (const pattern of patterns) {
    for (const [position, stop] of pattern.stops.entries()) stopPatterns[stop]!.push({ pattern: pattern.index, position });
  }
  const footpaths: Footpath[][] = forward.stops.map(() => []);
  forward.footpaths.forEach((paths, from) => {
    for (const path of paths) footpaths[path.to]!.push({ ...path, to: from });
  });
  return { ...forward, direction: -1, patterns, stopPatterns, footpaths, forward };
}

/** A trip and positions found in the mirrored timetable, as the forward timetable numbers them. */
export function forwardRide(timetable: Timetable, pattern: number, trip: number, boardPosition: number, alightPosition: number) {
  if (timetable.direction === 1) return { trip, boardPosition, alightPosition };
  const original = timetable.forward!.patterns[pattern]!;
  const width = original.stops.length;
  return { trip: original.tripIds.length - 1 - trip, boardPosition: width - 1 - alightPosition, alightPosition: width - 1 - boardPosition };
}
