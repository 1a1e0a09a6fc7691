import { useCallback } from 'react';
import { groupLayersByFamily, type LayerCatalogEntry } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import type { FeatureReference } from '../state/url-state.ts';
import { LayerToggle } from './layer-toggle.tsx';
import { UI_MESSAGES } from './ui-messages.ts';

interface LayerPanelProps {
  /** The layers this app lists (the caller may read them all; an app may list fewer). */
  layers: readonly LayerCatalogEntry[];
  /** Makes the features listed in legends (transit lines) open on click. */
  onOpenFeature?: (reference: FeatureReference) => void;
}

/**
 * The layers, grouped by family, each with its switch and legend. Switching a layer changes the shared
 * visible layers; a layer switched off closes its open feature.
 */
export function LayerPanel({ layers, onOpenFeature }: LayerPanelProps) {
  const { state } = useServices();
  const messages = useMessages(UI_MESSAGES);
  const visibleLayerIds = useStore(state, (snapshot) => snapshot.visibleLayerIds);
  const zoom = useStore(state, (snapshot) => snapshot.position?.zoom);
  const toggle = useCallback(
    (layerId: string, isVisible: boolean) =>
      state.update((current) => {
        const next = new Set(current.visibleLayerIds ?? []);
        if (isVisible) next.add(layerId);
        else next.delete(layerId);
        const selection = !isVisible && current.selection?.layerId === layerId ? null : current.selection;
        return { ...current, visibleLayerIds: next, selection };
      }),
    [state],
  );
  return (
    <section className="layer-panel" aria-labelledby="layer-panel-heading">
      <h2 id="layer-panel-heading" className="panel-heading">
        {messages.layersHeading}
      </h2>
      {groupLayersByFamily(layers).map((group) => (
        <section key={group.family} className="layer-group" aria-labelledby={`layer-group-${group.family}`}>
          <h3 id={`layer-group-${group.family}`} className="layer-group__heading">
            {messages.families[group.family] ?? group.family}
          </h3>
          <ul className="layer-group__list">
            {group.layers.map((layer) => (
              <LayerToggle key={layer.id} layer={layer} isVisible={visibleLayerIds?.has(layer.id) ?? layer.isVisibleByDefault} zoom={zoom} onToggle={toggle} onOpenFeature={onOpenFeature} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
