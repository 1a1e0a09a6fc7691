-- Nearest-neighbour and radius queries in metres (the query API) run on expression indexes in the local
-- metric projection, EPSG:26191 Merchich / Nord Maroc: planar distances there are within 0.1 % of
-- geodesic ones over the city, so KNN (<->) and ST_DWithin use an index and still mean metres.
CREATE INDEX road_segments_geom_26191_idx ON road_segments USING gist (ST_Transform(geom, 26191));
CREATE INDEX permits_geom_26191_idx ON permits USING gist (ST_Transform(geom, 26191));
CREATE INDEX establishments_geom_26191_idx ON establishments USING gist (ST_Transform(geom, 26191));
CREATE INDEX inspections_geom_26191_idx ON inspections USING gist (ST_Transform(geom, 26191));
CREATE INDEX transit_stops_geom_26191_idx ON transit_stops USING gist (ST_Transform(geom, 26191));
CREATE INDEX transit_routes_geom_26191_idx ON transit_routes USING gist (ST_Transform(geom, 26191));
CREATE INDEX admin_areas_geom_26191_idx ON admin_areas USING gist (ST_Transform(geom, 26191));
