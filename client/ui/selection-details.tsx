import { useEffect } from 'react';
import { geometryBounds } from '../api/geometry-bounds.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMapController } from '../map/map-context.tsx';
import { FeatureDetails } from './feature-details.tsx';
import { useFullFeature } from './use-full-feature.ts';
import { useSelection } from './use-selection.ts';

/**
 * The details panel of the open feature, for any map app. A feature opened from a link, a list or another
 * feature's card is brought into view once its geometry arrives; one opened by a click already is.
 */
export function SelectionDetails({ catalog }: { catalog: LayerCatalog }) {
  const controller = useMapController();
  const { selection, open, close } = useSelection();
  const fullFeature = useFullFeature(selection);
  const layer = selection ? catalog.layers.find((entry) => entry.id === selection.layerId) : undefined;
  const geometry = fullFeature.state.status === 'loaded' ? fullFeature.state.feature.geometry : null;
  const wasClicked = selection?.tileProperties !== undefined;

  useEffect(() => {
    if (!geometry || wasClicked) return;
    const bounds = geometryBounds(geometry);
    if (bounds) controller.reveal(bounds);
  }, [controller, geometry, wasClicked]);

  if (!selection || !layer) return null;
  return <FeatureDetails layer={layer} selection={selection} fullFeature={fullFeature.state} onRetry={fullFeature.retry} onClose={close} onOpen={open} />;
}
