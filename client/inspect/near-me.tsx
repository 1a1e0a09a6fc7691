import { useEffect, useState } from 'react';
import { fetchNearby, type NearbyFeature } from '../api/fetch-nearby.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { localeOf } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { useMapController } from '../map/map-context.tsx';
import type { FeatureReference } from '../state/url-state.ts';
import { describeTitle } from '../ui/describe-feature.ts';
import { currentPosition, type LonLat } from './device-position.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';

/** What "near" means in the field, in metres: a few blocks on foot. */
export const NEAR_ME_RADIUS_M = 500;
/** Features listed per layer at most. */
const NEAR_ME_LIMIT = 25;
const OVERLAY_ID = 'inspect-position';
/** The layers "near me" lists: what an inspector visits. */
const NEAR_ME_LAYERS = ['establishments', 'permits'];

type NearState = { status: 'idle' } | { status: 'locating' } | { status: 'unavailable' } | { status: 'ready'; features: (NearbyFeature & { layerId: string })[] };

/** The device's place drawn on the map, over everything (an overlay kept across restyles). */
function showPosition(controller: ReturnType<typeof useMapController>, place: LonLat): void {
  controller.overlays.set({
    id: OVERLAY_ID,
    placement: 'top',
    sources: { [`${OVERLAY_ID}:point`]: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [place.longitude, place.latitude] } } } },
    layers: [
      { id: `${OVERLAY_ID}:halo`, type: 'circle', source: `${OVERLAY_ID}:point`, paint: { 'circle-radius': 14, 'circle-color': '#2f6fde', 'circle-opacity': 0.2 } },
      { id: `${OVERLAY_ID}:dot`, type: 'circle', source: `${OVERLAY_ID}:point`, paint: { 'circle-radius': 6, 'circle-color': '#2f6fde', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    ],
  });
}

/**
 * "Near me": centres the map on the device's position and lists the establishments and permits within
 * NEAR_ME_RADIUS_M, nearest first, each opening its card.
 */
export function NearMe({ catalog, onOpen }: { catalog: LayerCatalog; onOpen: (reference: FeatureReference) => void }) {
  const messages = useMessages(INSPECT_MESSAGES);
  const { language } = useI18n();
  const controller = useMapController();
  const [state, setState] = useState<NearState>({ status: 'idle' });
  useEffect(() => () => controller.overlays.remove(OVERLAY_ID), [controller]);

  const locate = async () => {
    setState({ status: 'locating' });
    const place = await currentPosition();
    if (!place) {
      setState({ status: 'unavailable' });
      return;
    }
    showPosition(controller, place);
    controller.flyTo([place.longitude, place.latitude], 16);
    const layers = NEAR_ME_LAYERS.filter((id) => catalog.layers.some((layer) => layer.id === id));
    try {
      const found = await Promise.all(layers.map(async (layerId) => (await fetchNearby(layerId, place, { radiusM: NEAR_ME_RADIUS_M, limit: NEAR_ME_LIMIT })).map((feature) => ({ ...feature, layerId }))));
      setState({ status: 'ready', features: found.flat().sort((a, b) => a.distanceM - b.distanceM) });
    } catch {
      setState({ status: 'unavailable' });
    }
  };

  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 });
  return (
    <div className="near-me">
      <button type="button" className="button near-me__button" onClick={() => void locate()} aria-busy={state.status === 'locating'}>
        {messages.nearMe}
      </button>
      {state.status !== 'idle' && (
        <section className="near-me__results" aria-labelledby="near-me-heading" data-state={state.status}>
          <div className="near-me__header">
            <h3 id="near-me-heading" className="inspect-subheading">{messages.nearMeHeading}</h3>
            <button type="button" className="icon-button" aria-label={messages.closeNearMe} title={messages.closeNearMe} onClick={() => setState({ status: 'idle' })}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {state.status === 'locating' && <p role="status">{messages.nearMeLocating}</p>}
          {state.status === 'unavailable' && <p role="status">{messages.nearMeUnavailable}</p>}
          {state.status === 'ready' && state.features.length === 0 && <p role="status">{messages.nearMeEmpty}</p>}
          {state.status === 'ready' && state.features.length > 0 && (
            <ul className="near-me__list">
              {state.features.map((feature) => {
                const layer = catalog.layers.find((entry) => entry.id === feature.layerId)!;
                return (
                  <li key={`${feature.layerId}/${feature.id}`}>
                    <button type="button" className="features-in-view__item" data-layer-id={feature.layerId} data-feature-id={String(feature.id)} onClick={() => onOpen({ layerId: feature.layerId, featureId: String(feature.id) })}>
                      <bdi className="features-in-view__title">{describeTitle(layer, feature.properties, feature.id, language)}</bdi>
                      <span className="features-in-view__layer">
                        {pickLabel(layer.title, language)} · {messages.metres(number.format(feature.distanceM))}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
