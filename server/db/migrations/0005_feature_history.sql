-- Every committed write to a layer, in commit order: the history of each feature, the source of
-- "as of" reads and the change feed that the city's other software polls.

CREATE SEQUENCE feature_change_seq AS bigint;

CREATE TABLE feature_history (
  -- Commit order. Writers take FEATURE_CHANGE_LOCK (server/features/history.ts) before drawing numbers
  -- and hold it until commit, so a number is visible only after every smaller one is committed: a poller
  -- reading "seq > cursor" never misses a change and never sees one twice.
  seq           bigint PRIMARY KEY,
  layer         text NOT NULL CHECK (layer ~ '^[a-z][a-z0-9_]*$'),
  feature_id    bigint NOT NULL,
  -- The feature's version after the change; a delete takes the next number too, so the versions of one
  -- feature strictly increase through deletes and restores.
  version       integer NOT NULL CHECK (version >= 1),
  operation     text NOT NULL CHECK (operation IN ('create', 'replace', 'update', 'delete', 'restore', 'import')),
  -- "user:<name>" or "key:<prefix>".
  author        text NOT NULL,
  reason        text CHECK (length(reason) <= 1000),
  committed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The whole feature (GeoJSON, every property including personal ones) before and after; null when absent.
  before        jsonb,
  after         jsonb,
  warnings      jsonb NOT NULL DEFAULT '[]',
  CHECK (before IS NOT NULL OR after IS NOT NULL),
  CHECK ((operation = 'delete') = (after IS NULL))
);
CREATE UNIQUE INDEX feature_history_version_idx ON feature_history (layer, feature_id, version);
CREATE INDEX feature_history_time_idx ON feature_history (layer, committed_at);
