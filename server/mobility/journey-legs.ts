import { distanceMeters, type LonLat } from './geo.ts';
import type { StopWalk } from './footpaths.ts';
import { walkCourse } from './footpaths.ts';
import type { BilingualName } from './gtfs-names.ts';
import type { Arrival, Label } from './raptor.ts';
import { forwardRide } from './reverse-timetable.ts';
import type { TransitMode } from './route-modes.ts';
import type { Timetable } from './timetable.ts';

const DAY = 86_400;

/** A step of a journey in travel order, before times are laid out. */
export type JourneyStep =
  | { kind: 'walk'; from: number | 'origin'; to: number | 'destination'; seconds: number; metres: number; isStreet: boolean }
  | { kind: 'ride'; pattern: number; trip: number; dayOffset: number; boardPosition: number; alightPosition: number };

function chain(label: Label): Label[] {
  const labels: Label[] = [];
  for (let step: Label | undefined = label; step; step = step.previous) labels.unshift(step);
  return labels;
}

const walkOf = (from: number | 'origin', to: number | 'destination', source: { seconds?: number; metres?: number; isStreet?: boolean }, seconds: number): JourneyStep => ({
  kind: 'walk', from, to, seconds, metres: source.metres ?? 0, isStreet: source.isStreet === true,
});

/** The steps of a search result in travel order, whichever direction the timetable ran. */
export function journeySteps(timetable: Timetable, arrival: Arrival): JourneyStep[] {
  const labels = chain(arrival.label);
  const steps: JourneyStep[] = [];
  for (const label of labels) {
    const before = label.previous;
    if (label.kind === 'access') steps.push(walkOf('origin', label.stop, label, label.walk));
    else if (label.kind === 'walk') steps.push(walkOf(before!.stop, label.stop, label, label.walk - before!.walk));
    else {
      const ride = forwardRide(timetable, label.pattern!, label.trip!, label.boardPosition!, label.alightPosition!);
      steps.push({ kind: 'ride', pattern: label.pattern!, dayOffset: label.dayOffset!, ...ride });
    }
  }
  steps.push(walkOf(arrival.label.stop, 'destination', arrival.egress, arrival.egress.seconds));
  if (timetable.direction === 1) return steps;
  // A mirrored search runs from the destination: turn the steps round.
  return steps.reverse().map((step) => (step.kind === 'ride' ? step : {
    ...step,
    from: step.to === 'destination' ? 'origin' : step.to,
    to: step.from === 'origin' ? 'destination' : step.from,
  }));
}

/** A place a leg starts or ends at: a stop (with its id and names) or the requested point. */
export interface Place {
  stopId?: string;
  name?: BilingualName;
  position: LonLat;
}

export interface WalkLeg {
  mode: 'walk';
  from: Place;
  to: Place;
  departure: number;
  arrival: number;
  distanceMetres: number;
  path: 'street' | 'straight';
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

export interface TransitLeg {
  mode: TransitMode;
  routeId: string;
  routeShortName: string;
  routeName: BilingualName;
  colour: string;
  textColour: string;
  agency: string;
  tripId: string;
  headsign: BilingualName | undefined;
  from: Place;
  to: Place;
  departure: number;
  arrival: number;
  /** Stops passed without getting off, with their times. */
  intermediateStops: (Place & { arrival: number })[];
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

export type Leg = WalkLeg | TransitLeg;

function stopPlace(timetable: Timetable, stop: number): Place {
  const { stopId, name, position } = timetable.stops[stop]!;
  return { stopId, name, position };
}

/** The part of a shape between two stops: from the vertex nearest the first to the one nearest the second. */
function shapeSlice(shape: readonly LonLat[], from: LonLat, to: LonLat): LonLat[] {
  const nearest = (point: LonLat, start: number) => {
    let bestIndex = start;
    for (let index = start; index < shape.length; index += 1) {
      if (distanceMeters(shape[index]!, point) < distanceMeters(shape[bestIndex]!, point)) bestIndex = index;
    }
    return bestIndex;
  };
  const first = nearest(from, 0);
  const last = nearest(to, first);
  return [from, ...shape.slice(first, last + 1), to].filter((position, index, all) => index === 0 || position[0] !== all[index - 1]![0] || position[1] !== all[index - 1]![1]);
}

/**
 * Lays the steps out in time (seconds after the query day's origin) and draws them: rides keep their
 * timetable times; a walk before the first ride ends as it boards (leave as late as possible), the other
 * walks start when the previous leg ends. Without any ride, the walk starts at `startTime`.
 */
export function layOutLegs(timetable: Timetable, steps: readonly JourneyStep[], origin: LonLat, destination: LonLat, startTime: number): Leg[] {
  const forward = timetable.forward ?? timetable;
  const placeOf = (end: number | 'origin' | 'destination'): Place =>
    end === 'origin' ? { position: origin } : end === 'destination' ? { position: destination } : stopPlace(forward, end);
  const legs: Leg[] = [];
  const firstRide = steps.findIndex((step) => step.kind === 'ride');
  let clock = startTime;
  if (firstRide > 0) {
    const ride = steps[firstRide] as Extract<JourneyStep, { kind: 'ride' }>;
    const pattern = forward.patterns[ride.pattern]!;
    clock = pattern.departures[ride.trip * pattern.stops.length + ride.boardPosition]! + ride.dayOffset * DAY;
    for (let index = 0; index < firstRide; index += 1) clock -= (steps[index] as Extract<JourneyStep, { kind: 'walk' }>).seconds;
  }
  for (const step of steps) {
    if (step.kind === 'walk') {
      const from = placeOf(step.from);
      const to = placeOf(step.to);
      // A walk of nothing (a point right at a stop) is left out, unless it is the whole journey.
      if (steps.length > 1 && (step.from === step.to || (step.seconds === 0 && step.metres === 0))) continue;
      legs.push({
        mode: 'walk', from, to, departure: clock, arrival: clock + step.seconds, distanceMetres: step.metres, path: step.isStreet ? 'street' : 'straight',
        geometry: { type: 'LineString', coordinates: walkCourse(forward, from.position, to.position, step.isStreet, step.metres + 100) },
      });
      clock += step.seconds;
      continue;
    }
    const pattern = forward.patterns[step.pattern]!;
    const route = forward.routes[pattern.route]!;
    const width = pattern.stops.length;
    const time = (kind: 'arrivals' | 'departures', position: number) => pattern[kind][step.trip * width + position]! + step.dayOffset * DAY;
    const from = stopPlace(forward, pattern.stops[step.boardPosition]!);
    const to = stopPlace(forward, pattern.stops[step.alightPosition]!);
    const passed = Array.from({ length: step.alightPosition - step.boardPosition - 1 }, (_, index) => step.boardPosition + 1 + index);
    const shape = pattern.shapeId ? forward.shapes.get(pattern.shapeId) : undefined;
    const course = shape && shape.length >= 2
      ? shapeSlice(shape, from.position, to.position)
      : [from.position, ...passed.map((position) => forward.stops[pattern.stops[position]!]!.position), to.position];
    legs.push({
      mode: route.mode, routeId: route.routeId, routeShortName: route.shortName, routeName: route.name, colour: route.colour, textColour: route.textColour,
      agency: route.agencyName, tripId: pattern.tripIds[step.trip]!, headsign: pattern.headsign, from, to,
      departure: time('departures', step.boardPosition), arrival: time('arrivals', step.alightPosition),
      intermediateStops: passed.map((position) => ({ ...stopPlace(forward, pattern.stops[position]!), arrival: time('arrivals', position) })),
      geometry: { type: 'LineString', coordinates: course },
    });
    clock = time('arrivals', step.alightPosition);
  }
  return legs;
}

/** A walk straight from origin to destination as one step (a journey that needs no vehicle). */
export function directWalkStep(walk: Pick<StopWalk, 'seconds' | 'metres' | 'isStreet'>): JourneyStep[] {
  return [walkOf('origin', 'destination', walk, walk.seconds)];
}
