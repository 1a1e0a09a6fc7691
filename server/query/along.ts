import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { NotFoundError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { buildAlongQuery, buildRoadExistsQuery, type RoadSelector } from './along-sql.ts';
import { toResultFeature } from './feature-output.ts';

export type { RoadSelector };

function round(metres: number): number {
  return Math.round(metres * 10) / 10;
}

/**
 * Features of `layer` within `distance` metres of a road segment or a whole street of the registry's
 * street network (along-sql.ts). For each: the segment it is nearest to, its offset from the road in
 * metres, its position along that segment (fraction and metres from the segment's start) and, for a
 * street whose segments merge into one line, the metres from the street's start.
 */
export async function findAlong(
  pool: pg.Pool,
  registry: LayerRegistry,
  layer: LayerDefinition,
  principal: Principal,
  road: RoadSelector,
  query: { distance: number; limit: number },
) {
  const streets = registry.streets;
  if (!streets) throw new NotFoundError('road-not-found', 'No street network is served');
  const exists = buildRoadExistsQuery(streets, road);
  if (!(await pool.query(exists.text, exists.values)).rows[0].found) throw new NotFoundError('road-not-found', 'No road segment matches');
  const built = buildAlongQuery(streets, layer, layerView(principal, layer, registry), road, query);
  const rows = (await pool.query(built.text, built.values)).rows;
  return rows.map((row) =>
    toResultFeature(layer, row, {
      along: {
        segmentId: Number(row.segment_id),
        offsetM: round(row.offset_m),
        fraction: Math.round(row.fraction * 1e4) / 1e4,
        fromSegmentStartM: round(row.fraction * row.segment_length),
        fromStreetStartM: row.street_m === null ? null : round(row.street_m),
      },
    }),
  );
}
