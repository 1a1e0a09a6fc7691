import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { toResultFeature } from './feature-output.ts';
import { buildNearbyQuery, type NearbyQuery } from './nearby-sql.ts';

/** Features of a layer near a point, nearest first (nearby-sql.ts), as the principal may see them. */
export async function findNearby(pool: pg.Pool, registry: LayerRegistry, layer: LayerDefinition, principal: Principal, query: NearbyQuery) {
  const built = buildNearbyQuery(layer, layerView(principal, layer, registry), query);
  const rows = (await pool.query(built.text, built.values)).rows;
  return rows.map((row) => toResultFeature(layer, row, { distanceM: Math.round(row.distance * 10) / 10 }));
}
