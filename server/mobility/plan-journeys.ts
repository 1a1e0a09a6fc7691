import { walksFromPoint } from './footpaths.ts';
import { DETOUR_FACTOR, distanceMeters, type LonLat, walkSeconds } from './geo.ts';
import { directWalkStep, type JourneyStep, journeySteps, layOutLegs, type Leg } from './journey-legs.ts';
import { localDateAt, serviceDayOrigin } from './local-time.ts';
import { runRaptor } from './raptor.ts';
import { reverseTimetable } from './reverse-timetable.ts';
import type { Timetable } from './timetable.ts';

/** How far people walk to their first stop or from their last one (metres of walking). */
export const ACCESS_RADIUS_METRES = 1_000;
/** Below this many metres of walking, walking all the way is offered too. */
export const DIRECT_WALK_METRES = 2_500;
/** Vehicles per journey at most (4 changes). */
export const MAX_VEHICLES = 5;
/** Journeys are looked for within this long of the requested time. */
export const MAX_JOURNEY_SECONDS = 5 * 3_600;

export interface JourneyRequest {
  from: LonLat;
  to: LonLat;
  /** Epoch milliseconds: leave at (or after) it, or arrive by it when `isArriveBy`. */
  time: number;
  isArriveBy: boolean;
}

/** One Pareto-optimal way to go, its legs in travel order; times are epoch milliseconds. */
export interface Itinerary {
  departure: number;
  arrival: number;
  changes: number;
  walkSeconds: number;
  walkMetres: number;
  legs: Leg[];
}

const mirrors = new WeakMap<Timetable, Timetable>();

/** The mirrored timetable of arrive-by searches, built once per timetable. */
function mirrorOf(timetable: Timetable): Timetable {
  let mirror = mirrors.get(timetable);
  if (!mirror) {
    mirror = reverseTimetable(timetable);
    mirrors.set(timetable, mirror);
  }
  return mirror;
}

function toItinerary(legs: Leg[], origin: number): Itinerary {
  const walks = legs.filter((leg) => leg.mode === 'walk');
  const rides = legs.length - walks.length;
  return {
    departure: origin + legs[0]!.departure * 1000,
    arrival: origin + legs[legs.length - 1]!.arrival * 1000,
    changes: Math.max(0, rides - 1),
    walkSeconds: walks.reduce((sum, leg) => sum + (leg.arrival - leg.departure), 0),
    walkMetres: walks.reduce((sum, leg) => sum + (leg.mode === 'walk' ? leg.distanceMetres : 0), 0),
    legs,
  };
}

/** Vehicles taken: a walk-only journey takes none, which no journey by vehicle can beat. */
const vehicles = (itinerary: Itinerary) => itinerary.legs.filter((leg) => leg.mode !== 'walk').length;

/**
 * Keeps the itineraries no other beats on the time that matters (arrival, or departure for arrive-by),
 * vehicles taken and walking time; sorted by arrival, then departure.
 */
export function paretoItineraries(itineraries: readonly Itinerary[], isArriveBy: boolean): Itinerary[] {
  const timeCost = (itinerary: Itinerary) => (isArriveBy ? -itinerary.departure : itinerary.arrival);
  const sorted = [...itineraries].sort((a, b) => timeCost(a) - timeCost(b) || vehicles(a) - vehicles(b) || a.walkSeconds - b.walkSeconds);
  const kept: Itinerary[] = [];
  for (const candidate of sorted) {
    const isBeaten = kept.some((other) =>
      timeCost(other) <= timeCost(candidate) && vehicles(other) <= vehicles(candidate) && other.walkSeconds <= candidate.walkSeconds);
    if (!isBeaten) kept.push(candidate);
  }
  return kept.sort((a, b) => a.arrival - b.arrival || b.departure - a.departure);
}

/**
 * Every Pareto-optimal itinerary between two points: the search runs on the timetable (or its mirror for
 * arrive-by), from the stops within walking reach of the start to those within reach of the end; walking
 * all the way is one of the answers when it is short enough. Empty when nothing connects them.
 */
export function planJourneys(timetable: Timetable, request: JourneyRequest): Itinerary[] {
  const date = localDateAt(request.time);
  const origin = serviceDayOrigin(date);
  const requested = Math.round((request.time - origin) / 1000);
  const walking = timetable.walking;
  const fromSnap = walking?.snap(request.from);
  const toSnap = walking?.snap(request.to);
  const fromWalks = walksFromPoint(timetable, request.from, ACCESS_RADIUS_METRES, fromSnap);
  const toWalks = walksFromPoint(timetable, request.to, ACCESS_RADIUS_METRES, toSnap);
  const search = request.isArriveBy ? mirrorOf(timetable) : timetable;
  const [access, egress] = request.isArriveBy ? [toWalks, fromWalks] : [fromWalks, toWalks];
  const arrivals = runRaptor(search, {
    start: request.isArriveBy ? -requested : requested,
    date,
    access,
    egress: new Map(egress.map((walk) => [walk.stop, walk])),
    maxRounds: MAX_VEHICLES,
    maxDuration: MAX_JOURNEY_SECONDS,
  });
  const itineraries: Itinerary[] = [];
  for (const arrival of arrivals) {
    const steps: JourneyStep[] = journeySteps(search, arrival);
    itineraries.push(toItinerary(layOutLegs(search, steps, request.from, request.to, requested), origin));
  }
  const direct = directWalk(timetable, request);
  if (direct) {
    const start = request.isArriveBy ? requested - direct.seconds : requested;
    itineraries.push(toItinerary(layOutLegs(timetable, directWalkStep(direct), request.from, request.to, start), origin));
  }
  return paretoItineraries(itineraries, request.isArriveBy);
}

/** Walking the whole way, when it is at most DIRECT_WALK_METRES. */
function directWalk(timetable: Timetable, request: JourneyRequest): { seconds: number; metres: number; isStreet: boolean } | undefined {
  const walking = timetable.walking;
  const start = walking?.snap(request.from);
  const end = walking?.snap(request.to);
  let metres = distanceMeters(request.from, request.to) * DETOUR_FACTOR;
  let isStreet = false;
  if (walking && start && end && walking.isConnected(start, end)) {
    const street = walking.metresTo(walking.walkFrom(start, DIRECT_WALK_METRES), end);
    if (Number.isFinite(street)) {
      metres = start.gap + street + end.gap;
      isStreet = true;
    } else {
      return undefined;
    }
  }
  return metres <= DIRECT_WALK_METRES ? { seconds: walkSeconds(metres), metres: Math.round(metres), isStreet } : undefined;
}
