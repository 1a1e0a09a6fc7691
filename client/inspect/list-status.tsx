import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { plural, type PluralForms } from '../i18n/plural.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';
import type { ViewListState } from './use-view-list.ts';

/**
 * The line above a list: how many features are in view, or that it is loading, empty, contradictory,
 * failed (with a retry) or shown from before the network went; and when only part of it is loaded.
 */
export function ListStatus({ list, countForms, onRetry }: { list: ViewListState; countForms: PluralForms; onRetry: () => void }) {
  const messages = useMessages(INSPECT_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const { language } = useI18n();
  const number = new Intl.NumberFormat(localeOf(language));
  if (list.status === 'contradiction') return <p className="list-status" data-state="contradiction">{messages.listContradiction}</p>;
  if (list.status === 'failed') {
    return (
      <div className="list-status list-status--error" role="alert" data-state="failed">
        <p>{messages.listFailed}</p>
        {list.error.requestId && <p className="list-status__reference"><bdi>{common.errorReference(list.error.requestId)}</bdi></p>}
        <button type="button" className="button button--quiet" onClick={onRetry}>{common.retry}</button>
      </div>
    );
  }
  if (list.status === 'loading' && list.rows.length === 0) {
    return (
      <p className="list-status" role="status" data-state="loading">
        <span className="spinner spinner--small" aria-hidden="true" />
        {messages.listLoading}
      </p>
    );
  }
  if (list.status === 'loading') return <p className="list-status" role="status" data-state="loading">{messages.listLoading}</p>;
  return (
    <div className="list-status" role="status" aria-live="polite" data-state="ready" data-number-matched={list.numberMatched} data-query={list.query}>
      <p className="list-status__count">{list.numberMatched === 0 ? messages.listEmpty : plural(language, list.numberMatched, countForms)}</p>
      {list.rows.length < list.numberMatched && <p className="list-status__note">{messages.listTruncated(number.format(list.rows.length), number.format(list.numberMatched))}</p>}
      {list.isOffline && <p className="list-status__note list-status__note--offline">{messages.listOffline}</p>}
    </div>
  );
}
