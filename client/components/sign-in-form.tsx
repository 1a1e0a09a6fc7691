import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { describeSignInError } from '../session/describe-sign-in-error.ts';
import type { SessionNotice } from '../session/use-session.ts';

interface SignInFormProps {
  /** `ended` when the server ended the previous session: said above the form. */
  notice: SessionNotice | null;
  /** Resolves once signed in; rejects with an ApiError. */
  onSignIn: (username: string, password: string) => Promise<void>;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, type: 'client-error', title: 'Client error', detail: (error as Error)?.message ?? String(error) });
}

/**
 * Username and password, sent to POST /api/auth/login. Failures are explained from the problem type
 * (wrong credentials; too many attempts, with the wait the server asks for); the password is cleared and
 * focused again so the user can retype it.
 */
export function SignInForm({ notice, onSignIn }: SignInFormProps) {
  const { language, messages } = useI18n();
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
        {messages.staff.signInHeading}
      </h3>
      <p className="staff-dialog__intro">{messages.staff.signInIntro}</p>
      {notice === 'ended' && (
        <p className="notice notice--info" role="status" data-notice="ended">
          {messages.staff.sessionEnded}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={ids.username}>{messages.staff.username}</label>
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
        <label htmlFor={ids.password}>{messages.staff.password}</label>
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
              <bdi>{messages.errorReference(error.requestId)}</bdi>
            </p>
          )}
        </div>
      )}
      <div className="staff-dialog__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? messages.staff.submitting : messages.staff.submit}
        </button>
      </div>
    </form>
  );
}
