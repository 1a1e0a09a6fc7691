import type { TransitMode } from './transit-types.ts';

/** GTFS time "HH:MM:SS" -> seconds (hours may pass 24). */
export const hours = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return h! * 3600 + m! * 60;
};

/** One period of a frequency-based service: departures from the first stop every `headwayMin` minutes. */
export interface ServicePeriod {
  start: string;
  end: string;
  headwayMin: number;
}

/** The sample's two calendars: Monday to Friday, and weekends (with public holidays). */
export type SampleService = 'WEEKDAY' | 'WEEKEND';

/** The calendar's validity, YYYYMMDD. */
export const SERVICE_START = '20260101';
export const SERVICE_END = '20281231';

/**
 * Headways modelled on what the operators publish in general terms: trams every 6 minutes at peak hours
 * and 8 to 12 off-peak, the busway a little less often, city buses every 15 to 25 minutes. On weekends
 * trams and line 7 run past midnight (GTFS times after 24:00), which the journey planner must handle.
 */
export const SERVICE_PLANS: Readonly<Record<TransitMode, Record<SampleService, ServicePeriod[]>>> = {
  tram: {
    WEEKDAY: [
      { start: '05:30', end: '07:00', headwayMin: 10 },
      { start: '07:00', end: '09:30', headwayMin: 6 },
      { start: '09:30', end: '16:30', headwayMin: 8 },
      { start: '16:30', end: '19:30', headwayMin: 6 },
      { start: '19:30', end: '23:00', headwayMin: 12 },
    ],
    WEEKEND: [
      { start: '06:00', end: '23:00', headwayMin: 10 },
      { start: '23:00', end: '25:00', headwayMin: 20 },
    ],
  },
  brt: {
    WEEKDAY: [
      { start: '06:00', end: '09:30', headwayMin: 8 },
      { start: '09:30', end: '16:30', headwayMin: 12 },
      { start: '16:30', end: '19:30', headwayMin: 8 },
      { start: '19:30', end: '22:30', headwayMin: 15 },
    ],
    WEEKEND: [{ start: '07:00', end: '22:30', headwayMin: 15 }],
  },
  bus: {
    WEEKDAY: [
      { start: '06:00', end: '09:30', headwayMin: 15 },
      { start: '09:30', end: '16:30', headwayMin: 20 },
      { start: '16:30', end: '19:30', headwayMin: 15 },
      { start: '19:30', end: '21:30', headwayMin: 25 },
    ],
    WEEKEND: [{ start: '07:00', end: '21:30', headwayMin: 25 }],
  },
};

/** Line 7 (Casa Port - Aïn Diab, the corniche) keeps a night service on weekends. */
export const NIGHT_SERVICE: Readonly<Record<string, ServicePeriod>> = {
  '7': { start: '21:30', end: '25:30', headwayMin: 30 },
};

/** Average speed between stops (km/h) and dwell at each stop (seconds), per mode. */
export const RUNNING: Readonly<Record<TransitMode, { kmh: number; dwellS: number }>> = {
  tram: { kmh: 20, dwellS: 20 },
  brt: { kmh: 22, dwellS: 20 },
  bus: { kmh: 16, dwellS: 0 },
};

/**
 * Moroccan public holidays on fixed dates (New Year, Independence Manifesto, Labour Day, Throne Day,
 * Oued Ed-Dahab, Revolution of the King and the People, Youth Day, Green March, Independence Day). On a
 * weekday they run the weekend service: calendar_dates removes WEEKDAY and adds WEEKEND.
 */
export const FIXED_HOLIDAYS = ['01-01', '01-11', '05-01', '07-30', '08-14', '08-20', '08-21', '11-06', '11-18'];

/** The weekday holidays of the service period, YYYYMMDD. */
export function weekdayHolidays(): string[] {
  const dates: string[] = [];
  for (let year = Number(SERVICE_START.slice(0, 4)); year <= Number(SERVICE_END.slice(0, 4)); year += 1) {
    for (const monthDay of FIXED_HOLIDAYS) {
      const [month, day] = monthDay.split('-').map(Number);
      const weekday = new Date(Date.UTC(year, month! - 1, day)).getUTCDay();
      if (weekday !== 0 && weekday !== 6) dates.push(`${year}${monthDay.replace('-', '')}`);
    }
  }
  return dates;
}
