import { useEffect, useState } from 'react';
import { fetchFeature } from '../api/fetch-feature.ts';
import { type FeatureVersion, fetchHistory } from '../api/fetch-history.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { formatInstant } from '../i18n/format-instant.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { formatDate, formatPropertyValue } from '../ui/format-value.ts';
import { type RecordMessages, RECORD_MESSAGES } from './record-messages.ts';

/** One step of a permit's life, in date order. */
export interface TimelineStep {
  key: string;
  /** ISO date or instant the step happened on (sorts the steps). */
  at: string;
  text: string;
}

/**
 * A permit's life from its dates (submitted, decided with its status, valid until or expired) and from its
 * recorded versions (each change of status, with when it was committed). Pure.
 */
export function permitTimeline(
  layer: LayerCatalogEntry,
  properties: Record<string, unknown>,
  versions: readonly FeatureVersion[],
  today: string,
  language: Language,
  messages: RecordMessages,
): TimelineStep[] {
  const status = layer.properties.find((property) => property.name === 'status');
  const statusLabel = (value: unknown) => (status ? (formatPropertyValue(status, value, language)?.text ?? String(value)) : String(value));
  const steps: TimelineStep[] = [];
  const date = (name: string) => (typeof properties[name] === 'string' ? (properties[name] as string) : null);
  const submitted = date('submitted_on');
  const decided = date('decided_on');
  const validUntil = date('valid_until');
  if (submitted) steps.push({ key: 'submitted', at: submitted, text: messages.timeline.submitted(formatDate(submitted, language)) });
  if (decided) steps.push({ key: 'decided', at: decided, text: `${formatDate(decided, language)} · ${messages.timeline.decided(statusLabel(properties.status))}` });
  if (validUntil) {
    const text = validUntil < today ? messages.timeline.expired(formatDate(validUntil, language)) : messages.timeline.validUntil(formatDate(validUntil, language));
    steps.push({ key: 'valid', at: validUntil, text });
  }
  let previous: unknown;
  for (const version of versions) {
    const value = version.feature?.properties.status;
    if (version.operation !== 'create' && value !== undefined && value !== previous) {
      steps.push({ key: `v${version.version}`, at: version.committedAt, text: `${formatInstant(version.committedAt, language)} · ${messages.timeline.changed(statusLabel(value))}` });
    }
    previous = value;
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

/** The timeline section of a permit's card. */
export function PermitTimeline({ layer, permitId, today }: { layer: LayerCatalogEntry; permitId: string; today: string }) {
  const messages = useMessages(RECORD_MESSAGES);
  const { language } = useI18n();
  const [data, setData] = useState<{ properties: Record<string, unknown>; versions: FeatureVersion[] } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setData(null);
    Promise.all([fetchFeature(layer.id, permitId, controller.signal), fetchHistory(layer.id, permitId, controller.signal).catch(() => [])]).then(
      ([feature, versions]) => setData({ properties: feature.properties, versions }),
      () => undefined,
    );
    return () => controller.abort();
  }, [layer.id, permitId]);
  if (!data) return null;
  const steps = permitTimeline(layer, data.properties, data.versions, today, language, messages);
  return (
    <section className="permit-timeline" aria-labelledby="permit-timeline-heading">
      <h3 id="permit-timeline-heading" className="related-features__heading">{messages.timelineHeading}</h3>
      <ol className="timeline">
        {steps.map((step) => (
          <li key={step.key} className="timeline__step" data-step={step.key}>
            {step.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
