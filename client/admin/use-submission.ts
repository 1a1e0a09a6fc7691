import { useCallback, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';

/**
 * A change sent to the server from a form or a button: whether it is on its way, and why the last one was
 * refused. `run` resolves to whether the change went through.
 */
export function useSubmission(): { isSubmitting: boolean; problem: ApiError | null; run: (change: () => Promise<unknown>) => Promise<boolean> } {
  const [isSubmitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const run = useCallback(async (change: () => Promise<unknown>) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await change();
      return true;
    } catch (error) {
      setProblem(toApiError(error));
      return false;
    } finally {
      setSubmitting(false);
    }
  }, []);
  return { isSubmitting, problem, run };
}
