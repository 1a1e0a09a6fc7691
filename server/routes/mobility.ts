import { Router } from 'express';
import { z } from 'zod';
import { AppError, BadRequestError, NotFoundError } from '../http/errors.ts';
import type { ApiOperation } from '../http/api-operation.ts';
import { parseRequest } from '../http/validation.ts';
import type { LonLat } from '../mobility/geo.ts';
import { formatLocalIso, parseLocalIso, serviceDayOrigin, localDateAt } from '../mobility/local-time.ts';
import { planJourneys } from '../mobility/plan-journeys.ts';
import { describeRouteWithStops } from '../mobility/route-details.ts';
import { connectionsAtStop, describeStop, linesAtStop, nextDepartures } from '../mobility/stop-details.ts';
import type { TimetableService } from '../mobility/timetable-service.ts';
import { assertInRegion } from '../query/query-parameters.ts';
import type { Region, RegionService } from '../layers/region.ts';

/** A feed identifier in a path: GTFS ids are free text, bounded here to what a URL reasonably holds. */
function feedIdOf(value: unknown): string {
  const id = String(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (id.length === 0 || id.length > 200 || /[\u0000-\u001f\u007f]/.test(id)) {
    throw new BadRequestError('invalid-id', 'The id must hold 1 to 200 characters and no control characters');
  }
  return id;
}

const localTime = (name: string) =>
  z.string().max(40).refine((text) => parseLocalIso(text) !== undefined, `${name} must be an ISO 8601 local time, e.g. 2026-12-01T08:30`)
    .describe(`${name}: ISO 8601 date and time, Africa/Casablanca local time unless it carries an offset (2026-12-01T08:30 or 2026-12-01T08:30:00+01:00)`);

const position = (name: string) =>
  z.string().max(60).regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/, `${name} must be "lon,lat" in degrees`)
    .describe(`${name}: "lon,lat" in degrees (EPSG:4326), inside the Casablanca region`);

export const stopQuery = z.strictObject({
  radius: z.coerce.number().int().min(50).max(1000).default(400).describe('Walking distance to stops of other modes, metres (50 to 1000, default 400)'),
  at: localTime('at').optional().describe('Departures after this local time (default: now)'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('Departures to list, 1 to 50'),
});

export const journeyQuery = z.strictObject({
  from: position('from'),
  to: position('to'),
  depart: localTime('depart').optional(),
  arriveBy: localTime('arriveBy').optional(),
}).refine((query) => !(query.depart && query.arriveBy), { message: 'give depart or arriveBy, not both', path: ['arriveBy'] });

const unprocessable = (type: string, detail: string, pointer: string, message: { fr: string; ar: string; en: string }) =>
  new AppError(422, type, 'Unprocessable content', detail, { issues: [{ pointer, code: type, message }] });

function parsePosition(region: Region, text: string, pointer: string): LonLat {
  const [lon, lat] = text.split(',').map(Number) as [number, number];
  try {
    assertInRegion(region, lon, lat);
  } catch {
    throw unprocessable('outside-region', `${pointer.slice(1)} must lie in the Casablanca region`, pointer, {
      fr: 'Point hors de la région de Casablanca', ar: 'نقطة خارج جهة الدار البيضاء', en: 'Point outside the Casablanca region',
    });
  }
  return [lon, lat];
}

const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=30' };

/** The citizens' transit API: stops with their connections and departures, lines, journeys. Public. */
export function createMobilityRouter(timetables: TimetableService, region: RegionService): Router {
  const router = Router();

  router.get('/api/mobility/stops/:id', async (request, response) => {
    const id = feedIdOf(request.params.id);
    const query = parseRequest(stopQuery, request.query, 'query');
    const timetable = await timetables.timetable();
    const stop = timetable.stopIndex.get(id);
    if (stop === undefined) throw new NotFoundError('stop-not-found', 'No stop of the current feed has this stop_id');
    const at = query.at ? parseLocalIso(query.at)! : Date.now();
    response.set(PUBLIC_CACHE).json({
      stop: describeStop(timetable.stops[stop]!),
      lines: linesAtStop(timetable, stop),
      connections: connectionsAtStop(timetable, stop, query.radius),
      departures: nextDepartures(timetable, stop, at, query.limit),
      at: formatLocalIso(at),
      feed: timetable.version,
    });
  });

  router.get('/api/mobility/routes/:id', async (request, response) => {
    const id = feedIdOf(request.params.id);
    const timetable = await timetables.timetable();
    const route = timetable.routes.findIndex((candidate) => candidate.routeId === id);
    if (route < 0) throw new NotFoundError('route-not-found', 'No line of the current feed has this route_id');
    response.set(PUBLIC_CACHE).json({ ...describeRouteWithStops(timetable, route), feed: timetable.version });
  });

  router.get('/api/mobility/journeys', async (request, response) => {
    const query = parseRequest(journeyQuery, request.query, 'query');
    const served = await region.current();
    const from = parsePosition(served, query.from, '/from');
    const to = parsePosition(served, query.to, '/to');
    const isArriveBy = query.arriveBy !== undefined;
    const time = parseLocalIso(query.arriveBy ?? query.depart ?? '') ?? Date.now();
    const timetable = await timetables.timetable();
    const itineraries = planJourneys(timetable, { from, to, time, isArriveBy });
    if (itineraries.length === 0) {
      throw unprocessable('no-journey', 'No journey by transit or on foot joins these places at this time', '/to', {
        fr: 'Aucun trajet ne relie ces lieux à cette heure', ar: 'لا توجد رحلة تربط هذين المكانين في هذا الوقت', en: 'No journey joins these places at this time',
      });
    }
    const origin = serviceDayOrigin(localDateAt(time));
    const at = (seconds: number) => formatLocalIso(origin + seconds * 1000);
    response.set({ 'Cache-Control': 'public, max-age=30' }).json({
      from, to, [isArriveBy ? 'arriveBy' : 'depart']: formatLocalIso(time), feed: timetable.version,
      itineraries: itineraries.map((itinerary) => ({
        departure: formatLocalIso(itinerary.departure),
        arrival: formatLocalIso(itinerary.arrival),
        durationSeconds: Math.round((itinerary.arrival - itinerary.departure) / 1000),
        changes: itinerary.changes,
        walkSeconds: itinerary.walkSeconds,
        walkMetres: itinerary.walkMetres,
        legs: itinerary.legs.map((leg) => ({
          ...leg,
          departure: at(leg.departure),
          arrival: at(leg.arrival),
          ...('intermediateStops' in leg ? { intermediateStops: leg.intermediateStops.map((stop) => ({ ...stop, arrival: at(stop.arrival) })) } : {}),
        })),
      })),
    });
  });

  return router;
}

const idParams = (what: string) => z.strictObject({ id: z.string().describe(`The feed's own ${what}`) });

export const mobilityOperations: ApiOperation[] = [
  {
    method: 'get', path: '/api/mobility/stops/{id}', tag: 'mobility', access: 'public',
    summary: 'A stop: the lines serving it, stops of other modes within walking distance, next departures',
    description: 'Walking distances and courses follow the street network when both stops reach it, otherwise a straight line lengthened by a detour factor of 1.3; '
      + 'minimum transfer times from transfers.txt are honoured. Times are Africa/Casablanca local time with their offset.',
    params: idParams('stop_id'),
    query: stopQuery,
    responses: { 200: 'The stop', 400: 'Malformed parameter', 404: 'No such stop in the current feed' },
  },
  {
    method: 'get', path: '/api/mobility/routes/{id}', tag: 'mobility', access: 'public',
    summary: 'A line with its stops in order in each direction and its course',
    params: idParams('route_id'),
    responses: { 200: 'The line', 400: 'Malformed parameter', 404: 'No such line in the current feed' },
  },
  {
    method: 'get', path: '/api/mobility/journeys', tag: 'mobility', access: 'public',
    summary: 'Pareto-optimal itineraries by tram, busway, bus and on foot between two points',
    description: 'Every itinerary that no other beats on arrival time (departure time with arriveBy), number of changes and walking time together, '
      + 'found by a RAPTOR search on the timetable in memory. Legs carry GeoJSON geometry: the vehicle course for rides, the street course (or a straight line) for walks. '
      + 'Walking all the way is offered when it is short. Times are Africa/Casablanca local time; services after midnight are included.',
    query: journeyQuery,
    responses: { 200: 'Itineraries, earliest arrival first', 400: 'Malformed parameter', 422: 'A place outside the Casablanca region, or no journey joins them' },
  },
];
