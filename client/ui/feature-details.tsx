import { type ReactNode, useEffect } from 'react';
import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Selection } from '../state/app-state.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { describeFeature } from './describe-feature.ts';
import { detailsProblemOf } from './details-problem.ts';
import type { FormattedValue } from './format-value.ts';
import { RelatedFeatureLink } from './related-feature-link.tsx';
import { UI_MESSAGES } from './ui-messages.ts';
import type { FullFeatureState } from './use-full-feature.ts';

interface FeatureDetailsProps {
  layer: LayerCatalogEntry;
  selection: Selection;
  /** The full record from the features API, fetched after the click. */
  fullFeature: FullFeatureState;
  onRetry: () => void;
  onClose: () => void;
  /** Opens a related feature (an inspection's establishment). */
  onOpen: (reference: FeatureReference) => void;
  /** What follows the attributes: an app's own sections, else the features of other layers that name this one. */
  extra?: ReactNode;
}

/** `data-state` of the panel, for styling and tests: what the rows show so far. */
function panelState(fullFeature: FullFeatureState): 'tile' | 'loading' | 'complete' | 'partial' {
  switch (fullFeature.status) {
    case 'loading':
      return 'loading';
    case 'loaded':
      return 'complete';
    case 'failed':
      return 'partial';
    default:
      return 'tile';
  }
}

function PropertyValue({ value, reference, onOpen }: { value: FormattedValue; reference: FeatureReference | null; onOpen: FeatureDetailsProps['onOpen'] }) {
  if (reference) return <RelatedFeatureLink reference={reference} onOpen={onOpen} />;
  // A colour is shown as itself; its code is for screen readers and the tooltip only.
  if (value.color) return <span className="color-chip color-chip--large" role="img" aria-label={value.text} title={value.text} style={{ backgroundColor: value.color }} />;
  return <bdi>{value.text}</bdi>;
}

/**
 * The attributes of the open feature, labelled and formatted in the interface language: first what its
 * vector tile carries (shown at once), then every property the caller may see, from the features API.
 * When that request fails the panel says why, politely, and keeps the tile's attributes.
 */
export function FeatureDetails({ layer, selection, fullFeature, onRetry, onClose, onOpen, extra }: FeatureDetailsProps) {
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const properties = fullFeature.status === 'loaded' ? { ...selection.tileProperties, ...fullFeature.feature.properties } : (selection.tileProperties ?? {});
  const description = describeFeature(layer, properties, selection.featureId, language);
  const problem = fullFeature.status === 'failed' ? detailsProblemOf(fullFeature.error) : null;
  const referenceOf = (name: string): FeatureReference | null => {
    const target = layer.properties.find((property) => property.name === name)?.references;
    const value = properties[name];
    return target && (typeof value === 'number' || typeof value === 'string') ? { layerId: target, featureId: String(value) } : null;
  };

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <section
      className="feature-details"
      aria-labelledby="feature-details-title"
      aria-busy={fullFeature.status === 'loading'}
      data-layer-id={layer.id}
      data-feature-id={selection.featureId}
      data-state={panelState(fullFeature)}
    >
      <header className="feature-details__header">
        <div>
          <p className="feature-details__layer">{description.layerTitle}</p>
          <h2 id="feature-details-title" className="feature-details__title" tabIndex={-1}>
            {description.title}
          </h2>
        </div>
        <button type="button" className="icon-button" aria-label={messages.closeDetails} title={messages.closeDetails} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {fullFeature.status === 'loading' && (
        <p className="feature-details__status" role="status">
          <span className="spinner spinner--small" aria-hidden="true" />
          {messages.detailsLoading}
        </p>
      )}
      {problem && (
        <div className="feature-details__problem" role="status" data-problem={problem}>
          <p>{messages.detailsProblems[problem]}</p>
          {problem === 'unavailable' && (
            <button type="button" className="button button--quiet" onClick={onRetry}>
              {common.retry}
            </button>
          )}
        </div>
      )}
      <div className="feature-details__body">
        {description.rows.length === 0 ? (
          <p className="feature-details__empty">{messages.noAttributes}</p>
        ) : (
          <dl className="feature-details__list">
            {description.rows.map((row) => (
              <div key={row.name} className="feature-details__row" data-property={row.name}>
                <dt>{row.label}</dt>
                <dd>
                  <PropertyValue value={row.value} reference={referenceOf(row.name)} onOpen={onOpen} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        {extra}
      </div>
    </section>
  );
}
