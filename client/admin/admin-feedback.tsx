import { useState } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { ADMIN_MESSAGES } from './admin-messages.ts';

/** Why a change was refused, in the language, with the request id support can trace. */
export function ProblemNotice({ error }: { error: ApiError }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const text = messages.problems[error.type] ?? common.errorDetail[error.type] ?? messages.problems.default;
  return (
    <div className="notice notice--error" role="alert" data-error-type={error.type}>
      <p>{text}</p>
      {error.requestId && (
        <p className="notice__reference">
          <bdi>{common.errorReference(error.requestId)}</bdi>
        </p>
      )}
    </div>
  );
}

/**
 * A secret the server shows once (a generated password, an API key, a webhook's signing secret): selectable,
 * copyable, kept on screen until the administrator says it was noted.
 */
export function SecretOnce({ label, secret, onDismiss }: { label: string; secret: string; onDismiss: () => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const [isCopied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="secret-once notice notice--info" role="status">
      <p>{label}</p>
      <code className="secret-once__value" dir="ltr" data-secret>
        {secret}
      </code>
      <div className="secret-once__actions">
        <button type="button" className="button button--quiet" onClick={copy}>
          {isCopied ? messages.copied : messages.copy}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {messages.dismiss}
        </button>
      </div>
    </div>
  );
}
