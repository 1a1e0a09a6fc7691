-- pg_restore recreates tables with an empty search_path, and search_entries' generated columns inline
-- search_representative_point, whose PostGIS calls were not schema-qualified: a backup of this database
-- could not be restored (npm run db:restore). The same function, its calls qualified like the other
-- search functions of 0006.
CREATE OR REPLACE FUNCTION search_representative_point(geom geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN public.ST_Dimension(geom) = 1 THEN public.ST_ClosestPoint(geom, public.ST_Centroid(geom)) ELSE public.ST_PointOnSurface(geom) END
$$;
