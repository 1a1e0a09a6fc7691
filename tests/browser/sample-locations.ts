import type pg from 'pg';
import { ident } from '../../server/db/sql.ts';
import type { LayerDefinition } from '../../server/layers/layer-definition.ts';
import { LayerRegistry } from '../../server/layers/registry.ts';
import { RegionService } from '../../server/layers/region.ts';

/**
 * Where the browser tests look: the feature of a layer nearest the city centre (the middle of the region's home), read from the database
 * the app serves, so the tests follow whatever the sample data holds. Names come from the registry.
 */

const registry = new LayerRegistry();

/** A place on a feature (EPSG:4326 degrees) with the feature's id and names. */
export interface FeatureLocation {
  id: number;
  longitude: number;
  latitude: number;
  nameFr: string | null;
  nameAr: string | null;
}

function layerOf(layerId: string): LayerDefinition {
  const layer = registry.find(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  return layer;
}

function nameColumn(layer: LayerDefinition, language: 'fr' | 'ar'): string | undefined {
  const name = layer.nameProperties?.[language];
  return name ? layer.properties[name]?.column : undefined;
}

/**
 * The feature of `layerId` nearest the city centre, located at a point on it (the middle of a line, a
 * point inside an area). With `isNamed`, only features with both a French and an Arabic name.
 * Throws when the layer holds no such feature, naming what the sample data lacks.
 */
export async function findFeatureNearCentre(pool: pg.Pool, layerId: string, isNamed = false): Promise<FeatureLocation> {
  const layer = layerOf(layerId);
  const geometry = `t.${ident(layer.geometry.column)}`;
  const nameFr = nameColumn(layer, 'fr');
  const nameAr = nameColumn(layer, 'ar');
  if (isNamed && (!nameFr || !nameAr)) throw new Error(`layer ${layerId} has no name properties`);
  const isLine = layer.geometry.types.every((type) => type === 'LineString');
  const place = isLine ? `ST_LineInterpolatePoint(${geometry}, 0.5)` : `ST_PointOnSurface(${geometry})`;
  const names = `${nameFr ? `t.${ident(nameFr)}` : 'NULL::text'} AS name_fr, ${nameAr ? `t.${ident(nameAr)}` : 'NULL::text'} AS name_ar`;
  const namedOnly = isNamed ? `WHERE t.${ident(nameFr ?? '')} IS NOT NULL AND t.${ident(nameAr ?? '')} IS NOT NULL` : '';
  const [centreLon, centreLat] = (await new RegionService(pool, registry, { marginKm: 0 }).current()).center;
  const result = await pool.query<{ id: number; longitude: number; latitude: number; name_fr: string | null; name_ar: string | null }>(
    `SELECT t.${ident(layer.idColumn)}::double precision AS id, ST_X(${place}) AS longitude, ST_Y(${place}) AS latitude, ${names}
       FROM ${ident(layer.table.schema, layer.table.name)} AS t
       ${namedOnly}
      ORDER BY ${geometry} <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)
      LIMIT 1`,
    [centreLon, centreLat],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`the sample database holds no ${isNamed ? 'named ' : ''}${layerId}: load the sample data first`);
  return { id: Number(row.id), longitude: row.longitude, latitude: row.latitude, nameFr: row.name_fr, nameAr: row.name_ar };
}

/** A feature inside an admin area, with the values of some of its properties (by API name). */
export interface FeatureInArea extends FeatureLocation {
  values: Record<string, unknown>;
}

/**
 * The feature of `layerId` nearest the middle of the admin area with this official code, among those
 * inside it (where an inspector confined to that area sees them), with the values of `propertyNames`.
 * Only point features when the layer has any: they are drawn whole at any zoom, so a click finds them.
 */
export async function findFeatureInArea(pool: pg.Pool, layerId: string, areaCode: string, propertyNames: string[] = []): Promise<FeatureInArea> {
  const layer = layerOf(layerId);
  const areas = layerOf('admin_areas');
  const codeColumn = areas.properties.code?.column;
  if (!codeColumn) throw new Error('admin_areas has no code property');
  const geometry = `t.${ident(layer.geometry.column)}`;
  const areaGeometry = `a.${ident(areas.geometry.column)}`;
  const values = propertyNames.map((name) => {
    const column = layer.properties[name]?.column;
    if (!column) throw new Error(`layer ${layerId} has no property ${name}`);
    return `t.${ident(column)} AS ${ident(`value:${name}`)}`;
  });
  const pointsFirst = layer.geometry.types.includes('Point') ? `GeometryType(${geometry}) <> 'POINT',` : '';
  const result = await pool.query<Record<string, unknown> & { id: number; longitude: number; latitude: number }>(
    `SELECT t.${ident(layer.idColumn)}::double precision AS id,
            ST_X(ST_PointOnSurface(${geometry})) AS longitude, ST_Y(ST_PointOnSurface(${geometry})) AS latitude
            ${values.map((value) => `, ${value}`).join('')}
       FROM ${ident(layer.table.schema, layer.table.name)} AS t
       JOIN ${ident(areas.table.schema, areas.table.name)} AS a ON ST_Within(${geometry}, ${areaGeometry})
      WHERE a.${ident(codeColumn)} = $1
      ORDER BY ${pointsFirst} ${geometry} <-> ST_PointOnSurface(${areaGeometry})
      LIMIT 1`,
    [areaCode],
  );
  const row = result.rows[0];
  if (!row) throw new Error(`the sample database holds no ${layerId} inside area ${areaCode}: load the sample data first`);
  const featureValues = Object.fromEntries(propertyNames.map((name) => [name, row[`value:${name}`]]));
  return { id: Number(row.id), longitude: row.longitude, latitude: row.latitude, nameFr: null, nameAr: null, values: featureValues };
}
