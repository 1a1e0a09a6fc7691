import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { FeatureDetails } from '../components/feature-details.tsx';
import { LayerPanel } from '../components/layer-panel.tsx';
import { MapView } from '../components/map-view.tsx';
import { defaultVisibleLayerIds } from '../layers/build-map-style.ts';
import type { LayerCatalog } from '../layers/catalog.ts';
import { reconcileVisibleLayers } from '../layers/reconcile-visible-layers.ts';
import type { FeatureHit } from '../map/map-controller.ts';
import { useFullFeature } from './use-full-feature.ts';
import { useMapController } from './map-controller-context.tsx';

interface MapWorkspaceProps {
  catalog: LayerCatalog;
  /** Distinguishes the tiles of this catalog's caller from the previous one's (see MapStyleOptions.viewKey). */
  viewKey: string | undefined;
  layerPanelId: string;
  isLayerPanelOpen: boolean;
  /** A staff request was refused with 401: the session has ended on the server. */
  onUnauthorized: () => void;
}

/**
 * The map with its layer panel and details panel. Holds the view state React shows (visible layers,
 * selection, zoom) and passes every change to the map controller as an intent. A new catalog (someone
 * signed in or out) keeps the user's layer choices where it can and closes the details panel.
 */
export function MapWorkspace({ catalog, viewKey, layerPanelId, isLayerPanelOpen, onUnauthorized }: MapWorkspaceProps) {
  const controller = useMapController();
  const [layers, setLayers] = useState(() => ({ catalog, visibleLayerIds: defaultVisibleLayerIds(catalog) as ReadonlySet<string> }));
  const [selection, setSelection] = useState<FeatureHit | null>(null);
  const [zoom, setZoom] = useState<number | undefined>(catalog.zoom);
  const fullFeature = useFullFeature(selection, onUnauthorized);

  // Adjusted while rendering (not in an effect), so the controller never sees a catalog with the
  // visible layers of another one.
  if (layers.catalog !== catalog) {
    setLayers({ catalog, visibleLayerIds: reconcileVisibleLayers(layers.visibleLayerIds, layers.catalog, catalog) });
    setSelection(null);
  }
  const { visibleLayerIds } = layers;

  useEffect(() => controller.onFeatureClick(setSelection), [controller]);
  useEffect(() => controller.onZoomChange(setZoom), [controller]);
  useEffect(() => controller.setSelection(selection), [controller, selection]);
  // A layout effect: the map has its new style before anything can observe the rendered catalog.
  useLayoutEffect(() => {
    if (layers.catalog === catalog) controller.setLayers(catalog, visibleLayerIds, viewKey);
  }, [controller, catalog, layers.catalog, visibleLayerIds, viewKey]);

  const toggleLayer = useCallback((layerId: string, isVisible: boolean) => {
    setLayers((current) => {
      const next = new Set(current.visibleLayerIds);
      if (isVisible) next.add(layerId);
      else next.delete(layerId);
      return { ...current, visibleLayerIds: next };
    });
    if (!isVisible) setSelection((current) => (current?.layerId === layerId ? null : current));
  }, []);
  const closeDetails = useCallback(() => setSelection(null), []);
  const selectedLayer = selection ? catalog.layers.find((layer) => layer.id === selection.layerId) : undefined;

  return (
    <div className="workspace">
      <LayerPanel
        id={layerPanelId}
        layers={catalog.layers}
        visibleLayerIds={visibleLayerIds}
        zoom={zoom}
        isOpen={isLayerPanelOpen}
        onToggle={toggleLayer}
      />
      <div className="map-area">
        <MapView catalog={catalog} visibleLayerIds={visibleLayerIds} />
        {selection && selectedLayer && (
          <FeatureDetails layer={selectedLayer} hit={selection} fullFeature={fullFeature.state} onRetry={fullFeature.retry} onClose={closeDetails} />
        )}
      </div>
    </div>
  );
}
