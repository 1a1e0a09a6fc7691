import { layerView } from '../../server/auth/policy.ts';
import { PUBLIC_PRINCIPAL } from '../../server/auth/principal.ts';
import type { LayerDefinition } from '../../server/layers/layer-definition.ts';
import type { LayerRegistry } from '../../server/layers/registry.ts';
import type { BuiltQuery } from '../../server/db/sql.ts';
import { buildTileQuery, type TileQueryOptions } from '../../server/tiles/tile-sql.ts';
import type { TileCoordinates } from '../../server/tiles/tile-coordinates.ts';
import type { HttpJob, LoadResult, SqlJob } from './load-client.ts';
import type { LoadRunner } from './load-runner.ts';
import { medianRun, type RunStats, summarise } from './stats.ts';

/** One measured configuration at one concurrency: the median of its repetitions, and the last raw result. */
export interface Measurement {
  name: string;
  concurrency: number;
  stats: RunStats;
  /** Per tile of the list (last pass of the median repetition). */
  result: LoadResult;
}

/** What browsers and MapLibre send: tiles come back gzipped when the server compresses. */
export const BROWSER_HEADERS = { 'Accept-Encoding': 'gzip' };

export function tilePaths(layer: LayerDefinition, tiles: readonly TileCoordinates[]): string[] {
  return tiles.map((tile) => `/tiles/${layer.id}/${tile.z}/${tile.x}/${tile.y}.mvt`);
}

/** casa-sig's tile SQL for the public, exactly as the server builds it (text and bound values). */
export function publicTileQueries(registry: LayerRegistry, layer: LayerDefinition, tiles: readonly TileCoordinates[], options: TileQueryOptions = {}): BuiltQuery[] {
  const view = layerView(PUBLIC_PRINCIPAL, layer, registry);
  return tiles.map((tile) => buildTileQuery(layer, view, tile, options));
}

/** Whether every answer was a tile (200) or an empty tile (204). */
function assertAllServed(name: string, result: LoadResult): void {
  const failed = result.statuses.filter((status) => status !== 200 && status !== 204);
  if (failed.length > 0) throw new Error(`${name}: ${failed.length} requests failed (statuses ${[...new Set(failed)].join(', ')})`);
}

/** One configuration to measure: a name and the job that measures it. */
export interface MeasuredJob {
  name: string;
  job: HttpJob | SqlJob;
}

/**
 * Runs every job once per round, round after round (A B C, A B C, ...), and keeps for each job the round
 * with its median throughput. Interleaving spreads a noisy neighbour's load over all the jobs alike, which
 * the ratios between them depend on; latency quantiles come from every request of the kept round.
 */
export async function measureInterleaved(runner: LoadRunner, jobs: readonly MeasuredJob[], rounds: number): Promise<Measurement[]> {
  const runs = jobs.map(() => [] as { stats: RunStats; result: LoadResult }[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, { name, job }] of jobs.entries()) {
      const result = await runner.run(job);
      assertAllServed(name, result);
      runs[index]!.push({ stats: summarise(result.allLatenciesMs, result.elapsedMs), result });
    }
  }
  return jobs.map(({ name, job }, index) => {
    const median = medianRun(runs[index]!.map((run) => run.stats));
    const chosen = runs[index]!.find((run) => run.stats === median)!;
    return { name, concurrency: job.concurrency, stats: chosen.stats, result: chosen.result };
  });
}
