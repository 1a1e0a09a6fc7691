import { type Language, localeOf } from './language.ts';

/** Times are shown in the city's own time zone, whatever the viewer's machine says. */
export const CITY_TIME_ZONE = 'Africa/Casablanca';

/** How much of an instant to show: a day, a day and a minute, or a day and a second (logs). */
export type InstantPrecision = 'day' | 'minute' | 'second';

/** Months are written out: the Moroccan locales abbreviate both juin and juillet to "jui.". */
const OPTIONS: Record<InstantPrecision, Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'long' },
  minute: { dateStyle: 'long', timeStyle: 'short' },
  second: { dateStyle: 'short', timeStyle: 'medium' },
};

/** An ISO instant in Casablanca's time, as the language writes it; a value that is not an instant as it came. */
export function formatInstant(iso: string, language: Language, precision: InstantPrecision = 'minute'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { ...OPTIONS[precision], timeZone: CITY_TIME_ZONE }).format(date);
}
