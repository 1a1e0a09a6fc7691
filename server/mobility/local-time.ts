/** The time zone of every timetable casa-sig plans on (GTFS agency_timezone of Casablanca's operators). */
export const TIME_ZONE = 'Africa/Casablanca';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Casablanca's offset from UTC at an instant, in minutes (+60 most of the year, 0 during Ramadan). */
export function offsetMinutesAt(instantMs: number): number {
  const name = offsetFormat.formatToParts(instantMs).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant of a local wall-clock time in Casablanca. */
export function instantOfLocal(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - offsetMinutesAt(wall) * 60_000;
  return wall - offsetMinutesAt(first) * 60_000;
}

/** A calendar date as ISO "YYYY-MM-DD". */
export type IsoDate = string;

/** The local date in Casablanca at an instant. */
export function localDateAt(instantMs: number): IsoDate {
  const parts = Object.fromEntries(partsFormat.formatToParts(instantMs).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

/** Day of the week, Monday = 0 (calendar.txt's order). */
export function weekdayOf(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return (new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay() + 6) % 7;
}

/**
 * Where GTFS times of a service day count from: "noon minus 12 h" local time, which is midnight except on
 * days when the clocks change.
 */
export function serviceDayOrigin(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return instantOfLocal(year!, month!, day!, 12) - 12 * 3_600_000;
}

/** "2026-12-01T08:30[:00]" as Casablanca time, or with an explicit offset or Z; undefined when malformed. */
export function parseLocalIso(text: string): number | undefined {
  const match = LOCAL_ISO.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const zone = match[7];
  if (!zone) return instantOfLocal(year!, month!, day!, hour!, minute!, second!);
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  return utc - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

/** An instant as Casablanca local time with its offset: "2026-12-01T08:34:00+01:00". */
export function formatLocalIso(instantMs: number): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(instantMs).map((part) => [part.type, part.value]));
  const offset = offsetMinutesAt(instantMs);
  const sign = offset < 0 ? '-' : '+';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
