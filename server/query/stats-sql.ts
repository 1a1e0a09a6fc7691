import type { LayerView } from '../auth/policy.ts';
import { type BuiltQuery, ident, SqlParams } from '../db/sql.ts';
import { areaFilterCondition } from '../layers/area-filter.ts';
import type { LayerDefinition, PropertyDefinition, StatisticMeasure } from '../layers/layer-definition.ts';
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
  /** An enum property whose values each get their own count per area (permits by status). */
  countBy?: { name: string; property: PropertyDefinition };
}

/** The SQL column alias of the count of one value of `countBy` (by its position in the enum). */
export function countByAlias(index: number): string {
  return `by:${index}`;
}

/** The SQL column alias of a measure (or of one bucket of it). */
export function measureAlias(name: string, bucket?: string): string {
  return bucket === undefined ? `m:${name}` : `m:${name}:${bucket}`;
}

/**
 * One measure as partial aggregates per stored area (summable), and as its final expression per area of
 * the requested level over the sums. Enum values and numbers are bound.
 */
function measureParts(layer: LayerDefinition, name: string, measure: StatisticMeasure, params: SqlParams, today: string): { partials: string[]; finals: string[] } {
  const column = (property: string) => `t.${ident(layer.properties[property]!.column)}`;
  const alias = (suffix: string) => ident(`${measureAlias(name)}:${suffix}`);
  if (measure.kind === 'average') {
    return {
      partials: [`sum(${column(measure.property)})::double precision AS ${alias('sum')}`, `count(${column(measure.property)}) AS ${alias('n')}`],
      finals: [`sum(g.${alias('sum')}) / nullif(sum(g.${alias('n')}), 0) AS ${ident(measureAlias(name))}`],
    };
  }
  const matches = `${column(measure.property)} = ANY (${params.add(measure.values)}::text[])`;
  if (measure.kind === 'share') {
    return {
      partials: [`count(*) FILTER (WHERE ${matches}) AS ${alias('k')}`],
      finals: [`sum(g.${alias('k')})::double precision / nullif(sum(g.count), 0) AS ${ident(measureAlias(name))}`],
    };
  }
  if (measure.kind === 'dueWithin') {
    const due = `${column(measure.dateProperty)} BETWEEN ${today} AND ${today} + ${params.add(measure.days, 'integer')}`;
    return {
      partials: [`count(*) FILTER (WHERE ${matches} AND ${due}) AS ${ident(measureAlias(name))}`],
      finals: [`coalesce(sum(g.${ident(measureAlias(name))}), 0)::integer AS ${ident(measureAlias(name))}`],
    };
  }
  const age = `(${today} - ${column(measure.dateProperty)})`;
  const buckets = Object.entries(measure.buckets).map(([bucket, [from, to]]) => {
    const range = to === null ? `${age} >= ${params.add(from, 'integer')}` : `${age} BETWEEN ${params.add(from, 'integer')} AND ${params.add(to, 'integer')}`;
    return { alias: ident(measureAlias(name, bucket)), range };
  });
  return {
    partials: buckets.map(({ alias: bucketAlias, range }) => `count(*) FILTER (WHERE ${matches} AND ${range}) AS ${bucketAlias}`),
    finals: buckets.map(({ alias: bucketAlias }) => `coalesce(sum(g.${bucketAlias}), 0)::integer AS ${bucketAlias}`),
  };
}

/**
 * Counts per admin area of level `by`, each feature counted once, in the area its stored `area_id` names
 * (the most specific area holding its representative point; a préfecture counts its arrondissements'
 * features through their parent). The layer's rows are grouped by that id alone (no spatial join, no join
 * per row), then the few groups are summed into the areas of the level asked for. The layer's declared
 * statistics (registry `statistics`) are computed the same way. Pure: inputs -> text and values.
 */
export function buildStatsQuery(areas: LayerDefinition, layer: LayerDefinition, view: LayerView, query: StatsQuery): BuiltQuery {
  const params = new SqlParams();
  const conditions = query.equals.map(({ property, value }) => `t.${ident(property.column)} = ${castParameter(params, property, value)}`);
  const dateProperty = layer.primaryDateProperty ? layer.properties[layer.primaryDateProperty] : undefined;
  if (dateProperty && query.from) conditions.push(`t.${ident(dateProperty.column)} >= ${params.add(query.from, 'date')}`);
  if (dateProperty && query.to) conditions.push(`t.${ident(dateProperty.column)} <= ${params.add(query.to, 'date')}`);
  if (view.areaIds) conditions.push(areaFilterCondition(areas, `t.${ident(layer.geometry.column)}`, params.add(view.areaIds)));
  const measures = Object.entries(layer.statistics ?? {});
  // Bound only when a measure reads it: an unused parameter has no type PostgreSQL can infer.
  const isTodayRead = measures.some(([, measure]) => measure.kind === 'ageBuckets' || measure.kind === 'dueWithin');
  const today = query.today && isTodayRead ? params.add(query.today, 'date') : 'current_date';
  const by = params.add(query.by, 'text');
  const parts = measures.map(([name, measure]) => measureParts(layer, name, measure, params, today));
  const countBy = query.countBy;
  Object.keys(countBy?.property.values ?? {}).forEach((value, index) => {
    const alias = ident(countByAlias(index));
    parts.push({
      partials: [`count(*) FILTER (WHERE t.${ident(countBy!.property.column)} = ${params.add(value, 'text')}) AS ${alias}`],
      finals: [`coalesce(sum(g.${alias}), 0)::integer AS ${alias}`],
    });
  });
  const areaTable = ident(areas.table.schema, areas.table.name);
  const area = (name: string) => ident(areas.properties[name]!.column);
  const areaId = ident(areas.idColumn);
  const list = (items: string[], indent: string) => items.map((item) => `,\n${indent}${item}`).join('');
  const text = `SELECT a.${areaId} AS id, a.${area('code')} AS code, a.${area('name_fr')} AS name_fr, a.${area('name_ar')} AS name_ar,
       coalesce(sum(g.count), 0)::integer AS count${list(parts.flatMap((part) => part.finals), '       ')}
  FROM ${areaTable} AS a
  LEFT JOIN ${areaTable} AS f ON (CASE WHEN f.${area('level')} = ${by} THEN f.${areaId} ELSE f.${area('parent_id')} END) = a.${areaId}
  LEFT JOIN (
    SELECT t.${ident(layer.areaColumn)} AS area_id, count(*) AS count${list(parts.flatMap((part) => part.partials), '           ')}
      FROM ${ident(layer.table.schema, layer.table.name)} AS t
     WHERE ${conditions.length > 0 ? conditions.join('\n       AND ') : 'true'}
     GROUP BY 1
  ) AS g ON g.area_id = f.${areaId}
 WHERE a.${area('level')} = ${by}
 GROUP BY a.${areaId}
 ORDER BY a.${area('code')}`;
  return { text, values: params.values };
}
