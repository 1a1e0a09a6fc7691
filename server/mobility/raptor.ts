import type { StopWalk } from './footpaths.ts';
import { addDays, type IsoDate } from './local-time.ts';
import type { Pattern, Timetable } from './timetable.ts';

const DAY = 86_400;
/** Service days looked at around the query's day: yesterday's late trips (after 24:00) and tomorrow's. */
const DAY_OFFSETS = [-1, 0, 1] as const;

/**
 * A step of a journey in the search: how one reached `stop` at `time` (in the timetable's time domain,
 * seconds after the query day's origin, negated in a mirrored timetable) having walked `walk` seconds.
 */
export interface Label {
  time: number;
  walk: number;
  round: number;
  stop: number;
  kind: 'access' | 'transit' | 'walk';
  previous: Label | undefined;
  /** access and walk: metres walked on this step and whether along streets. */
  metres?: number;
  isStreet?: boolean;
  /** transit: the vehicle taken. */
  pattern?: number;
  trip?: number;
  dayOffset?: number;
  boardPosition?: number;
  alightPosition?: number;
}

/** A journey reaching the destination: its last stop's label plus the final walk. */
export interface Arrival {
  time: number;
  walk: number;
  /** Vehicles taken (changes + 1). */
  rounds: number;
  label: Label;
  egress: StopWalk;
}

export interface RaptorQuery {
  /** Leaving time, in the timetable's time domain relative to `date`'s origin. */
  start: number;
  date: IsoDate;
  access: readonly StopWalk[];
  egress: ReadonlyMap<number, StopWalk>;
  maxRounds: number;
  /** Journeys longer than this (seconds) are not looked for. */
  maxDuration: number;
}

/** Whether (time, walk) is no better than `other` in both. */
const isDominatedBy = (time: number, walk: number, other: { time: number; walk: number }) => other.time <= time && other.walk <= walk;

/** The first trip of the pattern leaving position `position` at or after `time` on a running service. */
export function earliestTrip(pattern: Pattern, position: number, time: number, active: Uint8Array): number {
  const width = pattern.stops.length;
  const count = pattern.tripIds.length;
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pattern.departures[middle * width + position]! < time) low = middle + 1;
    else high = middle;
  }
  for (let trip = low; trip < count; trip += 1) if (active[pattern.services[trip]!] === 1) return trip;
  return -1;
}

/**
 * Multi-criteria RAPTOR (after Delling, Pajor and Werneck, "Round-Based Public Transit Routing", 2012):
 * round k finds the journeys taking k vehicles by scanning, once, every pattern that calls at a stop
 * improved in round k-1, then walking from the stops it reached. Each stop keeps a Pareto set of (arrival,
 * walking time) per round, so the answer is every journey that no other beats on arrival, number of
 * vehicles and walking time together. Patterns are scanned once per service day around the query's (so
 * trips after midnight, GTFS times past 24:00, and the next morning's are found), each day's calendar
 * deciding which trips run.
 */
export function runRaptor(timetable: Timetable, query: RaptorQuery): Arrival[] {
  const horizon = query.start + query.maxDuration;
  const active = DAY_OFFSETS.map((offset) => timetable.services.activeOn(addDays(query.date, offset)));
  const best: Label[][] = timetable.stops.map(() => []);
  const arrivals: Arrival[] = [];

  const isPruned = (time: number, walk: number, round: number, stop: number) => {
    if (time > horizon) return true;
    for (const label of best[stop]!) if (isDominatedBy(time, walk, label)) return true;
    for (const arrival of arrivals) if (arrival.rounds <= round && isDominatedBy(time, walk, arrival)) return true;
    return false;
  };

  const add = (bags: Map<number, Label[]>, label: Label) => {
    if (isPruned(label.time, label.walk, label.round, label.stop)) return;
    dropDominated(best[label.stop]!, label);
    best[label.stop]!.push(label);
    let bag = bags.get(label.stop);
    if (!bag) {
      bag = [];
      bags.set(label.stop, bag);
    }
    dropDominated(bag, label);
    bag.push(label);
  };

  let previous = new Map<number, Label[]>();
  for (const walk of query.access) {
    add(previous, { time: query.start + walk.seconds, walk: walk.seconds, round: 0, stop: walk.stop, kind: 'access', previous: undefined, metres: walk.metres, isStreet: walk.isStreet });
  }

  for (let round = 1; round <= query.maxRounds && previous.size > 0; round += 1) {
    const current = new Map<number, Label[]>();
    const firstPosition = new Map<number, number>();
    for (const stop of previous.keys()) {
      for (const { pattern, position } of timetable.stopPatterns[stop]!) {
        if (position < (firstPosition.get(pattern) ?? Number.POSITIVE_INFINITY)) firstPosition.set(pattern, position);
      }
    }
    for (const [patternIndex, from] of firstPosition) {
      const pattern = timetable.patterns[patternIndex]!;
      DAY_OFFSETS.forEach((offset, dayIndex) => {
        const shift = offset * DAY * timetable.direction;
        if (pattern.firstTime + shift > horizon || pattern.lastTime + shift < query.start) return;
        scanPattern(timetable, pattern, from, shift, offset, active[dayIndex]!, round, previous, (label) => add(current, label));
      });
    }
    for (const [stop, labels] of [...current]) {
      for (const label of labels) {
        if (label.kind !== 'transit') continue;
        for (const path of timetable.footpaths[stop]!) {
          add(current, { time: label.time + path.seconds, walk: label.walk + path.seconds, round, stop: path.to, kind: 'walk', previous: label, metres: path.metres, isStreet: path.isStreet });
        }
      }
    }
    for (const [stop, labels] of current) {
      const egress = query.egress.get(stop);
      if (!egress) continue;
      for (const label of labels) {
        const time = label.time + egress.seconds;
        const walk = label.walk + egress.seconds;
        if (arrivals.some((arrival) => arrival.rounds <= round && isDominatedBy(time, walk, arrival))) continue;
        arrivals.push({ time, walk, rounds: round, label, egress });
      }
    }
    previous = current;
  }
  return paretoArrivals(arrivals);
}

/** Removes, in place, the labels that `label` dominates (a stop's bags stay small: a few labels each). */
function dropDominated(labels: Label[], label: Label): void {
  let kept = 0;
  for (const other of labels) if (!isDominatedBy(other.time, other.walk, label)) labels[kept++] = other;
  labels.length = kept;
}

/** Route scan of one pattern on one service day, from position `from`: alight, then board, stop by stop. */
function scanPattern(
  timetable: Timetable,
  pattern: Pattern,
  from: number,
  shift: number,
  dayOffset: number,
  active: Uint8Array,
  round: number,
  previous: ReadonlyMap<number, Label[]>,
  emit: (label: Label) => void,
): void {
  const width = pattern.stops.length;
  let riding: { trip: number; walk: number; boarded: Label; position: number }[] = [];
  for (let position = from; position < width; position += 1) {
    const stop = pattern.stops[position]!;
    if (riding.length > 0 && pattern.canAlight[position] === 1) {
      for (const ride of riding) {
        emit({
          time: pattern.arrivals[ride.trip * width + position]! + shift, walk: ride.walk, round, stop, kind: 'transit', previous: ride.boarded,
          pattern: pattern.index, trip: ride.trip, dayOffset, boardPosition: ride.position, alightPosition: position,
        });
      }
    }
    const waiting = previous.get(stop);
    if (!waiting || pattern.canBoard[position] !== 1) continue;
    for (const label of waiting) {
      const change = label.kind === 'transit' ? timetable.changeSeconds[stop]! : 0;
      if (change < 0) continue;
      const trip = earliestTrip(pattern, position, label.time + change - shift, active);
      if (trip < 0 || riding.some((ride) => ride.trip <= trip && ride.walk <= label.walk)) continue;
      riding = riding.filter((ride) => !(trip <= ride.trip && label.walk <= ride.walk));
      riding.push({ trip, walk: label.walk, boarded: label, position });
    }
  }
}

/** Drops arrivals that another beats (or equals) on time, walking and vehicles. */
export function paretoArrivals(arrivals: readonly Arrival[]): Arrival[] {
  const sorted = [...arrivals].sort((a, b) => a.time - b.time || a.rounds - b.rounds || a.walk - b.walk);
  const kept: Arrival[] = [];
  for (const arrival of sorted) {
    if (kept.some((other) => other.time <= arrival.time && other.walk <= arrival.walk && other.rounds <= arrival.rounds)) continue;
    kept.push(arrival);
  }
  return kept;
}
