import { useEffect, useState } from 'react';
import { fetchFeaturePage, itemsUrl } from '../api/fetch-feature-page.ts';
import type { ListedFeature } from '../api/fetch-features.ts';
import type { LayerCatalog, LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pickLabel } from '../i18n/pick-label.ts';
import type { FeatureReference } from '../state/url-state.ts';
import { describeTitle } from './describe-feature.ts';
import { UI_MESSAGES } from './ui-messages.ts';

/** How many related features a card lists at most. */
const MAX_RELATED = 50;

/** The layers whose features name a feature of `layer` (inspections by their establishment), with the property that does. */
export function referringLayers(catalog: LayerCatalog, layer: LayerCatalogEntry): { layer: LayerCatalogEntry; property: string }[] {
  return catalog.layers.flatMap((candidate) => candidate.properties.filter((property) => property.references === layer.id).map((property) => ({ layer: candidate, property: property.name })));
}

/** Newest first by the layer's primary date, then by id. */
export function newestFirst(layer: LayerCatalogEntry, features: readonly ListedFeature[]): ListedFeature[] {
  const dateOf = (feature: ListedFeature) => String(layer.primaryDateProperty ? (feature.properties[layer.primaryDateProperty] ?? '') : '');
  return [...features].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || Number(b.id) - Number(a.id));
}

function RelatedList({ layer, property, featureId, onOpen }: { layer: LayerCatalogEntry; property: string; featureId: string; onOpen: (reference: FeatureReference) => void }) {
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed' } | { status: 'loaded'; features: ListedFeature[] }>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchFeaturePage(itemsUrl(layer.id, new URLSearchParams({ [property]: featureId, limit: String(MAX_RELATED) })), controller.signal).then(
      (page) => setState({ status: 'loaded', features: newestFirst(layer, page.features) }),
      () => !controller.signal.aborted && setState({ status: 'failed' }),
    );
    return () => controller.abort();
  }, [layer, property, featureId]);
  if (state.status === 'loaded' && state.features.length === 0) return null;
  return (
    <section className="related-features" data-related-layer={layer.id}>
      <h3 className="related-features__heading">{pickLabel(layer.title, language)}</h3>
      {state.status === 'loading' && <p className="feature-details__status">{messages.relatedLoading}</p>}
      {state.status === 'failed' && <p className="feature-details__status">{messages.relatedFailed}</p>}
      {state.status === 'loaded' && (
        <ul className="related-features__list">
          {state.features.map((feature) => {
            const title = describeTitle(layer, feature.properties, feature.id, language);
            return (
              <li key={String(feature.id)}>
                <button type="button" className="link-button" data-related-id={String(feature.id)} onClick={() => onOpen({ layerId: layer.id, featureId: String(feature.id) })}>
                  <bdi>{title}</bdi>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * The features of other layers that name this one (an establishment's inspections), newest first, each
 * opening its own card: how features that sit on this one, and are not drawn on the map, are reached.
 */
export function RelatedFeatures({ catalog, layer, featureId, onOpen }: { catalog: LayerCatalog; layer: LayerCatalogEntry; featureId: string; onOpen: (reference: FeatureReference) => void }) {
  return (
    <>
      {referringLayers(catalog, layer).map(({ layer: related, property }) => (
        <RelatedList key={`${related.id}/${property}`} layer={related} property={property} featureId={featureId} onOpen={onOpen} />
      ))}
    </>
  );
}
