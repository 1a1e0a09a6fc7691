import { useCallback, useEffect, useState } from 'react';
import { FeatureDetails } from '../components/feature-details.tsx';
import { LayerPanel } from '../components/layer-panel.tsx';
import { MapView } from '../components/map-view.tsx';
import { defaultVisibleLayerIds } from '../layers/build-map-style.ts';
import type { LayerCatalog } from '../layers/catalog.ts';
import type { FeatureHit } from '../map/map-controller.ts';
import { useMapController } from './map-controller-context.tsx';

interface MapWorkspaceProps {
  catalog: LayerCatalog;
  layerPanelId: string;
  isLayerPanelOpen: boolean;
}

/**
 * The map with its layer panel and details panel. Holds the view state React shows (visible layers,
 * selection, zoom) and passes every change to the map controller as an intent.
 */
export function MapWorkspace({ catalog, layerPanelId, isLayerPanelOpen }: MapWorkspaceProps) {
  const controller = useMapController();
  const [visibleLayerIds, setVisibleLayerIds] = useState<ReadonlySet<string>>(() => defaultVisibleLayerIds(catalog));
  const [selection, setSelection] = useState<FeatureHit | null>(null);
  const [zoom, setZoom] = useState<number | undefined>(catalog.zoom);

  useEffect(() => controller.onFeatureClick(setSelection), [controller]);
  useEffect(() => controller.onZoomChange(setZoom), [controller]);
  useEffect(() => controller.setSelection(selection), [controller, selection]);
  useEffect(() => controller.setVisibleLayers(visibleLayerIds), [controller, visibleLayerIds]);

  const toggleLayer = useCallback((layerId: string, isVisible: boolean) => {
    setVisibleLayerIds((current) => {
      const next = new Set(current);
      if (isVisible) next.add(layerId);
      else next.delete(layerId);
      return next;
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
        {selection && selectedLayer && <FeatureDetails layer={selectedLayer} hit={selection} onClose={closeDetails} />}
      </div>
    </div>
  );
}
