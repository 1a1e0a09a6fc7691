import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { LayerCatalogEntry } from '../layers/catalog.ts';
import { describeFeature } from '../layers/describe-feature.ts';
import type { FeatureHit } from '../map/map-controller.ts';

interface FeatureDetailsProps {
  layer: LayerCatalogEntry;
  hit: FeatureHit;
  onClose: () => void;
}

/** The attributes of the clicked feature, labelled and formatted in the interface language. */
export function FeatureDetails({ layer, hit, onClose }: FeatureDetailsProps) {
  const { language, messages } = useI18n();
  const description = describeFeature(layer, hit.properties, hit.featureId, language);

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <section className="feature-details" aria-labelledby="feature-details-title" data-layer-id={layer.id}>
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
