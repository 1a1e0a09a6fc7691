import type { ApiError } from '../api/api-error.ts';

/** Why the full record of a feature is not shown, as the details panel explains it. */
export type DetailsProblem = 'sign-in' | 'forbidden' | 'not-found' | 'unavailable';

/**
 * 401: the layer needs a signed-in account (and an open staff session has just ended); 403: the account
 * may not read it; 404: the feature is gone, or outside the areas the account is confined to; anything
 * else: the server or the network failed, and the panel keeps what the tile carried.
 */
export function detailsProblemOf(error: ApiError): DetailsProblem {
  switch (error.status) {
    case 401:
      return 'sign-in';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    default:
      return 'unavailable';
  }
}
