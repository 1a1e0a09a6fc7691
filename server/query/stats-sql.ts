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
}

/** The SQL column alias of a measure (or of one bucket of it). */
export function measureAlias(name: string, bucket?: string): string {
  return bucket === undefined ? `m:${name}` : `m:${name}:${bucket}`;
}

/** One measure's aggregates, named by measureAlias; enum values are bound. */
function measureColumns(layer: LayerDefinition, name: string, measure: StatisticMeasure, params: SqlParams, today: string): string[] {
  const column = (property: string) => `t.${ident(layer.properties[property]!.column)}`;
  if (measure.kind === 'average') return [`avg(${column(measure.property)})::double precision AS ${ident(measureAlias(name))}`];
  const matches = `${column(measure.property)} = ANY (${params.add(measure.values)}::text[])`;
  if (measure.kind === 'share') {
    return [`(count(*) FILTER (WHERE ${matches}))::double precision / nullif(count(*), 0) AS ${ident(measureAlias(name))}`];
  }
  if (measure.kind === 'dueWithin') {
    const due = `${column(measure.dateProperty)} BETWEEN ${today} AND ${today} + ${params.add(measure.days, 'integer')}`;
    return [`(count(*) FILTER (WHERE ${matches} AND ${due}))::integer AS ${ident(measureAlias(name))}`];
  }
  const age = `(${today} - ${column(measure.dateProperty)})`;
  return Object.entries(measure.buckets).map(([bucket, [from, to]]) => {
    const range = to === null ? `${age} >= ${params.add(from, 'integer')}` : `${age} BETWEEN ${params.add(from, 'integer')} AND ${params.add(to, 'integer')}`;
    return `(count(*) FILTER (WHERE ${matches} AND ${range}))::integer AS ${ident(measureAlias(name, bucket))}`;
  });
}

/** The measure columns of the outer SELECT: counts of areas without features are 0, averages null. */
function outerMeasureColumns(layer: LayerDefinition): string[] {
  return Object.entries(layer.statistics ?? {}).flatMap(([name, measure]) => {
    const aliases = measure.kind === 'ageBuckets' ? Object.keys(measure.buckets).map((bucket) => measureAlias(name, bucket)) : [measureAlias(name)];
    const isCount = measure.kind === 'ageBuckets' || measure.kind === 'dueWithin';
    return aliases.map((alias) => (isCount ? `coalesce(c.${ident(alias)}, 0) AS ${ident(alias)}` : `c.${ident(alias)}`));
  });
}

/**
 * Counts per admin area of level `by`, each feature counted once, in the area its stored `area_id` names
 * (the most specific area holding its representative point; a préfecture counts its arrondissements'
 * features through their parent). One GROUP BY over the layer's rows, no spatial join. The layer's
 * declared statistics (registry `statistics`) are added per area. Pure: inputs -> text and values.
 */
export function buildStatsQuery(areas: LayerDefinition, layer: LayerDefinition, view: LayerView, query: StatsQuery): BuiltQuery {
  const params = new SqlParams();
  const conditions = query.equals.map(({ property, value }) => `t.${ident(property.column)} = ${castParameter(params, property, value)}`);
  const dateProperty = layer.primaryDateProperty ? layer.properties[layer.primaryDateProperty] : undefined;
  if (dateProperty && query.from) conditions.push(`t.${ident(dateProperty.column)} >= ${params.add(query.from, 'date')}`);
  if (dateProperty && query.to) conditions.push(`t.${ident(dateProperty.column)} <= ${params.add(query.to, 'date')}`);
  if (view.areaIds) conditions.push(areaFilterCondition(areas, `t.${ident(layer.geometry.column)}`, params.add(view.areaIds)));
  const today = query.today ? params.add(query.today, 'date') : 'current_date';
  const by = params.add(query.by, 'text');
  const measures = Object.entries(layer.statistics ?? {}).flatMap(([name, measure]) => measureColumns(layer, name, measure, params, today));
  const areaTable = ident(areas.table.schema, areas.table.name);
  const area = (name: string) => ident(areas.properties[name]!.column);
  const areaId = ident(areas.idColumn);
  const text = `SELECT a.${areaId} AS id, a.${area('code')} AS code, a.${area('name_fr')} AS name_fr, a.${area('name_ar')} AS name_ar,
       coalesce(c.count, 0) AS count${outerMeasureColumns(layer).map((column) => `,\n       ${column}`).join('')}
  FROM ${areaTable} AS a
  LEFT JOIN (
    SELECT CASE WHEN f.${area('level')} = ${by} THEN f.${areaId} ELSE f.${area('parent_id')} END AS area_id,
           count(*)::integer AS count${measures.map((column) => `,\n           ${column}`).join('')}
      FROM ${ident(layer.table.schema, layer.table.name)} AS t
      JOIN ${areaTable} AS f ON f.${areaId} = t.${ident(layer.areaColumn)}
     WHERE ${conditions.length > 0 ? conditions.join('\n       AND ') : 'true'}
     GROUP BY 1
  ) AS c ON c.area_id = a.${areaId}
 WHERE a.${area('level')} = ${by}
 ORDER BY a.${area('code')}`;
  return { text, values: params.values };
}
