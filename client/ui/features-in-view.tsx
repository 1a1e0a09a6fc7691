import { useEffect, useState } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { plural } from '../i18n/plural.ts';
import type { FeatureHit } from '../map/feature-hit.ts';
import { useMapController } from '../map/map-context.tsx';
import type { Selection } from '../state/app-state.ts';
import { describeTitle } from './describe-feature.ts';
import { UI_MESSAGES } from './ui-messages.ts';

/** More would make a list nobody tabs through: past this, the list asks to zoom in. */
const MAX_LISTED = 40;

interface ListedFeature {
  key: string;
  /** The feature and what its tile carries, so that its card is titled before the full feature arrives. */
  reference: Selection;
  title: string;
  layerTitle: string;
}

/** The features drawn in the view, named in the language, top layers first, then by name. */
export function listFeatures(hits: readonly FeatureHit[], catalog: LayerCatalog, language: Language): ListedFeature[] {
  const order = new Map(catalog.layers.map((layer, index) => [layer.id, index]));
  return hits
    .flatMap((hit) => {
      const layer = catalog.layers.find((entry) => entry.id === hit.layerId);
      if (!layer || hit.featureId === undefined) return [];
      const featureId = String(hit.featureId);
      const title = describeTitle(layer, hit.properties, featureId, language);
      return [{ key: `${layer.id}/${featureId}`, reference: { layerId: layer.id, featureId, tileProperties: hit.properties }, title, layerTitle: pickLabel(layer.title, language), rank: order.get(layer.id) ?? 0 }];
    })
    .sort((a, b) => b.rank - a.rank || a.title.localeCompare(b.title, language))
    .map(({ rank: _rank, ...feature }) => feature);
}

interface FeaturesInViewProps {
  catalog: LayerCatalog;
  onOpen: (selection: Selection) => void;
}

/**
 * The features the map draws, as a list of buttons: what a mouse user sees and clicks, a keyboard or screen
 * reader user reaches with Tab and opens with Enter. It follows the map each time a view is drawn.
 */
export function FeaturesInView({ catalog, onOpen }: FeaturesInViewProps) {
  const controller = useMapController();
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const [hits, setHits] = useState<FeatureHit[]>([]);

  useEffect(() => {
    setHits(controller.featuresInView());
    return controller.onIdle(() => setHits(controller.featuresInView()));
  }, [controller]);

  const features = listFeatures(hits, catalog, language);
  const listed = features.slice(0, MAX_LISTED);
  return (
    <section className="features-in-view" aria-labelledby="features-in-view-heading" data-count={features.length}>
      <h2 id="features-in-view-heading" className="panel-heading">
        {messages.inViewHeading}
      </h2>
      <p className="features-in-view__count" aria-live="polite">
        {features.length === 0 ? messages.inViewEmpty : plural(language, features.length, messages.inViewCount)}
      </p>
      <ul className="features-in-view__list">
        {listed.map((feature) => (
          <li key={feature.key}>
            <button type="button" className="features-in-view__item" data-layer-id={feature.reference.layerId} data-feature-id={feature.reference.featureId} onClick={() => onOpen(feature.reference)}>
              <bdi className="features-in-view__title">{feature.title}</bdi>
              <span className="features-in-view__layer">{feature.layerTitle}</span>
            </button>
          </li>
        ))}
      </ul>
      {features.length > listed.length && <p className="features-in-view__more">{messages.inViewMore(String(features.length - listed.length))}</p>}
    </section>
  );
}
