import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { detailsProblemOf } from './details-problem.ts';

describe('detailsProblemOf', () => {
  it('tells sign-in, refusal, absence and failure apart by status', () => {
    const error = (status: number) => new ApiError({ status, type: `http-${status}`, title: 'x' });
    expect(detailsProblemOf(error(401))).toBe('sign-in');
    expect(detailsProblemOf(error(403))).toBe('forbidden');
    expect(detailsProblemOf(error(404))).toBe('not-found');
    for (const status of [0, 500, 503, 200]) expect(detailsProblemOf(error(status))).toBe('unavailable');
  });
});
