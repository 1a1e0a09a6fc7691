import type { IssueList } from './gtfs-issues.ts';
import type { GtfsFeed, GtfsStop, GtfsStopTime } from './gtfs-model.ts';

/**
 * Checks what one file says about another (every route, service, shape, trip and stop named exists),
 * and each trip's times: at least two stops, times at its first and last stop, never going backwards.
 * Stops between timepoints that the feed leaves without times get times interpolated along the way, as
 * GTFS intends, so everything downstream sees complete trips.
 */
export function checkGtfsFeed(feed: GtfsFeed, issues: IssueList): void {
  const agencyIds = new Set(feed.agencies.map((agency) => agency.agencyId));
  const stopsById = new Map(feed.stops.map((stop) => [stop.stopId, stop]));
  const routeIds = new Set(feed.routes.map((route) => route.routeId));
  const tripIds = new Set(feed.trips.map((trip) => trip.tripId));
  const serviceIds = new Set([...feed.calendars.map((entry) => entry.serviceId), ...feed.calendarDates.map((entry) => entry.serviceId)]);
  const reference = (file: string, line: number, field: string, value: string | undefined, known: { has(id: string): boolean }, target: string) => {
    if (value !== undefined && value !== '' && !known.has(value)) issues.add({ file, line, field, code: 'unknown-reference', value, target });
  };

  for (const stop of feed.stops) reference('stops.txt', stop.line, 'parent_station', stop.parentStation, stopsById, 'stops.txt');
  for (const route of feed.routes) {
    if (route.agencyId === undefined && feed.agencies.length > 1) issues.add({ file: 'routes.txt', line: route.line, field: 'agency_id', code: 'missing-value' });
    reference('routes.txt', route.line, 'agency_id', route.agencyId, agencyIds, 'agency.txt');
  }
  for (const trip of feed.trips) {
    reference('trips.txt', trip.line, 'route_id', trip.routeId, routeIds, 'routes.txt');
    reference('trips.txt', trip.line, 'service_id', trip.serviceId, serviceIds, 'calendar.txt / calendar_dates.txt');
    reference('trips.txt', trip.line, 'shape_id', trip.shapeId, feed.shapes, 'shapes.txt');
    const stopTimes = feed.stopTimes.get(trip.tripId) ?? [];
    if (stopTimes.length < 2) issues.add({ file: 'trips.txt', line: trip.line, field: 'trip_id', code: 'too-few-stops', value: trip.tripId });
  }
  for (const [tripId, stopTimes] of feed.stopTimes) {
    for (const stopTime of stopTimes) {
      reference('stop_times.txt', stopTime.line, 'trip_id', tripId, tripIds, 'trips.txt');
      reference('stop_times.txt', stopTime.line, 'stop_id', stopTime.stopId, stopsById, 'stops.txt');
    }
    checkTripTimes(stopTimes, stopsById, issues);
  }
  for (const frequency of feed.frequencies) reference('frequencies.txt', frequency.line, 'trip_id', frequency.tripId, tripIds, 'trips.txt');
  for (const transfer of feed.transfers) {
    reference('transfers.txt', transfer.line, 'from_stop_id', transfer.fromStopId, stopsById, 'stops.txt');
    reference('transfers.txt', transfer.line, 'to_stop_id', transfer.toStopId, stopsById, 'stops.txt');
    reference('transfers.txt', transfer.line, 'from_route_id', transfer.fromRouteId, routeIds, 'routes.txt');
    reference('transfers.txt', transfer.line, 'to_route_id', transfer.toRouteId, routeIds, 'routes.txt');
    reference('transfers.txt', transfer.line, 'from_trip_id', transfer.fromTripId, tripIds, 'trips.txt');
    reference('transfers.txt', transfer.line, 'to_trip_id', transfer.toTripId, tripIds, 'trips.txt');
  }
}

function checkTripTimes(stopTimes: GtfsStopTime[], stopsById: ReadonlyMap<string, GtfsStop>, issues: IssueList): void {
  const first = stopTimes[0];
  const last = stopTimes[stopTimes.length - 1];
  for (const end of [first, last]) {
    if (end && end.arrival === undefined) issues.add({ file: 'stop_times.txt', line: end.line, field: 'arrival_time', code: 'missing-value' });
  }
  let previous: number | undefined;
  for (const stopTime of stopTimes) {
    if (stopTime.arrival === undefined || stopTime.departure === undefined) continue;
    if (previous !== undefined && stopTime.arrival < previous) {
      issues.add({ file: 'stop_times.txt', line: stopTime.line, field: 'arrival_time', code: 'time-order', value: formatTime(stopTime.arrival) });
    }
    if (stopTime.departure < stopTime.arrival) {
      issues.add({ file: 'stop_times.txt', line: stopTime.line, field: 'departure_time', code: 'time-order', value: formatTime(stopTime.departure) });
    }
    previous = stopTime.departure;
  }
  interpolateTimes(stopTimes, stopsById);
}

/** Fills the times of untimed stops in proportion to the distance between the timed stops around them. */
function interpolateTimes(stopTimes: GtfsStopTime[], stopsById: ReadonlyMap<string, GtfsStop>): void {
  let start = 0;
  for (let index = 1; index < stopTimes.length; index += 1) {
    const stopTime = stopTimes[index]!;
    if (stopTime.arrival === undefined) continue;
    if (index - start > 1) {
      const from = stopTimes[start]!.departure;
      const to = stopTime.arrival;
      if (from === undefined) return;
      const cumulative = [0];
      for (let step = start + 1; step <= index; step += 1) {
        cumulative.push(cumulative[cumulative.length - 1]! + straightDistance(stopsById.get(stopTimes[step - 1]!.stopId), stopsById.get(stopTimes[step]!.stopId)));
      }
      const total = cumulative[cumulative.length - 1]! || index - start;
      for (let step = start + 1; step < index; step += 1) {
        const share = cumulative[cumulative.length - 1] ? cumulative[step - start]! / total : (step - start) / total;
        const time = Math.round(from + (to - from) * share);
        Object.assign(stopTimes[step]!, { arrival: time, departure: time, isTimepoint: false });
      }
    }
    start = index;
  }
}

function straightDistance(a: GtfsStop | undefined, b: GtfsStop | undefined): number {
  if (a?.lat === undefined || a.lon === undefined || b?.lat === undefined || b.lon === undefined) return 0;
  return Math.hypot((a.lat - b.lat) * 111_320, (a.lon - b.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180));
}

/** Seconds -> "HH:MM:SS" (hours past 24 kept). */
export function formatTime(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}
