import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';

export type RequestState<Value> = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; value: Value } | { status: 'failed'; error: ApiError };

/**
 * One request of the page, made again when its key changes (each new key cancels the request of the
 * previous one, so a slow answer never fills the panel of another stop) and on retry; null asks for nothing.
 */
export function useRequest<Value>(key: string | null, load: (signal: AbortSignal) => Promise<Value>): { state: RequestState<Value>; retry: () => void } {
  const [state, setState] = useState<RequestState<Value>>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the request and `attempt` is the retry; `load` is read through its ref.
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
