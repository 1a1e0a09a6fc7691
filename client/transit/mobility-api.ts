import type { LineString } from 'geojson';
import { ApiError } from '../api/api-error.ts';
import { fetchJson } from '../api/fetch-json.ts';

/**
 * The citizens' transit API (server/routes/mobility.ts), typed as the page reads it: a stop with its lines,
 * connections and next departures, a line with its stops in order, and journeys. Ids are the GTFS feed's own
 * (the transit features carry them as `gtfs_stop_id` and `gtfs_route_id`). Times are ISO 8601 local times of
 * Casablanca with their offset ("2026-12-08T08:36:00+01:00").
 */

/** A name in French and Arabic, as the feed translates it. */
export interface BilingualName {
  fr: string;
  ar: string;
}

export type TransitMode = 'tram' | 'brt' | 'bus' | 'rail';

/** A position [longitude, latitude] in degrees (WGS 84). */
export type Position = [number, number];

export interface TransitLine {
  id: string;
  shortName: string;
  name: BilingualName;
  mode: TransitMode;
  /** #rrggbb, and the colour text drawn over it should have. */
  colour: string;
  textColour: string;
  agency: string;
}

export interface TransitStop {
  id: string;
  code: string | null;
  name: BilingualName;
  mode: TransitMode | null;
  position: Position;
  /** GTFS wheelchair_boarding: 1 accessible, 2 not, 0 unknown. */
  wheelchairBoarding: number;
}

export interface Direction {
  directionId: number;
  headsign: BilingualName | null;
}

/** A stop of another mode within walking distance, and the walk there. */
export interface Connection {
  stop: TransitStop;
  /** Short names of the lines calling there. */
  lines: string[];
  distanceMetres: number;
  walkSeconds: number;
  /** The time a change there takes: the walk, or the minimum transfers.txt sets. */
  transferSeconds: number;
  path: 'street' | 'straight';
  geometry: LineString;
}

export interface Departure {
  departure: string;
  line: TransitLine;
  directionId: number;
  headsign: BilingualName | null;
}

export interface StopDetails {
  stop: TransitStop;
  lines: (TransitLine & { directions: Direction[] })[];
  connections: Connection[];
  departures: Departure[];
  /** The local time the departures are counted from. */
  at: string;
}

export interface LineDetails {
  line: TransitLine;
  directions: (Direction & { stops: (TransitStop & { sequence: number })[]; geometry: LineString })[];
}

/** Where a leg starts or ends: a stop (id and names), or the place asked for. */
export interface LegPlace {
  stopId?: string;
  name?: BilingualName;
  position: Position;
}

export interface WalkLeg {
  mode: 'walk';
  from: LegPlace;
  to: LegPlace;
  departure: string;
  arrival: string;
  distanceMetres: number;
  path: 'street' | 'straight';
  geometry: LineString;
}

export interface TransitLeg {
  mode: TransitMode;
  routeId: string;
  routeShortName: string;
  routeName: BilingualName;
  colour: string;
  textColour: string;
  headsign?: BilingualName;
  from: LegPlace;
  to: LegPlace;
  departure: string;
  arrival: string;
  intermediateStops: (LegPlace & { arrival: string })[];
  geometry: LineString;
}

export type Leg = WalkLeg | TransitLeg;

/** One Pareto-optimal way to go: no other arrives earlier with as few changes and as little walking. */
export interface Itinerary {
  departure: string;
  arrival: string;
  durationSeconds: number;
  changes: number;
  walkSeconds: number;
  walkMetres: number;
  legs: Leg[];
}

export interface JourneyPlan {
  /** The time asked for: leave at (`depart`) or arrive by (`arriveBy`). */
  depart?: string;
  arriveBy?: string;
  itineraries: Itinerary[];
}

/** When to travel: now, or a local time to leave at or arrive by ("2026-12-08T08:30"). */
export type JourneyTime = { kind: 'now' } | { kind: 'depart' | 'arriveBy'; localTime: string };

function assertShape(url: string, isValid: boolean): void {
  if (!isValid) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} did not answer as the mobility API does` });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** GET /api/mobility/stops/{id}: the stop, its lines, connections and next departures. */
export async function fetchStopDetails(stopId: string, signal?: AbortSignal): Promise<StopDetails> {
  const url = `/api/mobility/stops/${encodeURIComponent(stopId)}?limit=8`;
  const body = await fetchJson(url, signal);
  assertShape(url, isObject(body) && isObject(body.stop) && Array.isArray(body.lines) && Array.isArray(body.connections) && Array.isArray(body.departures));
  return body as unknown as StopDetails;
}

/** GET /api/mobility/routes/{id}: the line with its stops in order, in each direction. */
export async function fetchLineDetails(routeId: string, signal?: AbortSignal): Promise<LineDetails> {
  const url = `/api/mobility/routes/${encodeURIComponent(routeId)}`;
  const body = await fetchJson(url, signal);
  assertShape(url, isObject(body) && isObject(body.line) && Array.isArray(body.directions));
  return body as unknown as LineDetails;
}

/** A position as the API reads it ("lon,lat"), to the metre. */
export function formatPosition([longitude, latitude]: Position): string {
  return `${longitude.toFixed(5)},${latitude.toFixed(5)}`;
}

/** The query of a journey search: from, to, and the time when one is chosen (the server's now otherwise). */
export function journeyQuery(from: Position, to: Position, time: JourneyTime): string {
  const parameters = new URLSearchParams({ from: formatPosition(from), to: formatPosition(to) });
  if (time.kind !== 'now') parameters.set(time.kind, time.localTime);
  return parameters.toString();
}

/**
 * GET /api/mobility/journeys: the itineraries between two places, earliest arrival first. A place outside
 * the region or places no journey joins come back as an ApiError (422, `outside-region` or `no-journey`).
 */
export async function fetchJourneys(from: Position, to: Position, time: JourneyTime, signal?: AbortSignal): Promise<JourneyPlan> {
  const url = `/api/mobility/journeys?${journeyQuery(from, to, time)}`;
  const body = await fetchJson(url, signal);
  assertShape(url, isObject(body) && Array.isArray(body.itineraries));
  return body as unknown as JourneyPlan;
}
