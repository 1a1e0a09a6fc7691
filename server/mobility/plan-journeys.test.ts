import { describe, expect, it } from 'vitest';
import { at, DAILY, network, summarise, trip } from '../../tests/helpers/hand-made-networks.ts';
import type { LonLat } from './geo.ts';
import { formatLocalIso, parseLocalIso } from './local-time.ts';
import { planJourneys } from './plan-journeys.ts';
import type { ServiceInput } from './service-calendar.ts';
import type { Timetable } from './timetable.ts';

const plan = (timetable: Timetable, from: LonLat, to: LonLat, when: string, isArriveBy = false) =>
  planJourneys(timetable, { from, to, time: parseLocalIso(when)!, isArriveBy });

// Stops 3 km apart: too far to walk between them, so only the vehicles connect them.
const LINE = { A: at(0, 0), B: at(3000, 0), C: at(6000, 0), D: at(9000, 0) };

describe('planJourneys on hand-made networks', () => {
  const racing = network(LINE, [
    trip('slow', 'R1', [['A', '08:00'], ['D', '09:00']]),
    trip('ab', 'R2', [['A', '08:00'], ['B', '08:10']]),
    trip('bc', 'R3', [['B', '08:15'], ['C', '08:25']]),
    trip('cd', 'R4', [['C', '08:30'], ['D', '08:40']]),
  ]);

  it('returns both the fastest journey, with more changes, and the one with fewest changes', () => {
    const itineraries = plan(racing, LINE.A, LINE.D, '2026-12-01T07:55');
    expect(itineraries.map(summarise)).toEqual(['08:00-08:40 R2:A-B R3:B-C R4:C-D', '08:00-09:00 R1:A-D']);
    expect(itineraries.map((itinerary) => itinerary.changes)).toEqual([2, 0]);
  });

  it('answers arrive-by queries with the latest departures that arrive in time', () => {
    expect(plan(racing, LINE.A, LINE.D, '2026-12-01T08:45', true).map(summarise)).toEqual(['08:00-08:40 R2:A-B R3:B-C R4:C-D']);
    // Arriving by 09:05, what counts is leaving late: both leave at 08:00, so the direct tram wins.
    expect(plan(racing, LINE.A, LINE.D, '2026-12-01T09:05', true).map(summarise)).toEqual(['08:00-09:00 R1:A-D']);
  });

  it('takes a trip that runs after midnight, on its service day before (GTFS times past 24:00)', () => {
    const friday: ServiceInput = { serviceId: 'FRI', weekdays: [false, false, false, false, true, false, false], startDate: '2026-01-01', endDate: '2027-12-31' };
    const night = network(LINE, [trip('owl', 'N1', [['A', '24:30'], ['B', '25:00']], 'FRI')], [friday]);
    // Friday 4 December's service runs into Saturday morning.
    expect(plan(night, LINE.A, LINE.B, '2026-12-05T00:10').map(summarise)).toEqual(['00:30-01:00 N1:A-B']);
    expect(plan(night, LINE.A, LINE.B, '2026-12-04T23:40').map(summarise)).toEqual(['00:30-01:00 N1:A-B']);
    expect(formatLocalIso(plan(night, LINE.A, LINE.B, '2026-12-05T00:10')[0]!.arrival)).toBe('2026-12-05T01:00:00+01:00');
    // Saturday's service (none) has no such trip: Saturday night finds nothing.
    expect(plan(night, LINE.A, LINE.B, '2026-12-06T00:10')).toEqual([]);
  });

  it('follows calendar exceptions: a removed day runs the replacement service instead', () => {
    const weekday: ServiceInput = { serviceId: 'WK', weekdays: [true, true, true, true, true, false, false], startDate: '2026-01-01', endDate: '2027-12-31', removed: ['2026-12-01'] };
    const holiday: ServiceInput = { serviceId: 'HOL', added: ['2026-12-01'] };
    const timetable = network(LINE, [
      trip('usual', 'R1', [['A', '08:00'], ['B', '08:10']], 'WK'),
      trip('holiday', 'R1', [['A', '09:00'], ['B', '09:10']], 'HOL'),
    ], [weekday, holiday]);
    expect(plan(timetable, LINE.A, LINE.B, '2026-12-01T07:30').map(summarise)).toEqual(['09:00-09:10 R1:A-B']);
    expect(plan(timetable, LINE.A, LINE.B, '2026-12-02T07:30').map(summarise)).toEqual(['08:00-08:10 R1:A-B']);
  });

  it('changes between lines through a walk when their stops are a short walk apart, and only then', () => {
    const near = { A: at(0, 0), B: at(3000, 0), C: at(3000, 250), D: at(6000, 250) };
    const trips = [trip('ab', 'R1', [['A', '08:00'], ['B', '08:10']]), trip('cd', 'R2', [['C', '08:20'], ['D', '08:30']])];
    const [itinerary, ...others] = plan(network(near, trips), near.A, near.D, '2026-12-01T07:55');
    expect(others).toEqual([]);
    expect(itinerary!.legs.map((leg) => leg.mode)).toEqual(['tram', 'walk', 'tram']);
    const walk = itinerary!.legs[1]!;
    expect(walk).toMatchObject({ mode: 'walk', from: { stopId: 'B' }, to: { stopId: 'C' }, path: 'straight' });
    // 250 m as the crow flies, times the detour factor, at 1.25 m/s.
    expect(Math.abs(walk.arrival - walk.departure - 260)).toBeLessThanOrEqual(2);
    const far = { ...near, C: at(3000, 2500) };
    expect(plan(network(far, trips), far.A, far.D, '2026-12-01T07:55')).toEqual([]);
  });

  it('honours a minimum transfer time from transfers.txt and a forbidden change', () => {
    const near = { A: at(0, 0), B: at(3000, 0), C: at(3000, 250), D: at(6000, 250) };
    const trips = [
      trip('ab', 'R1', [['A', '08:00'], ['B', '08:10']]),
      trip('cd', 'R2', [['C', '08:20'], ['D', '08:30']]),
      trip('cd2', 'R2', [['C', '08:40'], ['D', '08:50']]),
    ];
    const slowChange = network(near, trips, [DAILY], [{ fromStopId: 'B', toStopId: 'C', type: 2, minTransferSeconds: 900 }]);
    expect(plan(slowChange, near.A, near.D, '2026-12-01T07:55').map(summarise)).toEqual(['08:00-08:50 R1:A-B walk R2:C-D']);
    const forbidden = network(near, trips, [DAILY], [{ fromStopId: 'B', toStopId: 'C', type: 3 }]);
    expect(plan(forbidden, near.A, near.D, '2026-12-01T07:55')).toEqual([]);
  });

  it('walks all the way when the places are close, and draws every leg', () => {
    const [walk] = plan(racing, at(0, 0), at(600, 0), '2026-12-01T08:00');
    expect(walk!.legs).toHaveLength(1);
    expect(walk!.legs[0]!.geometry.coordinates).toEqual([at(0, 0), at(600, 0)]);
    for (const itinerary of plan(racing, LINE.A, LINE.D, '2026-12-01T07:55')) {
      for (const leg of itinerary.legs) expect(leg.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
    }
  });
});
