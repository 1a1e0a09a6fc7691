-- Every feature knows the admin area it lies in (an admin area too: an arrondissement itself, a
-- préfecture the arrondissement holding its representative point): `area_id`, the most specific area (an arrondissement
-- rather than its préfecture; the lowest id between equals) holding the feature's representative point
-- (ST_PointOnSurface). Statistics per area are then a GROUP BY instead of a spatial join of every feature
-- with every area (permits by arrondissement on the benchmark dataset: about 300 ms -> a few ms).
--
-- A row trigger sets it in the writer's transaction (one index probe of the few admin areas per row); a
-- change of the admin areas themselves re-locates the features of every layer, set-based.

-- The most specific admin area holding the point, or NULL outside them all.
CREATE FUNCTION admin_area_at(point geometry) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.id FROM admin_areas AS a
   WHERE a.geom && point AND ST_Intersects(a.geom, point)
   ORDER BY a.parent_id IS NULL, a.id
   LIMIT 1
$$;

-- BEFORE INSERT OR UPDATE OF geom trigger of every located layer (its geometry column is `geom`). The
-- lookup is admin_area_at's, written inline so that PL/pgSQL keeps one cached plan for it (a bulk import
-- runs it once per row).
CREATE FUNCTION feature_area_assign() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  point geometry := ST_PointOnSurface(NEW.geom);
BEGIN
  NEW.area_id := (SELECT a.id FROM admin_areas AS a
                   WHERE a.geom && point AND ST_Intersects(a.geom, point)
                   ORDER BY a.parent_id IS NULL, a.id
                   LIMIT 1);
  RETURN NEW;
END;
$$;

-- Relocating a feature is not an edit: its version and updated time stay (bump_row_version of 0001 is
-- told so for the rest of the transaction).
CREATE OR REPLACE FUNCTION bump_row_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('casa_sig.relocating', true) = 'on' THEN
    RETURN NEW;
  END IF;
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  NEW.created_at := OLD.created_at;
  RETURN NEW;
END;
$$;

-- Re-locates every feature of one layer (after the admin areas changed, or to repair).
CREATE FUNCTION feature_area_refresh(layer_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('casa_sig.relocating', 'on', true);
  EXECUTE format('UPDATE %s AS t SET area_id = admin_area_at(ST_PointOnSurface(t.geom))
                   WHERE t.area_id IS DISTINCT FROM admin_area_at(ST_PointOnSurface(t.geom))', layer_table);
  PERFORM set_config('casa_sig.relocating', 'off', true);
END;
$$;

-- Wires a layer table: the column, its index, the trigger, and its features located now. Idempotent.
CREATE FUNCTION feature_area_attach(layer_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ADD COLUMN IF NOT EXISTS area_id bigint', layer_table);
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (area_id)', (SELECT relname FROM pg_class WHERE oid = layer_table) || '_area_idx', layer_table);
  EXECUTE format('CREATE OR REPLACE TRIGGER locate_in_area BEFORE INSERT OR UPDATE OF geom ON %s FOR EACH ROW EXECUTE FUNCTION feature_area_assign()', layer_table);
  PERFORM feature_area_refresh(layer_table);
END;
$$;

-- When admin areas are added, reshaped or removed, the features of every located layer follow.
CREATE FUNCTION feature_area_areas_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  located regclass;
BEGIN
  FOR located IN SELECT DISTINCT t.tgrelid::regclass FROM pg_trigger AS t WHERE t.tgname = 'locate_in_area' LOOP
    PERFORM feature_area_refresh(located);
  END LOOP;
  RETURN NULL;
END;
$$;
CREATE TRIGGER admin_areas_relocate_features AFTER INSERT OR DELETE OR UPDATE OF geom, parent_id ON admin_areas
  FOR EACH STATEMENT EXECUTE FUNCTION feature_area_areas_changed();

SELECT feature_area_attach(layer_table::regclass)
  FROM unnest(ARRAY['admin_areas', 'road_segments', 'permits', 'establishments', 'inspections', 'transit_routes', 'transit_stops']) AS layer_table;
