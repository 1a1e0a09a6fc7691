-- Unknown is a value (issue 13): what a source does not say stays NULL instead of a made-up default.
-- Before, every road imported from OpenStreetMap was asphalt, in good condition, with sidewalks on both
-- sides, lit and two-way, because these columns were NOT NULL with defaults; the public map coloured all
-- of them "good". The registry marks these properties isUnknownWhenNull: legends and details say "unknown".
ALTER TABLE road_segments
  ALTER COLUMN surface DROP NOT NULL, ALTER COLUMN surface DROP DEFAULT,
  ALTER COLUMN condition DROP NOT NULL, ALTER COLUMN condition DROP DEFAULT,
  ALTER COLUMN sidewalks DROP NOT NULL, ALTER COLUMN sidewalks DROP DEFAULT,
  ALTER COLUMN is_lit DROP NOT NULL, ALTER COLUMN is_lit DROP DEFAULT,
  ALTER COLUMN is_one_way DROP NOT NULL, ALTER COLUMN is_one_way DROP DEFAULT;

-- A source may name an area in French only (a préfecture derived by dissolving its arrondissements).
ALTER TABLE admin_areas ALTER COLUMN name_ar DROP NOT NULL;

-- The id a feature has in the source it was imported from (an OpenStreetMap way id), so that importing a
-- newer extract updates the features it already gave instead of adding them again (`npm run import --
-- <layer> <file> --key <attribute>`). One row per imported feature of any layer, keyed by the attribute
-- that holds the id, so that two sources never mix; features drawn by hand have none. A key whose feature
-- was deleted since stays until the next keyed import of that source, which creates the feature again.
CREATE TABLE feature_source_keys (
  layer       text NOT NULL,
  key_name    text NOT NULL CHECK (length(key_name) BETWEEN 1 AND 200),
  key_value   text NOT NULL CHECK (length(key_value) BETWEEN 1 AND 200),
  feature_id  bigint NOT NULL,
  PRIMARY KEY (layer, key_name, key_value)
);
CREATE UNIQUE INDEX feature_source_keys_feature_idx ON feature_source_keys (layer, key_name, feature_id);
