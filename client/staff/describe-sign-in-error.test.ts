import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromProblem } from '../api/api-error.ts';
import { describeSignInError, formatRetryDelay } from './describe-sign-in-error.ts';

const problem = (status: number, type: string, retryAfter?: string) =>
  apiErrorFromProblem(status, { type, title: 'x', status, requestId: 'req-1' }, null, retryAfter ?? null);

describe('describeSignInError', () => {
  it('explains wrong credentials in each language, from the problem type', () => {
    const error = problem(401, 'invalid-login');
    expect(describeSignInError(error, 'fr')).toBe('Identifiant ou mot de passe incorrect.');
    expect(describeSignInError(error, 'ar')).toBe('اسم المستخدم أو كلمة المرور غير صحيحة.');
    expect(describeSignInError(error, 'en')).toBe('Wrong username or password.');
  });

  it('says how long to wait after too many attempts, from Retry-After', () => {
    const error = problem(429, 'too-many-login-attempts', '900');
    expect(error.retryAfterSeconds).toBe(900);
    expect(describeSignInError(error, 'fr')).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
    expect(describeSignInError(error, 'en')).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(describeSignInError(error, 'ar')).toMatch(/^محاولات دخول كثيرة\. أعد المحاولة .*15.*\.$/);
    expect(describeSignInError(problem(429, 'too-many-login-attempts'), 'fr')).toBe('Trop de tentatives de connexion. Réessayez plus tard.');
  });

  it('falls back to a general message for other failures, and names a network failure', () => {
    expect(describeSignInError(problem(500, 'internal'), 'fr')).toBe('La connexion a échoué. Réessayez.');
    const offline = new ApiError({ status: 0, type: 'network-error', title: 'Network error' });
    expect(describeSignInError(offline, 'en')).toBe('The server does not answer. Check your connection and try again.');
  });
});

describe('formatRetryDelay', () => {
  it('rounds up to seconds, minutes or hours', () => {
    expect(formatRetryDelay(0, 'en')).toBe('in 1 second');
    expect(formatRetryDelay(45, 'en')).toBe('in 45 seconds');
    expect(formatRetryDelay(61, 'en')).toBe('in 2 minutes');
    expect(formatRetryDelay(3600, 'fr')).toBe('dans 1 heure');
    expect(formatRetryDelay(5400, 'fr')).toBe('dans 2 heures');
  });
});
