import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import { adminAreas } from '../layers/definitions/admin-areas.ts';
import type { LayerDefinition, PropertyDefinition } from '../layers/layer-definition.ts';
import { castParameter } from '../features/feature-sql.ts';

export interface StatsQuery {
  by: 'arrondissement' | 'prefecture';
  /** Equality filters on the layer's filterable enum properties (status, kind, grade, ...). */
  equals: { property: PropertyDefinition; value: string }[];
  /** Inclusive range on the layer's primary date. */
  from?: string;
  to?: string;
  /** "Today" for age buckets, so that answers are reproducible (defaults to the database's date). */
  today?: string;
}

/**
 * Counts per admin area, each feature counted once, in the area holding its representative point
 * (ST_PointOnSurface). A feature whose point lies in an area has its box overlapping the area's, so the
 * `&&` test only narrows the candidates, through the layer's GiST index, to those near each area. Inspections add the average score and the share failing (grade C); permits add
 * the age buckets of pending files and those expiring within 30 days.
 */
export async function computeStats(pool: pg.Pool, layer: LayerDefinition, principal: Principal, query: StatsQuery) {
  const view = layerView(principal, layer);
  const params = new SqlParams();
  const geometry = `t.${ident(layer.geometry.column)}`;
  const conditions = query.equals.map(({ property, value }) => `t.${ident(property.column)} = ${castParameter(params, property, value)}`);
  const dateProperty = layer.primaryDateProperty ? layer.properties[layer.primaryDateProperty] : undefined;
  if (dateProperty && query.from) conditions.push(`t.${ident(dateProperty.column)} >= ${params.add(query.from, 'date')}`);
  if (dateProperty && query.to) conditions.push(`t.${ident(dateProperty.column)} <= ${params.add(query.to, 'date')}`);
  if (view.areaIds) conditions.push(areaFilterCondition(geometry, params.add(view.areaIds)));
  const today = query.today ? params.add(query.today, 'date') : 'current_date';
  const extra = extraMeasures(layer, today);
  const areas = ident(adminAreas.table.schema, adminAreas.table.name);
  const text = `SELECT a.${ident(adminAreas.idColumn)} AS id, a.${ident(adminAreas.properties.code!.column)} AS code,
       a.${ident(adminAreas.properties.name_fr!.column)} AS name_fr, a.${ident(adminAreas.properties.name_ar!.column)} AS name_ar,
       count(t.${ident(layer.idColumn)})::integer AS count${extra ? `,\n       ${extra}` : ''}
  FROM ${areas} AS a
  LEFT JOIN ${ident(layer.table.schema, layer.table.name)} AS t
    ON ${geometry} && a.${ident(adminAreas.geometry.column)}
   AND ST_Intersects(a.${ident(adminAreas.geometry.column)}, ST_PointOnSurface(${geometry}))${conditions.map((condition) => `\n   AND ${condition}`).join('')}
 WHERE a.${ident(adminAreas.properties.level!.column)} = ${params.add(query.by, 'text')}
 GROUP BY a.${ident(adminAreas.idColumn)}
 ORDER BY a.${ident(adminAreas.properties.code!.column)}`;
  const rows = (await pool.query(text, params.values)).rows;
  return rows.map((row) => ({
    area: { id: Number(row.id), code: row.code, name: { fr: row.name_fr, ar: row.name_ar } },
    count: row.count,
    ...(layer.id === 'inspections' ? { averageScore: row.average_score === null ? null : round(row.average_score), failingShare: row.failing_share === null ? null : round(row.failing_share, 3) } : {}),
    ...(layer.id === 'permits'
      ? { pending: { days0to30: row.pending_0_30, days31to60: row.pending_31_60, days61to90: row.pending_61_90, over90: row.pending_over_90 }, expiringWithin30Days: row.expiring_30 }
      : {}),
  }));
}

/** Layer-specific aggregates; column names come from the registry definitions. */
function extraMeasures(layer: LayerDefinition, today: string): string {
  const column = (name: string) => `t.${ident(layer.properties[name]!.column)}`;
  if (layer.id === 'inspections') {
    return `avg(${column('score')})::double precision AS average_score,
       (count(*) FILTER (WHERE ${column('grade')} = 'C'))::double precision / nullif(count(t.${ident(layer.idColumn)}), 0) AS failing_share`;
  }
  if (layer.id === 'permits') {
    const pending = `${column('status')} IN ('submitted', 'under_review')`;
    const age = `(${today} - ${column('submitted_on')})`;
    return [
      `(count(*) FILTER (WHERE ${pending} AND ${age} BETWEEN 0 AND 30))::integer AS pending_0_30`,
      `(count(*) FILTER (WHERE ${pending} AND ${age} BETWEEN 31 AND 60))::integer AS pending_31_60`,
      `(count(*) FILTER (WHERE ${pending} AND ${age} BETWEEN 61 AND 90))::integer AS pending_61_90`,
      `(count(*) FILTER (WHERE ${pending} AND ${age} > 90))::integer AS pending_over_90`,
      `(count(*) FILTER (WHERE ${column('status')} = 'approved' AND ${column('valid_until')} BETWEEN ${today} AND ${today} + 30))::integer AS expiring_30`,
    ].join(',\n       ');
  }
  return '';
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
