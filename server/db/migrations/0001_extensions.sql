-- PostGIS for geometry and ST_AsMVT; pg_trgm and unaccent for bilingual, typo-tolerant search.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Small key/value facts about this database (for example whether the sample data was loaded).
CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every editable row carries a version (optimistic locking) and created/updated times.
-- The trigger bumps both on every UPDATE so no write path can forget to.
CREATE FUNCTION bump_row_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  NEW.created_at := OLD.created_at;
  RETURN NEW;
END;
$$;
