import { type IsoDate, weekdayOf } from './local-time.ts';

/** When one service runs: weekly pattern within a date range (calendar.txt) and exceptions (calendar_dates.txt). */
export interface ServiceInput {
  serviceId: string;
  /** Monday first; absent for a service defined by calendar_dates alone. */
  weekdays?: readonly boolean[];
  startDate?: IsoDate;
  endDate?: IsoDate;
  added?: readonly IsoDate[];
  removed?: readonly IsoDate[];
}

/** Answers "does service n run on this date?", the question every trip asks once per query. */
export class ServiceCalendar {
  readonly ids: readonly string[];
  readonly #services: readonly ServiceInput[];
  readonly #added: ReadonlySet<string>[];
  readonly #removed: ReadonlySet<string>[];
  readonly #cache = new Map<IsoDate, Uint8Array>();

  constructor(services: readonly ServiceInput[]) {
    this.ids = services.map((service) => service.serviceId);
    this.#services = services;
    this.#added = services.map((service) => new Set(service.added ?? []));
    this.#removed = services.map((service) => new Set(service.removed ?? []));
  }

  isActive(service: number, date: IsoDate): boolean {
    if (this.#removed[service]!.has(date)) return false;
    if (this.#added[service]!.has(date)) return true;
    const { weekdays, startDate, endDate } = this.#services[service]!;
    if (!weekdays || !startDate || !endDate || date < startDate || date > endDate) return false;
    return weekdays[weekdayOf(date)] === true;
  }

  /** 1 for each service running on the date (memoised: a timetable serves a few dates at a time). */
  activeOn(date: IsoDate): Uint8Array {
    let active = this.#cache.get(date);
    if (!active) {
      active = Uint8Array.from(this.ids, (_, index) => (this.isActive(index, date) ? 1 : 0));
      if (this.#cache.size > 64) this.#cache.clear();
      this.#cache.set(date, active);
    }
    return active;
  }
}
