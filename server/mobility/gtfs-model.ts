/**
 * A GTFS feed as read from its files (https://gtfs.org/schedule/reference/), typed and checked. Times are
 * seconds after "noon minus 12 h" of the service day (so 25:10:00 is 90600); dates are ISO `YYYY-MM-DD`;
 * coordinates WGS 84 degrees. `line` is the CSV line each record came from.
 */
export interface GtfsAgency {
  agencyId: string;
  name: string;
  url: string;
  timezone: string;
  lang?: string;
  phone?: string;
}

export interface GtfsStop {
  line: number;
  stopId: string;
  code?: string;
  name?: string;
  lat?: number;
  lon?: number;
  locationType: number;
  parentStation?: string;
  wheelchairBoarding: number;
  platformCode?: string;
}

export interface GtfsRoute {
  line: number;
  routeId: string;
  agencyId?: string;
  shortName?: string;
  longName?: string;
  routeType: number;
  color?: string;
  textColor?: string;
  sortOrder?: number;
}

export interface GtfsTrip {
  line: number;
  tripId: string;
  routeId: string;
  serviceId: string;
  headsign?: string;
  shortName?: string;
  directionId?: number;
  blockId?: string;
  shapeId?: string;
  wheelchairAccessible: number;
}

export interface GtfsStopTime {
  line: number;
  tripId: string;
  stopSequence: number;
  stopId: string;
  /** Absent in the file for stops between timepoints; interpolated once the trip is read. */
  arrival?: number;
  departure?: number;
  stopHeadsign?: string;
  pickupType: number;
  dropOffType: number;
  shapeDistTraveled?: number;
  isTimepoint: boolean;
}

export interface GtfsCalendar {
  line: number;
  serviceId: string;
  /** Monday first. */
  weekdays: boolean[];
  startDate: string;
  endDate: string;
}

export interface GtfsCalendarDate {
  line: number;
  serviceId: string;
  date: string;
  /** 1: service added on that date; 2: removed. */
  exceptionType: 1 | 2;
}

export interface GtfsShapePoint {
  lat: number;
  lon: number;
  sequence: number;
  distance?: number;
}

export interface GtfsFrequency {
  line: number;
  tripId: string;
  start: number;
  end: number;
  headway: number;
  exactTimes: number;
}

export interface GtfsTransfer {
  line: number;
  fromStopId?: string;
  toStopId?: string;
  fromRouteId?: string;
  toRouteId?: string;
  fromTripId?: string;
  toTripId?: string;
  transferType: number;
  minTransferTime?: number;
}

export interface GtfsTranslation {
  tableName: string;
  fieldName: string;
  language: string;
  translation: string;
  recordId?: string;
  recordSubId?: string;
  fieldValue?: string;
}

export interface GtfsFeed {
  agencies: GtfsAgency[];
  stops: GtfsStop[];
  routes: GtfsRoute[];
  trips: GtfsTrip[];
  /** Grouped by trip, in stop_sequence order. */
  stopTimes: Map<string, GtfsStopTime[]>;
  calendars: GtfsCalendar[];
  calendarDates: GtfsCalendarDate[];
  /** Points of each shape in shape_pt_sequence order. */
  shapes: Map<string, GtfsShapePoint[]>;
  frequencies: GtfsFrequency[];
  transfers: GtfsTransfer[];
  translations: GtfsTranslation[];
  feedInfo?: Record<string, string>;
}
