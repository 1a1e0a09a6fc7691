-- The city's GTFS feed (https://gtfs.org/schedule/reference/), as imported by `npm run import:gtfs`,
-- in a schema of its own. One feed at a time: an import replaces every row in one transaction. Times
-- are seconds after "noon minus 12 h" of the service day (GTFS times, 25:10:00 = 90600). The layers
-- transit_routes and transit_stops are refreshed from these tables by the same transaction, keyed by
-- the feed's own route_id and stop_id (gtfs_route_id, gtfs_stop_id), so their features keep their ids
-- across imports.

CREATE SCHEMA gtfs;

-- The feed in place: what was imported, when, and its checksum (the timetable's version).
CREATE TABLE gtfs.feed (
  is_current   boolean PRIMARY KEY DEFAULT true CHECK (is_current),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name    text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  feed_info    jsonb,
  row_counts   jsonb NOT NULL
);

CREATE TABLE gtfs.agency (
  agency_id  text PRIMARY KEY,
  name       text NOT NULL,
  url        text NOT NULL,
  timezone   text NOT NULL,
  lang       text,
  phone      text
);

CREATE TABLE gtfs.stops (
  stop_id              text PRIMARY KEY,
  stop_code            text,
  name                 text,
  name_fr              text,
  name_ar              text,
  location_type        smallint NOT NULL DEFAULT 0 CHECK (location_type BETWEEN 0 AND 4),
  parent_station       text REFERENCES gtfs.stops (stop_id) DEFERRABLE INITIALLY DEFERRED,
  wheelchair_boarding  smallint NOT NULL DEFAULT 0 CHECK (wheelchair_boarding BETWEEN 0 AND 2),
  platform_code        text,
  geom                 geometry(Point, 4326)
);

CREATE TABLE gtfs.routes (
  route_id    text PRIMARY KEY,
  agency_id   text REFERENCES gtfs.agency (agency_id),
  short_name  text,
  long_name   text,
  name_fr     text NOT NULL,
  name_ar     text NOT NULL,
  route_type  integer NOT NULL,
  -- route_type read as casa-sig's modes (server/mobility/route-modes.ts).
  mode        text NOT NULL CHECK (mode IN ('tram', 'brt', 'bus', 'rail')),
  color       text CHECK (color ~ '^[0-9A-Fa-f]{6}$'),
  text_color  text CHECK (text_color ~ '^[0-9A-Fa-f]{6}$'),
  sort_order  integer
);

CREATE TABLE gtfs.shapes (
  shape_id   text PRIMARY KEY,
  geom       geometry(LineString, 4326) NOT NULL,
  -- shape_dist_traveled of each point when the feed gives it (null otherwise).
  distances  double precision[]
);

CREATE TABLE gtfs.trips (
  trip_id                text PRIMARY KEY,
  route_id               text NOT NULL REFERENCES gtfs.routes (route_id),
  service_id             text NOT NULL,
  headsign               text,
  headsign_fr            text,
  headsign_ar            text,
  short_name             text,
  direction_id           smallint CHECK (direction_id IN (0, 1)),
  block_id               text,
  shape_id               text REFERENCES gtfs.shapes (shape_id),
  wheelchair_accessible  smallint NOT NULL DEFAULT 0 CHECK (wheelchair_accessible BETWEEN 0 AND 2)
);
CREATE INDEX gtfs_trips_route_idx ON gtfs.trips (route_id);

CREATE TABLE gtfs.stop_times (
  trip_id              text NOT NULL REFERENCES gtfs.trips (trip_id),
  stop_sequence        integer NOT NULL CHECK (stop_sequence >= 0),
  stop_id              text NOT NULL REFERENCES gtfs.stops (stop_id),
  -- Seconds after noon minus 12 h; interpolated for stops the feed leaves without times (timepoint 0).
  arrival_s            integer NOT NULL CHECK (arrival_s >= 0),
  departure_s          integer NOT NULL CHECK (departure_s >= arrival_s),
  stop_headsign        text,
  pickup_type          smallint NOT NULL DEFAULT 0 CHECK (pickup_type BETWEEN 0 AND 3),
  drop_off_type        smallint NOT NULL DEFAULT 0 CHECK (drop_off_type BETWEEN 0 AND 3),
  shape_dist_traveled  double precision,
  is_timepoint         boolean NOT NULL DEFAULT true,
  PRIMARY KEY (trip_id, stop_sequence)
);
CREATE INDEX gtfs_stop_times_stop_idx ON gtfs.stop_times (stop_id);

CREATE TABLE gtfs.calendar (
  service_id  text PRIMARY KEY,
  -- Monday first, as in calendar.txt.
  weekdays    boolean[] NOT NULL CHECK (cardinality(weekdays) = 7),
  start_date  date NOT NULL,
  end_date    date NOT NULL CHECK (end_date >= start_date)
);

CREATE TABLE gtfs.calendar_dates (
  service_id      text NOT NULL,
  date            date NOT NULL,
  exception_type  smallint NOT NULL CHECK (exception_type IN (1, 2)),
  PRIMARY KEY (service_id, date)
);

CREATE TABLE gtfs.frequencies (
  trip_id      text NOT NULL REFERENCES gtfs.trips (trip_id),
  start_s      integer NOT NULL CHECK (start_s >= 0),
  end_s        integer NOT NULL CHECK (end_s > start_s),
  headway_s    integer NOT NULL CHECK (headway_s > 0),
  exact_times  smallint NOT NULL DEFAULT 0 CHECK (exact_times IN (0, 1)),
  PRIMARY KEY (trip_id, start_s)
);

CREATE TABLE gtfs.transfers (
  from_stop_id       text REFERENCES gtfs.stops (stop_id),
  to_stop_id         text REFERENCES gtfs.stops (stop_id),
  from_route_id      text REFERENCES gtfs.routes (route_id),
  to_route_id        text REFERENCES gtfs.routes (route_id),
  from_trip_id       text REFERENCES gtfs.trips (trip_id),
  to_trip_id         text REFERENCES gtfs.trips (trip_id),
  transfer_type      smallint NOT NULL DEFAULT 0 CHECK (transfer_type BETWEEN 0 AND 5),
  min_transfer_time  integer CHECK (min_transfer_time >= 0)
);

CREATE TABLE gtfs.translations (
  table_name     text NOT NULL,
  field_name     text NOT NULL,
  language       text NOT NULL,
  translation    text NOT NULL,
  record_id      text,
  record_sub_id  text,
  field_value    text
);

-- The layers keep the feed's identifiers; line codes and stop codes come from feeds now, so they take
-- what GTFS allows (route_short_name and stop_code are free text and need not be unique), and national rail is a mode.
ALTER TABLE transit_routes ADD COLUMN gtfs_route_id text UNIQUE;
ALTER TABLE transit_stops ADD COLUMN gtfs_stop_id text UNIQUE;
ALTER TABLE transit_routes DROP CONSTRAINT transit_routes_line_code_key;
ALTER TABLE transit_routes DROP CONSTRAINT transit_routes_line_code_check;
ALTER TABLE transit_routes ADD CONSTRAINT transit_routes_line_code_check
  CHECK (length(line_code) BETWEEN 1 AND 32 AND line_code !~ '[[:cntrl:]]');
ALTER TABLE transit_stops DROP CONSTRAINT transit_stops_code_key;
ALTER TABLE transit_stops DROP CONSTRAINT transit_stops_code_check;
ALTER TABLE transit_stops ADD CONSTRAINT transit_stops_code_check
  CHECK (length(code) BETWEEN 1 AND 64 AND code !~ '[[:cntrl:]]');
ALTER TABLE transit_routes DROP CONSTRAINT transit_routes_mode_check;
ALTER TABLE transit_routes ADD CONSTRAINT transit_routes_mode_check CHECK (mode IN ('tram', 'brt', 'bus', 'rail'));
ALTER TABLE transit_stops DROP CONSTRAINT transit_stops_mode_check;
ALTER TABLE transit_stops ADD CONSTRAINT transit_stops_mode_check CHECK (mode IN ('tram', 'brt', 'bus', 'rail'));
