import { describe, expect, it } from 'vitest';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import {
  casablancaLocalTime,
  clockTime,
  daysAfter,
  describeLeg,
  formatChanges,
  formatDuration,
  itineraryBadges,
  summarizeItinerary,
} from './journey-format.ts';
import type { Itinerary, TransitLeg, WalkLeg } from './mobility-api.ts';

const fr = JOURNEY_MESSAGES.fr;
const ar = JOURNEY_MESSAGES.ar;
const en = JOURNEY_MESSAGES.en;

const line = { type: 'LineString' as const, coordinates: [] };
const casaPort = { stopId: 'T3-01', name: { fr: 'Casa Port', ar: 'الدار البيضاء الميناء' }, position: [-7.6125, 33.6003] as [number, number] };
const ainBorja = { stopId: 'T2-17', name: { fr: 'Aïn Borja', ar: 'عين البرجة' }, position: [-7.59, 33.57] as [number, number] };

/** Legs as GET /api/mobility/journeys writes them (Casa Port to Moulay Rachid, one change). */
const walkToStop: WalkLeg = {
  mode: 'walk', from: { position: [-7.614, 33.6] }, to: casaPort, departure: '2026-12-08T08:32:01+01:00', arrival: '2026-12-08T08:36:00+01:00',
  distanceMetres: 299, path: 'street', geometry: line,
};
const tram: TransitLeg = {
  mode: 'tram', routeId: 'T3', routeShortName: 'T3', routeName: { fr: 'T3 Casa Port – Hay Al Warda', ar: 'T3 الدار البيضاء الميناء – حي الوردة' },
  colour: '#009fe3', textColour: '#ffffff', headsign: { fr: 'Hay Al Warda', ar: 'حي الوردة' }, from: casaPort, to: ainBorja,
  departure: '2026-12-08T08:36:00+01:00', arrival: '2026-12-08T08:49:30+01:00',
  intermediateStops: Array.from({ length: 6 }, () => ({ ...ainBorja, arrival: '2026-12-08T08:40:00+01:00' })), geometry: line,
};
const walkToEnd: WalkLeg = { ...walkToStop, from: ainBorja, to: { position: [-7.55, 33.55] }, departure: '2026-12-08T08:49:30+01:00', arrival: '2026-12-08T08:53:00+01:00', distanceMetres: 264 };
const itinerary: Itinerary = {
  departure: '2026-12-08T08:32:01+01:00', arrival: '2026-12-08T08:53:00+01:00', durationSeconds: 1259, changes: 0, walkSeconds: 449, walkMetres: 563,
  legs: [walkToStop, tram, walkToEnd],
};

describe('times', () => {
  it('reads Casablanca’s clock from the API’s local times, whatever the device’s time zone', () => {
    expect(clockTime('2026-12-08T08:36:00+01:00')).toBe('08:36');
    expect(clockTime('2026-12-09T00:12:40+01:00')).toBe('00:12');
    expect(clockTime('not a time')).toBe('');
  });

  it('counts the days a time falls after another (a trip past midnight)', () => {
    expect(daysAfter('2026-12-09T00:12:00+01:00', '2026-12-08T23:50:00+01:00')).toBe(1);
    expect(daysAfter('2026-12-08T23:59:00+01:00', '2026-12-08T00:00:00+01:00')).toBe(0);
  });

  it('writes Casablanca’s local time as a date-time field and the API read it', () => {
    expect(casablancaLocalTime(Date.UTC(2026, 11, 8, 7, 30))).toBe('2026-12-08T08:30');
    expect(casablancaLocalTime(Date.UTC(2026, 11, 31, 23, 5))).toBe('2027-01-01T00:05');
  });
});

describe('durations and changes', () => {
  it('are minutes under an hour, then hours and minutes, in each language', () => {
    expect(formatDuration(45, 'fr', fr)).toBe('1 min');
    expect(formatDuration(2600, 'fr', fr)).toBe('43 min');
    expect(formatDuration(3600, 'fr', fr)).toBe('1 h');
    expect(formatDuration(3745, 'fr', fr)).toBe('1 h 02 min');
    expect(formatDuration(3745, 'en', en)).toBe('1 h 02 min');
    expect(formatDuration(2600, 'ar', ar)).toBe('43 دقيقة');
    expect(formatDuration(120, 'ar', ar)).toBe('دقيقتان');
    expect(formatDuration(180, 'ar', ar)).toBe('3 دقائق');
    expect(formatDuration(3720, 'ar', ar)).toBe('ساعة ودقيقتان');
  });

  it('say a trip with one vehicle is direct, and count the changes otherwise', () => {
    expect(formatChanges(0, 'fr', fr)).toBe('Direct');
    expect(formatChanges(1, 'fr', fr)).toBe('1 changement');
    expect(formatChanges(3, 'fr', fr)).toBe('3 changements');
    expect(formatChanges(0, 'ar', ar)).toBe('مباشر');
    expect(formatChanges(2, 'ar', ar)).toBe('تغييران');
    expect(formatChanges(2, 'en', en)).toBe('2 changes');
  });
});

describe('an itinerary', () => {
  it('is summed up by its times, length, changes, walking and vehicles', () => {
    expect(summarizeItinerary(itinerary, 'fr', fr)).toEqual({
      departure: '08:32',
      arrival: '08:53',
      arrivalDay: null,
      duration: '21 min',
      changes: 'Direct',
      walking: '7 min à pied',
      rides: [{ key: 'T3-2026-12-08T08:36:00+01:00', line: 'T3', colour: '#009fe3', textColour: '#ffffff', mode: 'tram' }],
    });
    expect(summarizeItinerary(itinerary, 'ar', ar).walking).toBe('7 دقائق مشيا');
    const overnight = { ...itinerary, arrival: '2026-12-09T00:20:00+01:00' };
    expect(summarizeItinerary(overnight, 'fr', fr).arrivalDay).toBe('le lendemain');
    const walkOnly = { ...itinerary, legs: [walkToStop] };
    expect(summarizeItinerary(walkOnly, 'fr', fr)).toMatchObject({ changes: 'À pied', rides: [] });
  });

  it('reads as steps: walk to the stop, the vehicle with its direction and stops, the walk to the end', () => {
    expect(plainSpaces(describeLeg(walkToStop, 'fr', fr))).toEqual({ time: '08:32', text: 'Marcher 4 min (299 m) jusqu’à Casa Port', detail: null });
    expect(describeLeg(tram, 'fr', fr)).toEqual({
      time: '08:36',
      text: 'T3 direction Hay Al Warda',
      detail: 'Monter à Casa Port · Descendre à Aïn Borja (08:49) · 7 arrêts, 14 min',
    });
    expect(plainSpaces(describeLeg(walkToEnd, 'fr', fr).text)).toBe('Marcher 4 min (264 m) jusqu’à l’arrivée');
    expect(describeLeg(tram, 'ar', ar).text).toBe('T3 في اتجاه حي الوردة');
    expect(describeLeg(tram, 'ar', ar).detail).toBe('الركوب في الدار البيضاء الميناء · النزول في عين البرجة (08:49) · 7 محطات، 14 دقيقة');
    // The distance's unit is Intl's own ("م" or "مترًا" by ICU version).
    expect(plainSpaces(describeLeg(walkToStop, 'ar', ar).text)).toMatch(/^المشي 4 دقائق \(299 م\S*\) حتى الدار البيضاء الميناء$/);
  });
});

/** Intl writes a narrow no-break space between a number and its unit: compared as a plain space. */
function plainSpaces<Value>(value: Value): Value {
  return JSON.parse(JSON.stringify(value).replace(/[\u00a0\u202f]/g, ' ')) as Value;
}

describe('badges', () => {
  it('mark the fastest, the one with fewest changes and the one with least walking, only among several', () => {
    expect(itineraryBadges([itinerary])).toEqual([[]]);
    const slowerDirect = { ...itinerary, arrival: '2026-12-08T09:10:00+01:00', walkSeconds: 100 };
    const fasterWithChange = { ...itinerary, arrival: '2026-12-08T08:45:00+01:00', legs: [walkToStop, tram, tram, walkToEnd] };
    expect(itineraryBadges([fasterWithChange, slowerDirect])).toEqual([['fastest'], ['fewestChanges', 'leastWalking']]);
  });
});
