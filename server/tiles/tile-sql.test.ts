import { describe, expect, it } from 'vitest';
import { layerView } from '../auth/policy.ts';
import { PUBLIC_PRINCIPAL, type UserPrincipal } from '../auth/principal.ts';
import { buildTileQuery } from './tile-sql.ts';
import { LayerRegistry } from '../layers/registry.ts';

const registry = new LayerRegistry();
const permits = registry.find('permits')!;
const stops = registry.find('transit_stops')!;

describe('buildTileQuery', () => {
  it('binds z/x/y and the margin, names only registry columns, and leaves z14 lines to ST_AsMVTGeom', () => {
    const query = buildTileQuery(registry.find('road_segments')!, layerView(PUBLIC_PRINCIPAL, registry.find('road_segments')!, registry), { z: 14, x: 7844, y: 6567 });
    expect(query.values.slice(0, 3)).toEqual([14, 7844, 6567]);
    expect(query.values[3]).toBeCloseTo(64 / 4096);
    expect(query.values[4]).toBe('road_segments');
    expect(query.text).toMatchInlineSnapshot(`
      "WITH bounds AS (
        SELECT ST_TileEnvelope($1::integer, $2::integer, $3::integer) AS tile,
               ST_TileEnvelope($1::integer, $2::integer, $3::integer, margin => $4::double precision) AS search
      ), features AS (
        SELECT t."id" AS mvt_id,
               ST_AsMVTGeom(t."geom_3857", bounds.tile, 4096, 64, true) AS mvt_geom,
               t."name_fr" AS "name_fr",
               t."name_ar" AS "name_ar",
               t."road_class" AS "road_class",
               t."condition" AS "condition",
               t."is_one_way" AS "is_one_way"
        FROM "public"."road_segments" AS t, bounds
        WHERE t."geom_3857" && bounds.search
      )
      SELECT ST_AsMVT(features.*, $5::text, 4096, 'mvt_geom', 'mvt_id') AS mvt FROM features"
    `);
  });

  it('never selects personal columns for the public', () => {
    const query = buildTileQuery(permits, layerView(PUBLIC_PRINCIPAL, permits, registry), { z: 15, x: 0, y: 0 });
    for (const column of ['applicant_name', 'applicant_phone', 'applicant_email']) expect(query.text).not.toContain(column);
    expect(query.text).toContain('"reference"');
  });

  it('gives an inspector confined to areas the applicant and an area condition with bound ids', () => {
    const inspector: UserPrincipal = { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [7, 3] };
    const query = buildTileQuery(permits, layerView(inspector, permits, registry), { z: 15, x: 0, y: 0 });
    expect(query.text).toContain('t."applicant_name" AS "applicant_name"');
    expect(query.text).toContain('AND EXISTS (SELECT 1 FROM "public"."admin_areas" AS area WHERE area."id" = ANY($5::bigint[])');
    expect(query.values[4]).toEqual([7, 3]);
  });

  it('does not simplify points and flattens lists', () => {
    const query = buildTileQuery(stops, layerView(PUBLIC_PRINCIPAL, stops, registry), { z: 15, x: 0, y: 0 });
    expect(query.text).not.toContain('ST_Simplify');
    expect(query.text).toContain(`array_to_string(t."line_codes", ',') AS "line_codes"`);
    expect(query.values).toHaveLength(5);
  });

  it('escapes hostile registry names instead of splicing them', () => {
    const hostile = { ...stops, table: { schema: 'public', name: 'stops"; DROP TABLE x; --' } };
    const query = buildTileQuery(hostile, layerView(PUBLIC_PRINCIPAL, hostile, registry), { z: 15, x: 0, y: 0 });
    expect(query.text).toContain('"public"."stops""; DROP TABLE x; --"');
  });

  it('reads the generalised store at low zooms, with layer and zoom bound and the properties from the table', () => {
    const roads = registry.find('road_segments')!;
    const query = buildTileQuery(roads, layerView(PUBLIC_PRINCIPAL, roads, registry), { z: 10, x: 490, y: 410 });
    expect(query.text).toMatchInlineSnapshot(`
      "WITH bounds AS (
        SELECT ST_TileEnvelope($1::integer, $2::integer, $3::integer) AS tile,
               ST_TileEnvelope($1::integer, $2::integer, $3::integer, margin => $4::double precision) AS search
      ), features AS (
        SELECT t."id" AS mvt_id,
               ST_AsMVTGeom(g."geom", bounds.tile, 4096, 64, true) AS mvt_geom,
               t."name_fr" AS "name_fr",
               t."name_ar" AS "name_ar",
               t."road_class" AS "road_class",
               t."condition" AS "condition",
               t."is_one_way" AS "is_one_way"
        FROM "public"."tile_generalised" AS g
        JOIN "public"."road_segments" AS t ON t."id" = g."feature_id", bounds
        WHERE g."layer" = $5::text AND g."zoom" = $1::integer
          AND g."geom" && bounds.search
      )
      SELECT ST_AsMVT(features.*, $6::text, 4096, 'mvt_geom', 'mvt_id') AS mvt FROM features"
    `);
    expect(query.values).toEqual([10, 490, 410, 64 / 4096, 'road_segments', 'road_segments']);
  });

  it.each([
    ['road_segments', 10, true],
    ['road_segments', 13, true],
    ['road_segments', 14, false],
    ['permits', 11, true],
    ['permits', 14, false],
    ['inspections', 12, true],
    ['transit_stops', 12, false],
    ['admin_areas', 10, false],
  ])('%s at z%i reads the generalised store: %s', (id, z, isGeneralised) => {
    const layer = registry.find(id)!;
    const query = buildTileQuery(layer, layerView(PUBLIC_PRINCIPAL, layer, registry), { z, x: 0, y: 0 });
    expect(query.text.includes('"tile_generalised"')).toBe(isGeneralised);
  });

  it('keeps the area confinement on the layer table when reading the generalised store', () => {
    const inspector: UserPrincipal = { kind: 'user', role: 'inspector', userId: 1, username: 'i', sessionId: 1, areaIds: [4] };
    const query = buildTileQuery(permits, layerView(inspector, permits, registry), { z: 12, x: 1961, y: 1641 });
    expect(query.text).toContain('"tile_generalised" AS g');
    expect(query.text).toContain('ST_Intersects(area."geom", t."geom")');
    expect(query.values).toContainEqual([4]);
    expect(query.text).toContain('t."applicant_name" AS "applicant_name"');
  });

  it('simplifies lines and polygons read from the table by one tile unit up to z13', () => {
    const areas = registry.find('admin_areas')!;
    const query = buildTileQuery(areas, layerView(PUBLIC_PRINCIPAL, areas, registry), { z: 12, x: 1958, y: 1641 });
    expect(query.text).toContain('ST_AsMVTGeom(ST_Simplify(t."geom_3857", $5::double precision, true)');
    expect(query.values[4]).toBeCloseTo(2.389, 3); // one tile unit at z12, in metres
    expect(buildTileQuery(areas, layerView(PUBLIC_PRINCIPAL, areas, registry), { z: 14, x: 7844, y: 6567 }).text).not.toContain('ST_Simplify');
  });

  it('reads the layer table at any zoom when asked to (the ungeneralised reference)', () => {
    const roads = registry.find('road_segments')!;
    const query = buildTileQuery(roads, layerView(PUBLIC_PRINCIPAL, roads, registry), { z: 10, x: 490, y: 410 }, { source: 'table' });
    expect(query.text).not.toContain('tile_generalised');
    expect(query.text).toContain('ST_Simplify(t."geom_3857"');
  });
});
