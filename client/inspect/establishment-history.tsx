import { useEffect, useState } from 'react';
import { fetchFeaturePage, itemsUrl } from '../api/fetch-feature-page.ts';
import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDate, formatPropertyValue } from '../ui/format-value.ts';
import { newestFirst } from '../ui/related-features.tsx';
import { GradeBadge } from './grade-badge.tsx';
import { useOutbox } from './offline/use-outbox.tsx';
import { RECORD_MESSAGES } from './record-messages.ts';

/** Inspections of one establishment shown at most (years of visits of a busy restaurant). */
const MAX_INSPECTIONS = 200;

interface EstablishmentHistoryProps {
  establishments: LayerCatalogEntry;
  inspections: LayerCatalogEntry;
  establishmentId: string;
  onRecord: (() => void) | null;
}

type HistoryState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; inspections: ListedFeature[] };

/**
 * An establishment's inspections, newest first (date, score, grade, findings, outcome, follow-up, notes,
 * and the inspector for roles allowed to see who), with those recorded on this device and not yet sent,
 * and the button to record a new one. Reloaded each time the outbox reaches the server.
 */
export function EstablishmentHistory({ establishments, inspections, establishmentId, onRecord }: EstablishmentHistoryProps) {
  const messages = useMessages(RECORD_MESSAGES);
  const { language } = useI18n();
  const outbox = useOutbox();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: each record the outbox sends (`sentCount`) loads the history again.
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' ? current : { status: 'loading' }));
    const parameters = new URLSearchParams({ establishment_id: establishmentId, limit: String(MAX_INSPECTIONS) });
    fetchFeaturePage(itemsUrl(inspections.id, parameters), controller.signal).then(
      (page) => setState({ status: 'loaded', inspections: newestFirst(inspections, page.features) }),
      () => !controller.signal.aborted && setState({ status: 'failed' }),
    );
    return () => controller.abort();
  }, [inspections, establishmentId, outbox.sentCount]);

  const property = (name: string) => inspections.properties.find((candidate) => candidate.name === name);
  const show = (feature: ListedFeature, name: string) => {
    const definition = property(name);
    return definition ? (formatPropertyValue(definition, feature.properties[name], language)?.text ?? null) : null;
  };
  const pending = outbox.records.filter((record) => record.parent?.layerId === establishments.id && record.parent.featureId === establishmentId);
  const entry = (feature: ListedFeature, isPending: boolean, key: string) => (
    <li key={key} className="history-entry" data-inspection-id={isPending ? undefined : String(feature.id)} data-pending={isPending}>
      <div className="history-entry__head">
        <span className="history-entry__date">{formatDate(String(feature.properties.inspected_on), language)}</span>
        <GradeBadge layer={establishments} grade={(feature.properties.grade as string | undefined) ?? null} />
        <span className="history-entry__score">{messages.score(String(feature.properties.score ?? '–'))}</span>
      </div>
      {isPending && <p className="history-entry__pending">{messages.pendingInCard}</p>}
      <p className="history-entry__outcome">{show(feature, 'outcome')}</p>
      {show(feature, 'violations') && <p className="history-entry__violations">{show(feature, 'violations')}</p>}
      {typeof feature.properties.follow_up_on === 'string' && <p>{messages.followUp(formatDate(feature.properties.follow_up_on, language))}</p>}
      {show(feature, 'notes') && <p className="history-entry__notes"><bdi>{show(feature, 'notes')}</bdi></p>}
      {show(feature, 'inspector_name') && <p className="history-entry__inspector"><bdi>{show(feature, 'inspector_name')}</bdi></p>}
    </li>
  );

  return (
    <section className="establishment-history" aria-labelledby="establishment-history-heading" data-state={state.status}>
      <div className="establishment-history__header">
        <h3 id="establishment-history-heading" className="related-features__heading">{messages.historyHeading}</h3>
        {onRecord && (
          <button type="button" className="button record-button" onClick={onRecord}>
            {messages.recordInspection}
          </button>
        )}
      </div>
      {state.status === 'loading' && <p className="feature-details__status" role="status">{messages.historyLoading}</p>}
      {state.status === 'failed' && <p className="feature-details__status">{messages.historyFailed}</p>}
      <ol className="history-list">
        {pending.map((record) => entry({ id: record.id, properties: record.feature.properties, geometry: null }, true, record.id))}
        {state.status === 'loaded' && state.inspections.map((feature) => entry(feature, false, String(feature.id)))}
      </ol>
      {state.status === 'loaded' && state.inspections.length === 0 && pending.length === 0 && <p className="feature-details__empty">{messages.historyEmpty}</p>}
    </section>
  );
}
