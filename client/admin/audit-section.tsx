import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CITY_TIME_ZONE, formatInstant } from '../i18n/format-instant.ts';
import { type EventFilters, listEvents, type SecurityEvent } from './admin-api.ts';
import { ProblemNotice } from './admin-feedback.tsx';
import { ADMIN_MESSAGES } from './admin-messages.ts';
import { AdminTable } from './admin-table.tsx';

const EVENT_KINDS = [
  'login', 'login_failed', 'login_rate_limited', 'logout', 'key_used', 'access_denied',
  'user_created', 'user_updated', 'key_created', 'key_revoked', 'webhook_created', 'webhook_updated', 'webhook_deleted',
];

type AuditState = { status: 'loading' } | { status: 'loaded'; events: SecurityEvent[]; next: string | null } | { status: 'failed'; error: ApiError };

/** Casablanca's offset from UTC at an instant, in minutes (+60 most of the year, 0 during Ramadan). */
function casablancaOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: CITY_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A day of the city (YYYY-MM-DD, plus some days) as the instant it starts in Casablanca, for the time filters. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return new Date(utcMidnight - casablancaOffsetMinutes(new Date(utcMidnight)) * 60_000).toISOString();
}

/** The security audit, newest first, filtered by kind, principal and dates, paged with "older". */
export function AuditSection() {
  const messages = useMessages(ADMIN_MESSAGES);
  const { language } = useI18n();
  const [draft, setDraft] = useState({ kind: '', principal: '', since: '', until: '' });
  const [filters, setFilters] = useState<EventFilters>({});
  const [state, setState] = useState<AuditState>({ status: 'loading' });

  const load = useCallback(async (current: EventFilters, next?: string) => {
    try {
      const page = await listEvents(current, next);
      setState((previous) => ({
        status: 'loaded',
        events: next && previous.status === 'loaded' ? [...previous.events, ...page.events] : page.events,
        next: page.next,
      }));
    } catch (error) {
      setState({ status: 'failed', error: toApiError(error) });
    }
  }, []);
  useEffect(() => {
    setState({ status: 'loading' });
    void load(filters);
  }, [filters, load]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilters({
      ...(draft.kind ? { kind: draft.kind } : {}),
      ...(draft.principal.trim() ? { principal: draft.principal.trim() } : {}),
      ...(startOfDay(draft.since) ? { since: startOfDay(draft.since) } : {}),
      ...(startOfDay(draft.until, 1) ? { until: startOfDay(draft.until, 1) } : {}),
    });
  };

  return (
    <div className="admin-section" data-section="audit">
      <p className="admin-section__intro">{messages.auditIntro}</p>
      <form className="admin-form admin-form--inline" onSubmit={submit} aria-label={messages.filter}>
        <div className="form-field">
          <label htmlFor="audit-kind">{messages.kind}</label>
          <select id="audit-kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.currentTarget.value })}>
            <option value="">{messages.allKinds}</option>
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {messages.eventKinds[kind] ?? kind}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="audit-principal">{messages.principal}</label>
          <input id="audit-principal" dir="ltr" placeholder="user:amina" value={draft.principal} onChange={(event) => setDraft({ ...draft, principal: event.currentTarget.value })} />
        </div>
        <div className="form-field">
          <label htmlFor="audit-since">{messages.since}</label>
          <input id="audit-since" type="date" value={draft.since} onChange={(event) => setDraft({ ...draft, since: event.currentTarget.value })} />
        </div>
        <div className="form-field">
          <label htmlFor="audit-until">{messages.until}</label>
          <input id="audit-until" type="date" value={draft.until} onChange={(event) => setDraft({ ...draft, until: event.currentTarget.value })} />
        </div>
        <div className="admin-form__actions">
          <button type="submit" className="button">
            {messages.filter}
          </button>
        </div>
      </form>
      {state.status === 'loading' && <p role="status">{messages.loading}</p>}
      {state.status === 'failed' && <ProblemNotice error={state.error} />}
      {state.status === 'loaded' && state.events.length === 0 && <p>{messages.noEvents}</p>}
      {state.status === 'loaded' && state.events.length > 0 && (
        <AdminTable columns={[messages.when, messages.kind, messages.principal, messages.address, messages.detail]}>
              {state.events.map((event) => (
                <tr key={event.id} data-kind={event.kind} data-principal={event.principal}>
                  <td>
                    <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt, language, 'second')}</time>
                  </td>
                  <td>{messages.eventKinds[event.kind] ?? event.kind}</td>
                  <td>
                    <code dir="ltr">{event.principal}</code>
                  </td>
                  <td>
                    <code dir="ltr">{event.address ?? ''}</code>
                  </td>
                  <td>
                    <code dir="ltr" className="admin-table__detail">
                      {JSON.stringify(event.detail)}
                    </code>
                  </td>
                </tr>
              ))}
        </AdminTable>
      )}
      {state.status === 'loaded' && state.next && (
        <button type="button" className="button button--quiet" onClick={() => void load(filters, state.next ?? undefined)}>
          {messages.more}
        </button>
      )}
    </div>
  );
}
