import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';
import { type AreaStatistics, fetchStats } from '../api/fetch-stats.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';

export type StatsState = { status: 'loading' } | { status: 'ready'; areas: AreaStatistics[] } | { status: 'failed'; error: ApiError };

/** GET /api/query/stats for these parameters, again when they change, when `reloadKey` changes or after a change of session. */
export function useStats(parameters: URLSearchParams | null, reloadKey = 0): StatsState {
  const { session } = useServices();
  const generation = useStore(session, (snapshot) => snapshot.generation);
  const [state, setState] = useState<StatsState>({ status: 'loading' });
  const query = parameters?.toString() ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session (`generation`) and a write (`reloadKey`) ask again.
  useEffect(() => {
    if (query === null) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchStats(new URLSearchParams(query), controller.signal).then(
      (areas) => setState({ status: 'ready', areas }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'failed', error: toApiError(error) }),
    );
    return () => controller.abort();
  }, [query, generation, reloadKey]);
  return state;
}
