import type { LineString } from 'geojson';
import { useEffect, useState } from 'react';
import { type FeatureVersion, fetchHistory } from '../api/fetch-history.ts';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatInstant } from '../i18n/format-instant.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';
import { usePreviewOverlay } from './use-preview-overlay.ts';

/** An author as people read it: a staff member by username (`user:amina` is amina); other software by its key (`key:csk_...`). */
function authorName(author: string): string {
  return author.startsWith('user:') ? author.slice('user:'.length) : author;
}

type HistoryState = { status: 'loading' } | { status: 'loaded'; versions: FeatureVersion[] } | { status: 'failed' };

/** What a version changed from the one before: the labels of the properties, and the shape. */
function changedLabels(version: FeatureVersion, previous: FeatureVersion | undefined, entry: LayerCatalogEntry | undefined, label: (labels: { fr: string; ar: string; en: string }) => string, shape: string): string[] {
  if (!previous?.feature || !version.feature) return [];
  const names = Object.keys(version.feature.properties).filter((name) => name !== 'updated_at' && name !== 'created_at' && (version.feature!.properties[name] ?? null) !== (previous.feature!.properties[name] ?? null));
  const labels = names.map((name) => {
    const property = entry?.properties.find((candidate) => candidate.name === name);
    return property ? label(property.label) : name;
  });
  const isReshaped = JSON.stringify(version.feature.geometry) !== JSON.stringify(previous.feature.geometry);
  return isReshaped ? [shape, ...labels] : labels;
}

interface SegmentHistoryProps {
  reference: FeatureReference;
  entry?: LayerCatalogEntry;
  /** Restores a version (absent: the planner may not, or has unsaved changes; `restoreBlocked` says why). */
  onRestore?: (version: number) => Promise<void>;
  restoreBlocked?: boolean;
  /** Changes when the segment is saved, so the list is read again. */
  revision?: string;
}

/** The versions of the open segment, newest first: what changed, when, by whom; a past one shown on the map, or restored. */
export function SegmentHistory({ reference, entry, onRestore, restoreBlocked = false, revision = '' }: SegmentHistoryProps) {
  const { language } = useI18n();
  const messages = useMessages(PLAN_MESSAGES);
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const [shown, setShown] = useState<number | null>(null);
  const [restoreState, setRestoreState] = useState<{ version: number; status: 'done' | 'failed' } | null>(null);
  const label = (labels: { fr: string; ar: string; en: string }) => pickLabel(labels, language);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `revision` (the segment saved or restored) reads the history again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    setShown(null);
    fetchHistory(reference.layerId, reference.featureId, controller.signal).then(
      (versions) => setState({ status: 'loaded', versions }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [reference.layerId, reference.featureId, revision]);

  const versions = state.status === 'loaded' ? state.versions : [];
  const shownGeometry = versions.find((version) => version.version === shown)?.feature?.geometry;
  usePreviewOverlay(shownGeometry?.type === 'LineString' ? [{ role: 'previous', geometry: shownGeometry as LineString }] : null);
  const latest = versions.at(-1)?.version;

  const restore = async (version: number) => {
    if (!onRestore) return;
    try {
      await onRestore(version);
      setRestoreState({ version, status: 'done' });
      setShown(null);
    } catch {
      setRestoreState({ version, status: 'failed' });
    }
  };

  return (
    <section className="segment-history" aria-labelledby="segment-history-heading" aria-busy={state.status === 'loading'} data-state={state.status}>
      <h2 id="segment-history-heading" className="panel-heading">
        {messages.historyHeading}
      </h2>
      {state.status === 'failed' && <p className="notice notice--error">{messages.historyFailed}</p>}
      {state.status === 'loaded' && versions.length === 0 && <p className="side-panel__intro">{messages.historyEmpty}</p>}
      {restoreState && (
        <p className={`notice ${restoreState.status === 'failed' ? 'notice--error' : 'notice--info'}`} role="status">
          {restoreState.status === 'failed' ? messages.historyRestoreFailed : messages.historyRestored(messages.version(restoreState.version))}
        </p>
      )}
      {versions.length > 0 && restoreBlocked && <p className="side-panel__intro">{messages.historyRestoreBlocked}</p>}
      {versions.length > 0 && (
        <ol className="segment-history__list" reversed>
          {[...versions].reverse().map((version, index, newestFirst) => {
            const changed = changedLabels(version, newestFirst[index + 1], entry, label, messages.conflictGeometry);
            const canShow = version.feature?.geometry?.type === 'LineString';
            return (
              <li key={version.version} className="segment-history__entry" data-version={version.version}>
                <span className="segment-history__what">
                  {messages.version(version.version)} · {messages.operations[version.operation]}
                </span>
                <span className="segment-history__when">
                  <time dateTime={version.committedAt}>{formatInstant(version.committedAt, language)}</time>
                  {version.author && <bdi> {messages.by(authorName(version.author))}</bdi>}
                </span>
                {changed.length > 0 && <span className="segment-history__changed">{messages.historyChanged(changed.join(', '))}</span>}
                {version.version !== latest && (canShow || onRestore) && (
                  <span className="segment-history__actions">
                    {canShow && (
                      <button type="button" className="link-button" aria-pressed={shown === version.version} onClick={() => setShown(shown === version.version ? null : version.version)}>
                        {shown === version.version ? messages.historyHide : messages.historyShow}
                      </button>
                    )}
                    {onRestore && version.feature && (
                      <button type="button" className="button button--small" disabled={restoreBlocked} onClick={() => void restore(version.version)}>
                        {messages.historyRestore}
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
