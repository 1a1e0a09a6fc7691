import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, toApiError } from '../api/api-error.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { SessionNotice } from '../state/session-store.ts';
import { describeSignInError } from './describe-sign-in-error.ts';
import { STAFF_MESSAGES } from './staff-messages.ts';

interface SignInFormProps {
  /** `ended` when the server ended the previous session: said above the form. */
  notice: SessionNotice | null;
  /** Where signing in leads, when a staff app was asked for (said above the form). */
  destination: string | null;
  /** Resolves once signed in; rejects with an ApiError. */
  onSignIn: (username: string, password: string) => Promise<void>;
}


/**
 * Username and password, sent to POST /api/auth/login. Failures are explained from the problem type
 * (wrong credentials; too many attempts, with the wait the server asks for); the password is cleared and
 * focused again so the user can retype it.
 */
export function SignInForm({ notice, destination, onSignIn }: SignInFormProps) {
  const { language } = useI18n();
  const messages = useMessages(STAFF_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), error: useId(), username: useId(), password: useId() };
  const isCredentialError = error?.type === 'invalid-login' || error?.type === 'missing-credentials';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    // The form checks itself (noValidate): the browser's own bubbles speak the browser's language, not the page's.
    if (username.trim() === '' || password === '') {
      setError(new ApiError({ status: 0, type: 'missing-credentials', title: 'Missing credentials' }));
      (username.trim() === '' ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSignIn(username.trim(), password);
    } catch (failure) {
      setError(toApiError(failure));
      setPassword('');
      setSubmitting(false);
      passwordRef.current?.focus();
    }
  }

  return (
    <form className="sign-in-form" aria-labelledby={ids.heading} aria-busy={isSubmitting} noValidate onSubmit={submit}>
      <h3 id={ids.heading} className="staff-dialog__heading">
        {messages.signInHeading}
      </h3>
      <p className="staff-dialog__intro">{messages.signInIntro}</p>
      {destination && (
        <p className="notice notice--info" data-notice="destination">
          {messages.signInToOpen(destination)}
        </p>
      )}
      {notice === 'ended' && (
        <p className="notice notice--info" role="status" data-notice="ended">
          {messages.sessionEnded}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={ids.username}>{messages.username}</label>
        <input
          ref={usernameRef}
          id={ids.username}
          name="username"
          type="text"
          dir="ltr"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          value={username}
          aria-invalid={isCredentialError}
          aria-describedby={error ? ids.error : undefined}
          data-autofocus
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
      </div>
      <div className="form-field">
        <label htmlFor={ids.password}>{messages.password}</label>
        <input
          ref={passwordRef}
          id={ids.password}
          name="password"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          maxLength={1024}
          value={password}
          aria-invalid={isCredentialError}
          aria-describedby={error ? ids.error : undefined}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
      </div>
      {error && (
        <div id={ids.error} className="notice notice--error" role="alert" data-error-type={error.type}>
          <p>{describeSignInError(error, language)}</p>
          {error.requestId && !isCredentialError && (
            <p className="notice__reference">
              <bdi>{common.errorReference(error.requestId)}</bdi>
            </p>
          )}
        </div>
      )}
      <div className="staff-dialog__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? messages.submitting : messages.submit}
        </button>
      </div>
    </form>
  );
}
