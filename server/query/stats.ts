import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { buildStatsQuery, countByAlias, measureAlias, type StatsQuery } from './stats-sql.ts';

export type { StatsQuery };

/** Rounds to `digits` decimals, keeping null. */
function rounded(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The layer's declared measures of one result row, by name (age buckets as one object). */
function measuresOf(layer: LayerDefinition, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(layer.statistics ?? {}).map(([name, measure]) => {
    if (measure.kind === 'ageBuckets') {
      return [name, Object.fromEntries(Object.keys(measure.buckets).map((bucket) => [bucket, row[measureAlias(name, bucket)]]))];
    }
    const value = row[measureAlias(name)] as number | null;
    return [name, measure.kind === 'dueWithin' ? value : rounded(value, measure.digits)];
  }));
}

/**
 * Counts per admin area (stats-sql.ts), with the measures the registry declares for the layer
 * (inspections: average score and failing share; permits: pending files by age, expiring ones), and with
 * `countBy` a count per value of that property.
 */
export async function computeStats(pool: pg.Pool, registry: LayerRegistry, layer: LayerDefinition, principal: Principal, query: StatsQuery) {
  const built = buildStatsQuery(registry.areas, layer, layerView(principal, layer, registry), query);
  const rows = (await pool.query(built.text, built.values)).rows;
  return rows.map((row) => ({
    area: { id: Number(row.id), code: row.code, name: { fr: row.name_fr, ar: row.name_ar } },
    count: row.count,
    ...measuresOf(layer, row),
    ...(query.countBy ? { counts: Object.fromEntries(Object.keys(query.countBy.property.values ?? {}).map((value, index) => [value, row[countByAlias(index)] as number])) } : {}),
  }));
}
