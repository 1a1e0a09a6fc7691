-- Two writers of one thinning cell (two inspections recorded at once at the same establishment, two permits
-- on one parcel) each deleted the cell's representative and inserted the lowest id they could see: both
-- inserted the same row, and the second failed on the primary key (409), or an empty cell got two
-- representatives. Now a writer locks what it re-picks, until it commits, so the second waits and re-picks
-- with the first one's rows visible: an edit (a few cells) holds the layer's lock shared and locks its cells
-- in a fixed order; a bulk write (an import, the sample data: thousands of cells, more than the lock table
-- holds) takes the layer's lock alone.
CREATE OR REPLACE FUNCTION tile_refresh_point_cells(layer_id text, source regclass, points geometry[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM tile_point_cells(layer_id, points)) > 64 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended(layer_id, 727003));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtextextended(layer_id, 727003));
    PERFORM pg_advisory_xact_lock(hashtextextended(format('%s/%s/%s/%s', layer_id, c.zoom, c.cell_x, c.cell_y), 727004))
       FROM (SELECT * FROM tile_point_cells(layer_id, points) ORDER BY zoom, cell_x, cell_y) AS c;
  END IF;
  DELETE FROM tile_generalised g USING tile_point_cells(layer_id, points) c
   WHERE g.layer = layer_id AND g.zoom = c.zoom AND g.cell_x = c.cell_x AND g.cell_y = c.cell_y;
  EXECUTE format($sql$
    WITH touched AS MATERIALIZED (
      SELECT c.*, ST_Transform(ST_MakeEnvelope(
               c.cell_x * c.cell_size - 20037508.342789244, 20037508.342789244 - (c.cell_y + 1) * c.cell_size,
               (c.cell_x + 1) * c.cell_size - 20037508.342789244, 20037508.342789244 - c.cell_y * c.cell_size,
               3857), 4326) AS box
        FROM tile_point_cells($1, $2) c
    ), candidate AS MATERIALIZED (
      SELECT c.zoom, c.cell_x, c.cell_y, c.cell_size, s.id, ST_Transform(ST_PointOnSurface(s.geom), 3857) AS point
        FROM touched c JOIN %s s ON s.geom && c.box
    )
    INSERT INTO tile_generalised (layer, zoom, feature_id, cell_x, cell_y, geom)
    SELECT DISTINCT ON (zoom, cell_x, cell_y) $1, zoom, id, cell_x, cell_y, point
      FROM candidate
     WHERE floor((ST_X(point) + 20037508.342789244) / cell_size)::integer = cell_x
       AND floor((20037508.342789244 - ST_Y(point)) / cell_size)::integer = cell_y
     ORDER BY zoom, cell_x, cell_y, id
  $sql$, source) USING layer_id, points;
END;
$$;
