import type { ApiError } from '../api/api-error.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { UI_MESSAGES } from './ui-messages.ts';

/** Shown while the catalog loads. */
export function LoadingNotice() {
  const messages = useMessages(UI_MESSAGES);
  return (
    <div className="status-notice" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {messages.loadingMap}
    </div>
  );
}

interface LoadErrorNoticeProps {
  error: ApiError;
  onRetry: () => void;
}

/** Why the map could not load, in the interface language, with the request id support staff can trace. */
export function LoadErrorNotice({ error, onRetry }: LoadErrorNoticeProps) {
  const messages = useMessages(UI_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const detail = common.errorDetail[error.type] ?? common.errorDetail.default;
  return (
    <div className="status-notice status-notice--error" role="alert" data-error-type={error.type} data-status={error.status}>
      <h2 className="status-notice__title">{messages.loadErrorTitle}</h2>
      <p>{detail}</p>
      {error.requestId && (
        <p className="status-notice__reference">
          <bdi>{common.errorReference(error.requestId)}</bdi>
        </p>
      )}
      <button type="button" className="button" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}

/**
 * The catalog of a new session (after a sign-in or sign-out) failed to load: the map still shows the
 * previous one, so this is a banner over the map rather than a blocking notice.
 */
export function RefreshErrorNotice({ onRetry }: { onRetry: () => void }) {
  const messages = useMessages(UI_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  return (
    <div className="refresh-notice" role="alert">
      <p>{messages.catalogRefreshFailed}</p>
      <button type="button" className="button button--quiet" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}
