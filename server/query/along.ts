import type pg from 'pg';
import { layerView } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { NotFoundError } from '../http/errors.ts';
import type { LayerDefinition } from '../layers/layer-definition.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { runSearch } from '../search/run-search.ts';
import { buildAlongQuery, buildRoadExistsQuery, type RoadSelector } from './along-sql.ts';
import { toResultFeature } from './feature-output.ts';

/** What `along` measures along: a segment by id, or a street by (fuzzy) name, as GET /api/search finds it. */
export type RoadRequest = { roadId: number } | { street: string };

/** The street a name chose, said in the answer so that a wrong guess shows. */
export interface ChosenStreet {
  id: number;
  name: { fr: string | null; ar: string | null };
  segmentIds: number[];
  lengthM: number;
}

/**
 * The street a name means: the best street result of the search (typos, abbreviations such as Bd, Av, Rte,
 * either script, the longer and more important street first), or undefined when no street matches.
 */
async function chooseStreet(pool: pg.Pool, registry: LayerRegistry, principal: Principal, streets: LayerDefinition, name: string): Promise<ChosenStreet | undefined> {
  const [best] = await runSearch(pool, registry, principal, { q: name, layers: [streets.id], position: null, limit: 1 });
  if (!best?.segment_ids) return undefined;
  return { id: best.id, name: best.name, segmentIds: best.segment_ids, lengthM: best.length_m ?? 0 };
}

function round(metres: number): number {
  return Math.round(metres * 10) / 10;
}

/**
 * Features of `layer` within `distance` metres of a road segment or a whole street of the registry's
 * street network (along-sql.ts), and the street a name chose. For each: the segment it is nearest to, its offset from the road in
 * metres, its position along that segment (fraction and metres from the segment's start) and, for a
 * street whose segments merge into one line, the metres from the street's start.
 */
export async function findAlong(
  pool: pg.Pool,
  registry: LayerRegistry,
  layer: LayerDefinition,
  principal: Principal,
  road: RoadRequest,
  query: { distance: number; limit: number },
): Promise<{ street: ChosenStreet | null; features: ReturnType<typeof toResultFeature>[] }> {
  const streets = registry.streets;
  if (!streets) throw new NotFoundError('road-not-found', 'No street network is served');
  let selector: RoadSelector;
  let street: ChosenStreet | null = null;
  if ('roadId' in road) {
    selector = road;
    const exists = buildRoadExistsQuery(streets, selector);
    if (!(await pool.query(exists.text, exists.values)).rows[0].found) throw new NotFoundError('road-not-found', 'No road segment matches');
  } else {
    street = (await chooseStreet(pool, registry, principal, streets, road.street)) ?? null;
    if (!street) throw new NotFoundError('road-not-found', 'No street matches this name');
    selector = { segmentIds: street.segmentIds };
  }
  const built = buildAlongQuery(streets, layer, layerView(principal, layer, registry), selector, query);
  const rows = (await pool.query(built.text, built.values)).rows;
  const features = rows.map((row) =>
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
  return { street, features };
}
