import type { CellGrid, LonLat } from './geo.ts';
import type { BilingualName } from './gtfs-names.ts';
import type { TransitMode } from './route-modes.ts';
import type { ServiceCalendar, ServiceInput } from './service-calendar.ts';
import type { StreetSnap, WalkingNetwork } from './walking-network.ts';

/** One stop where people board or alight, with the lines of the map's modes. */
export interface TimetableStop {
  stopId: string;
  code: string;
  name: BilingualName;
  position: LonLat;
  /** The mode of most of its calls (undefined for a stop no trip serves). */
  mode?: TransitMode;
  wheelchairBoarding: number;
}

export interface TimetableRoute {
  routeId: string;
  shortName: string;
  name: BilingualName;
  mode: TransitMode;
  /** #rrggbb. */
  colour: string;
  textColour: string;
  agencyName: string;
}

/**
 * Trips that call at the same stops in the same order, sorted so that no trip overtakes another (RAPTOR's
 * "route"): the earliest trip leaving a stop after a time is found by binary search. Times (seconds after
 * the service day's origin, as in GTFS) are flat arrays: trip t at position i is [t * stops.length + i].
 */
export interface Pattern {
  index: number;
  route: number;
  directionId: number;
  headsign: BilingualName | undefined;
  stops: Int32Array;
  /** 1 where passengers may board (pickup_type != 1) / alight (drop_off_type != 1). */
  canBoard: Uint8Array;
  canAlight: Uint8Array;
  arrivals: Int32Array;
  departures: Int32Array;
  /** Service index of each trip (ServiceCalendar). */
  services: Int32Array;
  tripIds: string[];
  shapeId: string | undefined;
  /** Earliest departure and latest arrival of any trip, to skip the pattern on days it cannot help. */
  firstTime: number;
  lastTime: number;
}

/** A walk from one stop to another, precomputed when the timetable is built. */
export interface Footpath {
  to: number;
  seconds: number;
  metres: number;
  /** True when measured along streets, false for a straight line with a detour factor. */
  isStreet: boolean;
  /** Set when transfers.txt fixed a minimum transfer time for this pair. */
  minTransferSeconds?: number;
}

/** The whole network in memory, in one direction of time (see reverseTimetable for arrive-by queries). */
export interface Timetable {
  /** The feed's checksum: a timetable is rebuilt when it changes. */
  version: string;
  /** +1: times grow forward; -1: a mirrored copy in which times are negated and patterns run backwards. */
  direction: 1 | -1;
  stops: TimetableStop[];
  stopIndex: ReadonlyMap<string, number>;
  routes: TimetableRoute[];
  patterns: Pattern[];
  /** The patterns calling at each stop, with the stop's position in each. */
  stopPatterns: { pattern: number; position: number }[][];
  footpaths: Footpath[][];
  /** Minimum time to change vehicles without leaving a stop, per stop; -1 where transfers.txt forbids it. */
  changeSeconds: Int32Array;
  services: ServiceCalendar;
  walking: WalkingNetwork | undefined;
  /** Where each stop meets the street network (undefined: too far from any street). */
  stopSnaps: (StreetSnap | undefined)[];
  /** Courses of the vehicles (shapes.txt), to draw journey legs. */
  shapes: ReadonlyMap<string, LonLat[]>;
  /** Stop indices by cell of a local projection, to find stops near a point. */
  stopGrid: CellGrid<number>;
  /** For a mirrored timetable, its forward original. */
  forward?: Timetable;
}

/** One call of an input trip. Times in seconds after the service day's origin. */
export interface StopTimeInput {
  stopId: string;
  arrival: number;
  departure: number;
  canBoard?: boolean;
  canAlight?: boolean;
}

export interface TripInput {
  tripId: string;
  routeId: string;
  serviceId: string;
  directionId?: number;
  headsign?: BilingualName;
  shapeId?: string;
  stopTimes: StopTimeInput[];
  /** frequencies.txt: the trip is a template repeated every `headway` seconds from `start` until `end`. */
  frequencies?: { start: number; end: number; headway: number }[];
}

export interface TransferInput {
  fromStopId: string;
  toStopId: string;
  /** GTFS transfer_type: 0 recommended, 1 timed, 2 minimum time, 3 not possible. */
  type: number;
  minTransferSeconds?: number;
}

/** What a timetable is built from: read from the gtfs tables, or written by hand in tests. */
export interface TimetableInput {
  version: string;
  stops: TimetableStop[];
  routes: TimetableRoute[];
  trips: TripInput[];
  services: ServiceInput[];
  transfers?: TransferInput[];
  shapes?: ReadonlyMap<string, LonLat[]>;
}
