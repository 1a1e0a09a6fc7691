import { useLayoutEffect, useRef } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useMapController } from './map-context.tsx';
import { MAP_MESSAGES } from './map-messages.ts';

/**
 * Where an app shows the map. The map itself belongs to the controller and outlives every app: this
 * element only hosts it while the app is shown, so switching apps never re-creates the map.
 */
export function MapView() {
  const controller = useMapController();
  const messages = useMessages(MAP_MESSAGES);
  const slotRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const slot = slotRef.current;
    if (!slot) return undefined;
    controller.attach(slot);
    return () => controller.detach(slot);
  }, [controller]);

  return <section ref={slotRef} className="map-view" aria-label={messages.mapLabel} />;
}
