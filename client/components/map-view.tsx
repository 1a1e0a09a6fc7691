import { useEffect, useRef } from 'react';
import { useMapController } from '../app/map-controller-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { LayerCatalog } from '../layers/catalog.ts';

interface MapViewProps {
  catalog: LayerCatalog;
  visibleLayerIds: ReadonlySet<string>;
}

/**
 * The element the map draws into. It hands the element to the controller once, with the catalog and
 * layers of its first render; later changes (language, catalog after a sign-in, visibility) go to the
 * controller as intents from <MapWorkspace/> and <App/>, never through a re-created map.
 */
export function MapView({ catalog, visibleLayerIds }: MapViewProps) {
  const controller = useMapController();
  const { language, messages } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const initial = useRef({ catalog, view: { language, visibleLayerIds } });

  useEffect(() => {
    if (containerRef.current) controller.mount(containerRef.current, initial.current.catalog, initial.current.view);
  }, [controller]);

  return <div ref={containerRef} className="map-view" role="region" aria-label={messages.mapLabel} />;
}
