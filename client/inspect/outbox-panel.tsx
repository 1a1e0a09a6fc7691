import { useId, useState } from 'react';
import { formatInstant } from '../i18n/format-instant.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useOutbox } from './offline/use-outbox.tsx';
import { RECORD_MESSAGES } from './record-messages.ts';

/**
 * The queue of records not yet sent, over the map: hidden when everything is sent and the network is up;
 * otherwise a button saying "offline" and how many wait, which opens the list (what, when, why it waits or
 * was refused) with "send now" and, for a refused record, "discard".
 */
export function OutboxPanel({ owner }: { owner: string }) {
  const messages = useMessages(RECORD_MESSAGES);
  const { language } = useI18n();
  const outbox = useOutbox();
  const [isOpen, setOpen] = useState(false);
  const listId = useId();
  const count = outbox.records.length;
  if (count === 0 && outbox.isOnline) return null;
  return (
    <section className="outbox-panel" aria-label={messages.queueHeading} data-count={count} data-online={outbox.isOnline}>
      <button type="button" className="outbox-panel__toggle" aria-expanded={isOpen} aria-controls={listId} onClick={() => setOpen((value) => !value)}>
        {!outbox.isOnline && <span className="outbox-panel__offline">{messages.queueOffline}</span>}
        <span className="outbox-panel__count">{count === 0 ? messages.queueEmpty : plural(language, count, messages.queueCount)}</span>
      </button>
      {isOpen && (
        <div id={listId} className="outbox-panel__body">
          <ul className="outbox-panel__list">
            {outbox.records.map((record) => (
              <li key={record.id} className="outbox-record" data-state={record.state}>
                <span className="outbox-record__what"><bdi>{record.parent?.name ?? record.layerId}</bdi></span>
                <span className="outbox-record__when">{formatInstant(record.createdAt, language)}</span>
                <span className="outbox-record__why">
                  {record.owner !== owner
                    ? messages.queueOtherAccount(record.owner)
                    : record.state === 'refused'
                      ? messages.queueRefused(record.problem?.detail ?? record.problem?.type ?? '')
                      : messages.queueWaiting}
                </span>
                {record.state === 'refused' && (
                  <button type="button" className="button button--quiet" onClick={() => void outbox.discard(record.id)}>
                    {messages.queueDiscard}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {count > 0 && (
            <button type="button" className="button" onClick={() => void outbox.flush()}>
              {messages.queueSendNow}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
