import type pg from 'pg';
import { isAllowed } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { inTransaction } from '../db/transaction.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { buildSearchQuery } from './search-query.ts';
import { resolveSearchScope } from './search-layers.ts';
import { type SearchResult, type SearchRow, toSearchResult } from './search-results.ts';

/** A validated search request (routes/search.ts checks the parameters). */
export interface SearchRequest {
  q: string;
  /** Layer ids to search; all the caller may read when absent. */
  layers?: readonly string[];
  /** Bias toward this point, EPSG:4326 degrees, inside the region. */
  position: { lon: number; lat: number } | null;
  limit: number;
}

/**
 * Trigram thresholds for this search's transaction. A name matches when some extent of it shares half of
 * the query's trigrams ("zarktouni" still finds "Zerktouni"; lower lets in noise such as "2 Mars" for
 * "Maârif"). A code matches at 0.6 similarity: one swapped pair of digits in a permit reference is
 * still found, and with 100,000 permits the index hands over about 300 candidates instead of 7,000 at 0.5.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;
export const CODE_SIMILARITY_THRESHOLD = 0.6;

/**
 * Searches streets, areas, stops, lines, establishments and permit references for `q`, as the principal
 * may see them, best first. One transaction, because the trigram thresholds are set for it alone: the
 * query is folded by the same SQL functions that fill the indexes, then one statement ranks candidates.
 */
export async function runSearch(pool: pg.Pool, registry: LayerRegistry, principal: Principal, request: SearchRequest): Promise<SearchResult[]> {
  const scope = resolveSearchScope(registry, principal, request.layers);
  if (scope.layers.length === 0) return [];
  const canReadAreas = isAllowed(principal, registry.areas, 'read');
  const rows = await inTransaction(pool, async (client) => {
    const keys = await client.query<{ text_key: string; core_key: string; code_key: string }>(
      `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true),
              set_config('pg_trgm.similarity_threshold', $2, true),
              search_normalize($3) AS text_key, search_core(search_normalize($3)) AS core_key, search_code($3) AS code_key`,
      [String(WORD_SIMILARITY_THRESHOLD), String(CODE_SIMILARITY_THRESHOLD), request.q],
    );
    const { text_key: textKey, core_key: coreKey, code_key: codeKey } = keys.rows[0]!;
    if (textKey === '' && codeKey === '') return [];
    const query = buildSearchQuery({
      textKey,
      coreKey,
      codeKey,
      layers: scope.layers,
      areaIds: scope.areaIds,
      areas: registry.areas,
      position: request.position,
      limit: request.limit,
      withAreaContext: canReadAreas,
    });
    return (await client.query<SearchRow>(query.text, query.values)).rows;
  });
  return rows.map((row) => toSearchResult(registry, row));
}
