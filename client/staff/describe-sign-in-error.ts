import type { ApiError } from '../api/api-error.ts';
import { type Language, localeOf } from '../i18n/language.ts';
import { STAFF_MESSAGES } from './staff-messages.ts';

/**
 * A wait as people say it, relative to now ("dans 15 minutes", "خلال 15 دقيقة", "in 15 minutes"):
 * seconds under a minute, then whole minutes, then whole hours, always rounded up so the user never
 * comes back too early.
 */
export function formatRetryDelay(seconds: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'always' });
  if (seconds < 60) return format.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** Why signing in failed, in the language, from the problem type (never from the server's English text). */
export function describeSignInError(error: ApiError, language: Language): string {
  const messages = STAFF_MESSAGES[language];
  if (error.type === 'too-many-login-attempts' || error.status === 429) {
    return messages.tooManyAttempts(error.retryAfterSeconds === undefined ? null : formatRetryDelay(error.retryAfterSeconds, language));
  }
  return messages.signInErrors[error.type] ?? messages.signInErrors.default ?? '';
}
