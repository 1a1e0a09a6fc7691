-- The per-layer wiring of search and tile generalisation becomes data, so that adding a layer is its
-- registry file plus a migration that inserts rows and calls the attach functions below, and so that the
-- server can compare the wiring with the registry at start (layers/wiring-check.ts): each mismatch is
-- reported with the layer and the column, and the server refuses to start.
--
-- Before: search_entry_columns() was a CASE over layer ids, search_entries.kind and tile_point_rules.layer
-- had CHECK lists of layer ids, and nothing compared any of them with the registry.

-- What a searchable layer copies into search_entries (never a personal column): the registry's `search`
-- declaration, column by column. Streets (road segments grouped by name) keep their own functions (0006).
CREATE TABLE search_layer_sources (
  layer           text PRIMARY KEY,
  kind            text NOT NULL UNIQUE,
  name_fr_column  text,
  name_ar_column  text,
  code_column     text,
  subtype_column  text NOT NULL,
  -- API name -> column of the small extras shown with a result (a stop's lines, a line's colour).
  detail_columns  jsonb NOT NULL DEFAULT '{}'
);
INSERT INTO search_layer_sources (layer, kind, name_fr_column, name_ar_column, code_column, subtype_column, detail_columns) VALUES
  ('admin_areas', 'admin_area', 'name_fr', 'name_ar', 'code', 'level', '{}'),
  ('transit_stops', 'transit_stop', 'name_fr', 'name_ar', 'code', 'mode', '{"line_codes": "line_codes"}'),
  ('transit_routes', 'transit_route', 'name_fr', 'name_ar', 'line_code', 'mode', '{"colour": "colour"}'),
  ('establishments', 'establishment', 'name_fr', 'name_ar', NULL, 'category', '{}'),
  ('permits', 'permit', NULL, NULL, 'reference', 'kind', '{}');

ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;

-- The SELECT list a layer contributes, over a row `r` of its table (or of a transition table):
-- feature_id, kind, name_fr, name_ar, code, subtype, details, geom.
CREATE OR REPLACE FUNCTION search_entry_columns(layer_id text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT format('r.id, %L, %s, %s, %s, r.%I, %s, r.geom',
           s.kind,
           coalesce('r.' || quote_ident(s.name_fr_column), 'NULL'),
           coalesce('r.' || quote_ident(s.name_ar_column), 'NULL'),
           coalesce('r.' || quote_ident(s.code_column), 'NULL'),
           s.subtype_column,
           coalesce((SELECT 'jsonb_build_object(' || string_agg(format('%L, to_jsonb(r.%I)', d.key, d.value), ', ' ORDER BY d.key) || ')'
                       FROM jsonb_each_text(s.detail_columns) AS d), '''{}''::jsonb'))
    FROM search_layer_sources AS s
   WHERE s.layer = layer_id
$$;

-- ON CONFLICT: a row inserted and then updated by another trigger of the same statement (its admin area,
-- migration 0012) already has its entry when the statement's insert trigger runs.
CREATE OR REPLACE FUNCTION search_entries_insert_sql(layer_id text, source text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT format(
    'INSERT INTO search_entries (layer, feature_id, kind, name_fr, name_ar, code, subtype, details, geom) SELECT %L, %s FROM %s AS r ON CONFLICT (layer, feature_id) DO NOTHING',
    layer_id, search_entry_columns(layer_id), source)
$$;

-- Wires a layer listed in search_layer_sources (its table is named like the layer): the four statement
-- triggers, and its entries (re)built now. Idempotent: run it again after changing the layer's row.
CREATE FUNCTION search_layer_attach(layer_id text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_layer_sources WHERE layer = layer_id) THEN
    RAISE EXCEPTION 'layer % is not in search_layer_sources', layer_id;
  END IF;
  EXECUTE format('CREATE OR REPLACE TRIGGER search_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER search_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER search_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER search_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION search_entries_sync(%L)', layer_id, layer_id);
  DELETE FROM search_entries WHERE layer = layer_id;
  EXECUTE search_entries_insert_sql(layer_id, quote_ident(layer_id));
END;
$$;

-- Point generalisation for any layer: the layer ids of tile_point_rules are whatever the registry says.
ALTER TABLE tile_point_rules DROP CONSTRAINT tile_point_rules_layer_check;

-- Wires a layer whose rules are in tile_point_rules (its table is named like the layer): its partition of
-- tile_generalised, the statement triggers of 0004, and its generalised rows built now. Idempotent.
CREATE FUNCTION tile_points_attach(layer_id text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tile_point_rules WHERE layer = layer_id) THEN
    RAISE EXCEPTION 'layer % has no tile_point_rules', layer_id;
  END IF;
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF tile_generalised FOR VALUES IN (%L)', 'tile_generalised_' || layer_id, layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_points_inserted()', layer_id || '_tiles_insert', layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_points_updated()', layer_id || '_tiles_update', layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tile_points_deleted()', layer_id || '_tiles_delete', layer_id);
  EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_truncated()', layer_id || '_tiles_truncate', layer_id);
  PERFORM tile_generalisation_rebuild(layer_id);
END;
$$;
