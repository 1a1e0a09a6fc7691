import type { LayerRegistry } from '../../server/layers/registry.ts';
import { tileRangeForBbox } from '../../server/tiles/tile-coordinates.ts';
import { ENTRY_OVERHEAD_BYTES } from '../../server/tiles/tile-cache.ts';
import type { BenchServer } from './bench-processes.ts';
import type { LoadRunner } from './load-runner.ts';
import { CITY_BBOX } from './tile-list.ts';
import { BROWSER_HEADERS } from './throughput.ts';

export interface CacheMemoryResult {
  budgetBytes: number;
  /** What the cache was charged for the tiles fetched (compressed bytes plus per-entry overhead). */
  filledBytes: number;
  tilesFetched: number;
  rssBeforeBytes: number;
  rssAtBudgetBytes: number;
}

/** Requests per batch while filling; the fill stops after the batch that crosses the budget. */
const BATCH = 2_000;

/** Every tile over the city, layer by layer, zoom 10 to 18: far more distinct tiles than any budget holds. */
function* fillPaths(registry: LayerRegistry): Generator<string> {
  for (let z = 10; z <= 18; z += 1) {
    for (const id of ['road_segments', 'permits', 'inspections']) {
      const layer = registry.find(id)!;
      if (z < layer.tiles.minzoom) continue;
      const range = tileRangeForBbox(CITY_BBOX, z, 0);
      for (let y = range.minY; y <= range.maxY; y += 1) {
        for (let x = range.minX; x <= range.maxX; x += 1) yield `/tiles/${id}/${z}/${x}/${y}.mvt`;
      }
    }
  }
}

/**
 * Fills the server's tile cache past its budget with distinct tiles, for the public and for an
 * administrator (two visibility classes, so two entries per tile), and reads the server's RSS before and after.
 */
export async function measureCacheMemory(
  runner: LoadRunner,
  server: BenchServer,
  registry: LayerRegistry,
  budgetBytes: number,
  adminToken: string,
): Promise<CacheMemoryResult> {
  const rssBeforeBytes = server.rssBytes();
  const paths = fillPaths(registry);
  let filledBytes = 0;
  let tilesFetched = 0;
  let isExhausted = false;
  while (filledBytes < budgetBytes * 1.1 && !isExhausted) {
    const batch: string[] = [];
    for (let next = paths.next(); batch.length < BATCH; next = paths.next()) {
      if (next.done) {
        isExhausted = true;
        break;
      }
      batch.push(next.value);
    }
    for (const headers of [BROWSER_HEADERS, { ...BROWSER_HEADERS, Authorization: `Bearer ${adminToken}` }]) {
      const result = await runner.run({ kind: 'http', baseUrl: server.url, paths: batch, concurrency: 8, passes: 1, headers });
      result.statuses.forEach((status, index) => {
        if (status === 200 || status === 204) filledBytes += result.bytes[index]! + ENTRY_OVERHEAD_BYTES;
      });
      tilesFetched += batch.length;
    }
  }
  return { budgetBytes, filledBytes, tilesFetched, rssBeforeBytes, rssAtBudgetBytes: server.rssBytes() };
}
