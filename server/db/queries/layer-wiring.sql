-- What layers/wiring-check.ts compares with the registry: the search sources, the generalisation rules,
-- the user triggers and the CHECK constraints of the given tables. One JSON document, one round trip.
SELECT json_build_object(
  'searchSources', (SELECT coalesce(json_agg(s ORDER BY s.layer), '[]') FROM search_layer_sources AS s),
  'pointRules', (SELECT coalesce(json_agg(json_build_object('layer', r.layer, 'zoom', r.zoom, 'cellUnits', r.cell_units) ORDER BY r.layer, r.zoom), '[]') FROM tile_point_rules AS r),
  'lineZooms', (SELECT json_build_object('minzoom', min(zoom), 'maxzoom', max(zoom)) FROM tile_road_rules),
  'triggers', (SELECT coalesce(json_agg(json_build_object('table', c.relname, 'name', t.tgname)), '[]')
                 FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid JOIN pg_namespace AS n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND n.nspname = 'public' AND c.relname = ANY ($1::text[])),
  'checks', (SELECT coalesce(json_agg(json_build_object('table', c.relname, 'name', k.conname, 'definition', pg_get_constraintdef(k.oid))), '[]')
               FROM pg_constraint AS k JOIN pg_class AS c ON c.oid = k.conrelid JOIN pg_namespace AS n ON n.oid = c.relnamespace
              WHERE k.contype = 'c' AND n.nspname = 'public' AND c.relname = ANY ($1::text[]))
) AS wiring
