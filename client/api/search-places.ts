/**
 * GET /api/search: streets, areas, stops, lines and named places matching what a person typed, in French or
 * Arabic, misspelt or transliterated (server/search/). The result type is the server's own (type-only
 * import), so a change there breaks the client's type check instead of its runtime.
 */
import type { SearchResult } from '../../server/search/search-results.ts';
import { ApiError } from './api-error.ts';
import { fetchJson } from './fetch-json.ts';

export type { SearchResult };

export interface PlaceSearch {
  /** What was typed (1 to 100 characters). */
  text: string;
  /** Layer ids to search; the server refuses a layer the caller may not read. */
  layers: readonly string[];
  /** Results near this point come first; it must lie in the region served. */
  near?: { lon: number; lat: number } | undefined;
  limit: number;
}

/** The longest query the search accepts. */
export const MAX_SEARCH_LENGTH = 100;

/** The search's query string: the text (trimmed, cut to the limit), the layers, the point to favour. */
function searchQueryString(search: PlaceSearch): string {
  const parameters = new URLSearchParams({ q: search.text.trim().slice(0, MAX_SEARCH_LENGTH), layers: search.layers.join(','), limit: String(search.limit) });
  if (search.near) {
    parameters.set('lon', search.near.lon.toFixed(5));
    parameters.set('lat', search.near.lat.toFixed(5));
  }
  return parameters.toString();
}

/** The results, best first. */
export async function searchPlaces(search: PlaceSearch, signal?: AbortSignal): Promise<SearchResult[]> {
  const url = `/api/search?${searchQueryString(search)}`;
  const body = await fetchJson(url, signal);
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results)) throw new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: `${url} holds no results` });
  return results as SearchResult[];
}
