import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';
import { fetchFeaturePage, itemsUrl } from '../api/fetch-feature-page.ts';
import type { ListedFeature } from '../api/fetch-features.ts';
import { useMapController } from '../map/map-context.tsx';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';

/**
 * The features of one layer in the map's view that match the list's filters, following the map: every
 * time the map stops moving, the view's box is asked for again (the previous request cancelled). Pages
 * of items are read until MAX_ROWS; beyond that the list says how many it did not load. When the network
 * is gone, the last list stays, marked as such.
 */

/** Items per request (the server's default maximum). */
const PAGE_SIZE = 1000;
/** Rows a list holds at most: thousands scroll smoothly in a virtual list; past that, zoom in. */
export const MAX_ROWS = 5000;
/** The box is rounded outwards to this many decimals of a degree (about 10 m): the same view, the same URL. */
const BOX_DECIMALS = 4;
/** Moves closer together than this (ms) make one request. */
const SETTLE_MS = 120;

export type ViewListState =
  | { status: 'loading'; rows: ListedFeature[] }
  /** `query`: the filters the rows answer (without the box), so a reader can tell a fresh list from the last one. */
  | { status: 'ready'; rows: ListedFeature[]; numberMatched: number; isComplete: boolean; isOffline: boolean; query: string }
  | { status: 'failed'; rows: ListedFeature[]; error: ApiError }
  /** The filters contradict each other: nothing to ask. */
  | { status: 'contradiction' };

/** The view's box, rounded outwards, as the items API's bbox. */
export function roundedBox([west, south, east, north]: readonly number[]): string {
  const factor = 10 ** BOX_DECIMALS;
  const down = (value: number) => (Math.floor(value! * factor) / factor).toFixed(BOX_DECIMALS);
  const up = (value: number) => (Math.ceil(value! * factor) / factor).toFixed(BOX_DECIMALS);
  return [down(west!), down(south!), up(east!), up(north!)].join(',');
}

/**
 * The list state for a layer and its filter parameters (null: contradictory filters). `reloadKey` asks
 * again without a move (after a record was written).
 */
export function useViewList(layerId: string, parameters: URLSearchParams | null, reloadKey: number): ViewListState {
  const controller = useMapController();
  const { state } = useServices();
  const position = useStore(state, (snapshot) => snapshot.position);
  const [list, setList] = useState<ViewListState>({ status: 'loading', rows: [] });
  const query = parameters?.toString() ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each map move (`position`) and each write (`reloadKey`) ask for the view again.
  useEffect(() => {
    if (query === null) {
      setList({ status: 'contradiction' });
      return undefined;
    }
    const bounds = controller.viewBounds();
    if (!bounds) return undefined;
    const abort = new AbortController();
    const timer = window.setTimeout(() => void load(), SETTLE_MS);
    setList((current) => ({ status: 'loading', rows: 'rows' in current ? current.rows : [] }));

    async function load(): Promise<void> {
      const first = new URLSearchParams(query!);
      first.set('bbox', roundedBox(bounds!));
      first.set('limit', String(PAGE_SIZE));
      const rows: ListedFeature[] = [];
      try {
        let page = await fetchFeaturePage(itemsUrl(layerId, first), abort.signal);
        const numberMatched = page.numberMatched ?? page.features.length;
        rows.push(...page.features);
        setList({ status: 'ready', rows: [...rows], numberMatched, isComplete: page.next === null, isOffline: false, query: query! });
        while (page.next && rows.length < MAX_ROWS) {
          page = await fetchFeaturePage(page.next, abort.signal);
          rows.push(...page.features);
          setList({ status: 'ready', rows: [...rows], numberMatched, isComplete: page.next === null, isOffline: false, query: query! });
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        const apiError = toApiError(error);
        setList((current) => {
          const previous = 'rows' in current ? current.rows : [];
          if (apiError.type === 'network-error' && previous.length > 0) {
            return { status: 'ready', rows: previous, numberMatched: previous.length, isComplete: true, isOffline: true, query: query! };
          }
          return { status: 'failed', rows: previous, error: apiError };
        });
      }
    }
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [controller, layerId, query, position, reloadKey]);

  return list;
}
