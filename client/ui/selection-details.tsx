import { type ReactNode, useEffect } from 'react';
import { geometryBounds } from '../api/geometry-bounds.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMapController } from '../map/map-context.tsx';
import type { Selection } from '../state/app-state.ts';
import { FeatureDetails } from './feature-details.tsx';
import { RelatedFeatures } from './related-features.tsx';
import { useFullFeature } from './use-full-feature.ts';
import { useSelection } from './use-selection.ts';

/**
 * The details panel of the open feature, for any map app. A feature opened from a link, a search or another
 * feature's card is brought into view once its geometry arrives; one opened by a click or from the list of
 * features in view already is (both carry its tile's properties).
 */
export function SelectionDetails({ catalog, renderExtra }: { catalog: LayerCatalog; renderExtra?: (selection: Selection, layer: LayerCatalog['layers'][number]) => ReactNode }) {
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
  // An app may put its own sections after the attributes (an establishment's inspection history); by default
  // the card lists the features of other layers that name this one.
  const extra = renderExtra?.(selection, layer) ?? <RelatedFeatures catalog={catalog} layer={layer} featureId={selection.featureId} onOpen={open} />;
  return <FeatureDetails layer={layer} selection={selection} fullFeature={fullFeature.state} onRetry={fullFeature.retry} onClose={close} onOpen={open} extra={extra} />;
}
