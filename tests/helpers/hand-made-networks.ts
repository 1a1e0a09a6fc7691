import { buildTimetable } from '../../server/mobility/build-timetable.ts';
import type { LonLat } from '../../server/mobility/geo.ts';
import { formatLocalIso } from '../../server/mobility/local-time.ts';
import type { Itinerary } from '../../server/mobility/plan-journeys.ts';
import type { ServiceInput } from '../../server/mobility/service-calendar.ts';
import type { Timetable, TripInput } from '../../server/mobility/timetable.ts';

/** A point `east` and `north` metres from a spot in Casablanca (small hand-made networks, no streets). */
export function at(east: number, north: number): LonLat {
  return [-7.6 + east / (111_320 * Math.cos((33.58 * Math.PI) / 180)), 33.58 + north / 110_574];
}

export const h = (text: string) => {
  const [hours, minutes] = text.split(':').map(Number);
  return hours! * 3600 + minutes! * 60;
};

/** A trip calling at the stops at the given "HH:MM" times (arrival = departure). */
export function trip(tripId: string, routeId: string, calls: [stop: string, time: string][], serviceId = 'DAILY'): TripInput {
  return { tripId, routeId, serviceId, stopTimes: calls.map(([stopId, time]) => ({ stopId, arrival: h(time), departure: h(time) })) };
}

export const DAILY: ServiceInput = { serviceId: 'DAILY', weekdays: [true, true, true, true, true, true, true], startDate: '2026-01-01', endDate: '2027-12-31' };

/** A timetable of stops at the given places, tram routes R*, services (DAILY by default). */
export function network(stops: Record<string, LonLat>, trips: TripInput[], services: ServiceInput[] = [DAILY], transfers: Parameters<typeof buildTimetable>[0]['transfers'] = []): Timetable {
  const routeIds = [...new Set(trips.map((each) => each.routeId))];
  return buildTimetable({
    version: 'test',
    stops: Object.entries(stops).map(([stopId, position]) => ({ stopId, code: stopId, name: { fr: stopId, ar: stopId }, position, wheelchairBoarding: 0 })),
    routes: routeIds.map((routeId) => ({ routeId, shortName: routeId, name: { fr: routeId, ar: routeId }, mode: 'tram', colour: '#e2001a', textColour: '#ffffff', agencyName: 'Test' })),
    trips,
    services,
    transfers,
  }, undefined);
}

/** A compact description of an itinerary: local departure and arrival, then each leg. */
export function summarise(itinerary: Itinerary): string {
  const time = (instant: number) => formatLocalIso(instant).slice(11, 16);
  const legs = itinerary.legs.map((leg) => (leg.mode === 'walk' ? 'walk' : `${leg.routeId}:${leg.from.stopId}-${leg.to.stopId}`));
  return `${time(itinerary.departure)}-${time(itinerary.arrival)} ${legs.join(' ')}`;
}

