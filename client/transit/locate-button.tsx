import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useMapController } from '../map/map-context.tsx';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import type { Position } from './mobility-api.ts';
import { TRANSIT_MESSAGES } from './transit-messages.ts';
import { buildPositionOverlay, POSITION_OVERLAY_ID } from './transit-overlays.ts';
import { isInsideBounds, useDevicePosition } from './use-device-position.ts';

/**
 * "Locate me": asks the device for its position (only when pressed), marks it on the map and brings it
 * into view. The position stays in the page (see use-device-position.ts).
 */
export function LocateButton({ bounds }: { bounds: readonly number[] }) {
  const controller = useMapController();
  const messages = useMessages(TRANSIT_MESSAGES);
  const journeyMessages = useMessages(JOURNEY_MESSAGES);
  const device = useDevicePosition();
  const [shown, setShown] = useState<Position | null>(null);
  const [isOutside, setOutside] = useState(false);

  useEffect(() => {
    if (!shown) return undefined;
    controller.overlays.set(buildPositionOverlay(shown));
    const [lon, lat] = shown;
    controller.fitBounds([lon, lat, lon, lat]);
    return () => controller.overlays.remove(POSITION_OVERLAY_ID);
  }, [controller, shown]);

  const locate = async () => {
    const found = await device.locate();
    const isFound = found.status === 'found';
    setOutside(isFound && !isInsideBounds(found.position, bounds));
    if (isFound && isInsideBounds(found.position, bounds)) setShown(found.position);
  };
  const problem = isOutside ? journeyMessages.positionProblems.outside : device.state.status === 'failed' ? journeyMessages.positionProblems[device.state.problem] : null;
  return (
    <div className="locate">
      <button type="button" className="map-button" data-action="locate" aria-busy={device.state.status === 'locating'} title={messages.locate} onClick={() => void locate()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm9 3h-2.1A7 7 0 0 0 13 5.1V3h-2v2.1A7 7 0 0 0 5.1 11H3v2h2.1a7 7 0 0 0 5.9 5.9V21h2v-2.1a7 7 0 0 0 5.9-5.9H21v-2Zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10Z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{messages.locate}</span>
      </button>
      {problem && (
        <p className="locate__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
