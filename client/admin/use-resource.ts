import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';

export type ResourceState<Value> = { status: 'loading' } | { status: 'loaded'; value: Value } | { status: 'failed'; error: ApiError };


/** Loads a list from the API once, and again on `reload` (after a change the list must show). */
export function useResource<Value>(load: () => Promise<Value>): { state: ResourceState<Value>; reload: () => void } {
  const [state, setState] = useState<ResourceState<Value>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload, which loads again.
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (value) => isCurrent && setState({ status: 'loaded', value }),
      (error: unknown) => isCurrent && setState({ status: 'failed', error: toApiError(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, reload };
}
