import { useEffect, useState } from 'react';
import { type FeatureVersion, fetchHistory } from '../api/fetch-history.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatInstant } from '../i18n/format-instant.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';

type HistoryState = { status: 'loading' } | { status: 'loaded'; versions: FeatureVersion[] } | { status: 'failed' };

/** The versions of the open segment, newest first: what changed, when, by whom. */
export function SegmentHistory({ reference }: { reference: FeatureReference }) {
  const { language } = useI18n();
  const messages = useMessages(PLAN_MESSAGES);
  const [state, setState] = useState<HistoryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchHistory(reference.layerId, reference.featureId, controller.signal).then(
      (versions) => setState({ status: 'loaded', versions }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [reference.layerId, reference.featureId]);

  return (
    <section className="segment-history" aria-labelledby="segment-history-heading" aria-busy={state.status === 'loading'} data-state={state.status}>
      <h2 id="segment-history-heading" className="panel-heading">
        {messages.historyHeading}
      </h2>
      {state.status === 'failed' && <p className="notice notice--error">{messages.historyFailed}</p>}
      {state.status === 'loaded' && state.versions.length === 0 && <p className="side-panel__intro">{messages.historyEmpty}</p>}
      {state.status === 'loaded' && state.versions.length > 0 && (
        <ol className="segment-history__list" reversed>
          {[...state.versions].reverse().map((version) => (
            <li key={version.version} className="segment-history__entry" data-version={version.version}>
              <span className="segment-history__what">
                {messages.version(version.version)} · {messages.operations[version.operation]}
              </span>
              <span className="segment-history__when">
                <time dateTime={version.committedAt}>{formatInstant(version.committedAt, language)}</time>
                {version.author && <bdi> {messages.by(version.author)}</bdi>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
