import type { Language } from '../i18n/language.ts';
import { plural } from '../i18n/plural.ts';
import { formatDistance } from '../i18n/format-distance.ts';
import type { JourneyMessages } from './journey-messages.ts';
import type { BilingualName, Itinerary, Leg } from './mobility-api.ts';

/**
 * Journeys as people read them: clock times of Casablanca, durations, changes, walking, and one line per
 * leg. Pure functions of the API's answer and the language's strings (unit-tested).
 */

/** An ISO 8601 local time of the API ("2026-12-08T08:36:00+01:00"), read as written: Casablanca's clock. */
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

/**
 * The clock time of an API time, "08:36", whatever the browser's own time zone: the API writes times in
 * Casablanca's local time, which is what a rider reads on the stop's board.
 */
export function clockTime(localIso: string): string {
  const match = LOCAL_TIME.exec(localIso);
  return match ? `${match[2]}:${match[3]}` : '';
}

/** How many calendar days `localIso` falls after `referenceIso` (0 the same day; a trip past midnight 1). */
export function daysAfter(localIso: string, referenceIso: string): number {
  const day = (iso: string) => Date.parse(`${LOCAL_TIME.exec(iso)?.[1] ?? ''}T00:00:00Z`);
  const days = Math.round((day(localIso) - day(referenceIso)) / 86_400_000);
  return Number.isFinite(days) ? days : 0;
}

/** Seconds as whole minutes, at least one for any walk or ride at all. */
function wholeMinutes(seconds: number): number {
  return seconds <= 0 ? 0 : Math.max(1, Math.round(seconds / 60));
}

/** A duration: "7 min", "1 h 05 min" ("ساعة و5 دقائق" in Arabic). */
export function formatDuration(seconds: number, language: Language, messages: JourneyMessages): string {
  const minutes = wholeMinutes(seconds);
  if (minutes < 60) return plural(language, minutes, messages.minutes);
  const rest = minutes % 60;
  const hours = plural(language, Math.floor(minutes / 60), messages.hours);
  if (rest === 0) return hours;
  const restText = language === 'ar' ? plural(language, rest, messages.minutes) : plural(language, rest, messages.minutes).replace(/^(\d)\b/, '0$1');
  return messages.hoursAndMinutes(hours, restText);
}

/** The changes of an itinerary: "Direct", "1 changement", "تغييران". */
export function formatChanges(changes: number, language: Language, messages: JourneyMessages): string {
  return changes === 0 ? messages.noChange : plural(language, changes, messages.changes);
}

/** A bilingual name in the interface language (Arabic for Arabic, French otherwise). */
export function nameIn(name: BilingualName | undefined, language: Language): string {
  if (!name) return '';
  return (language === 'ar' ? name.ar : name.fr) || name.fr || name.ar;
}

/** What an itinerary's card says at a glance. */
export interface ItinerarySummary {
  departure: string;
  arrival: string;
  /** "le lendemain" when it arrives on a later day than it leaves. */
  arrivalDay: string | null;
  duration: string;
  changes: string;
  walking: string;
  /** The vehicles in order (short name and colours), or none for a walk. */
  rides: { key: string; line: string; colour: string; textColour: string; mode: string }[];
}

export function summarizeItinerary(itinerary: Itinerary, language: Language, messages: JourneyMessages): ItinerarySummary {
  const rides = itinerary.legs.flatMap((leg) =>
    leg.mode === 'walk' ? [] : [{ key: `${leg.routeId}-${leg.departure}`, line: leg.routeShortName, colour: leg.colour, textColour: leg.textColour, mode: leg.mode }],
  );
  return {
    departure: clockTime(itinerary.departure),
    arrival: clockTime(itinerary.arrival),
    arrivalDay: daysAfter(itinerary.arrival, itinerary.departure) > 0 ? messages.nextDay : null,
    duration: formatDuration(itinerary.durationSeconds, language, messages),
    changes: rides.length === 0 ? messages.walkOnly : formatChanges(itinerary.changes, language, messages),
    walking: messages.onFoot(formatDuration(itinerary.walkSeconds, language, messages)),
    rides,
  };
}

/** One line of the steps of a trip: when, what to do, and the detail under it. */
export interface LegStep {
  time: string;
  text: string;
  detail: string | null;
}

export function describeLeg(leg: Leg, language: Language, messages: JourneyMessages): LegStep {
  const seconds = (Date.parse(leg.arrival) - Date.parse(leg.departure)) / 1000;
  if (leg.mode === 'walk') {
    const place = leg.to.name ? nameIn(leg.to.name, language) : messages.destination;
    return { time: clockTime(leg.departure), text: messages.walkLeg(formatDuration(seconds, language, messages), formatDistance(leg.distanceMetres, language), place), detail: null };
  }
  const passed = leg.intermediateStops.length + 1;
  return {
    time: clockTime(leg.departure),
    text: messages.rideLeg(leg.routeShortName, nameIn(leg.headsign ?? leg.to.name, language)),
    detail: [
      messages.board(nameIn(leg.from.name, language)),
      messages.alight(`${nameIn(leg.to.name, language)} (${clockTime(leg.arrival)})`),
      messages.rideLength(plural(language, passed, messages.stopsPassed), formatDuration(seconds, language, messages)),
    ].join(' · '),
  };
}

export type ItineraryBadge = keyof JourneyMessages['badges'];

/**
 * What makes each itinerary worth listing, when several are: the earliest arrival, the fewest vehicles, the
 * least walking (each badge on the first itinerary that has it, none when only one is offered).
 */
export function itineraryBadges(itineraries: readonly Itinerary[]): ItineraryBadge[][] {
  const badges: ItineraryBadge[][] = itineraries.map(() => []);
  if (itineraries.length < 2) return badges;
  const best = (cost: (itinerary: Itinerary) => number) => {
    let bestIndex = 0;
    itineraries.forEach((itinerary, index) => {
      if (cost(itinerary) < cost(itineraries[bestIndex]!)) bestIndex = index;
    });
    return bestIndex;
  };
  const rides = (itinerary: Itinerary) => itinerary.legs.filter((leg) => leg.mode !== 'walk').length;
  badges[best((itinerary) => Date.parse(itinerary.arrival))]!.push('fastest');
  badges[best(rides)]!.push('fewestChanges');
  badges[best((itinerary) => itinerary.walkSeconds)]!.push('leastWalking');
  return badges;
}

/**
 * The local time in Casablanca, as a datetime-local field and the API write it ("2026-12-08T08:30"), for
 * the time a rider sees first when choosing when to leave: Casablanca's now, whatever the device's zone.
 */
export function casablancaLocalTime(instantMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Casablanca',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instantMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}
