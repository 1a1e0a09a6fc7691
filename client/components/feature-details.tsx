import { useEffect } from 'react';
import type { FullFeatureState } from '../app/use-full-feature.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { LayerCatalogEntry } from '../layers/catalog.ts';
import { describeFeature } from '../layers/describe-feature.ts';
import { detailsProblemOf } from '../layers/details-problem.ts';
import type { FeatureHit } from '../map/map-controller.ts';

interface FeatureDetailsProps {
  layer: LayerCatalogEntry;
  hit: FeatureHit;
  /** The full record from the features API, fetched after the click. */
  fullFeature: FullFeatureState;
  onRetry: () => void;
  onClose: () => void;
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

/**
 * The attributes of the clicked feature, labelled and formatted in the interface language: first what
 * its vector tile carries (shown at once), then every property the caller may see, from the features API.
 * When that request fails the panel says why, politely, and keeps the tile's attributes.
 */
export function FeatureDetails({ layer, hit, fullFeature, onRetry, onClose }: FeatureDetailsProps) {
  const { language, messages } = useI18n();
  const properties = fullFeature.status === 'loaded' ? { ...hit.properties, ...fullFeature.properties } : hit.properties;
  const description = describeFeature(layer, properties, hit.featureId, language);
  const problem = fullFeature.status === 'failed' ? detailsProblemOf(fullFeature.error) : null;

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
      data-state={panelState(fullFeature)}
    >
      <header className="feature-details__header">
        <div>
          <p className="feature-details__layer">{description.layerTitle}</p>
          <h2 id="feature-details-title" className="feature-details__title">
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
              {messages.retry}
            </button>
          )}
        </div>
      )}
      {description.rows.length === 0 ? (
        <p className="feature-details__empty">{messages.noAttributes}</p>
      ) : (
        <dl className="feature-details__list">
          {description.rows.map((row) => (
            <div key={row.name} className="feature-details__row" data-property={row.name}>
              <dt>{row.label}</dt>
              <dd>
                {row.value.color && <span className="color-chip" style={{ backgroundColor: row.value.color }} aria-hidden="true" />}
                <bdi>{row.value.text}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
