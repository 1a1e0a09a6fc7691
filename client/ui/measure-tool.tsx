import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDistance } from '../i18n/format-distance.ts';
import { useMapController } from '../map/map-context.tsx';
import { createMeasureMode } from '../map/measure-mode.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { UI_MESSAGES } from './ui-messages.ts';

/**
 * The map's measuring tool: a button that enters the measure mode (map/measure-mode.ts) and leaves it, and
 * while it lasts, the length measured so far, in the language.
 */
export function MeasureTool() {
  const controller = useMapController();
  const { state } = useServices();
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const modeId = useStore(state, (snapshot) => snapshot.modeId);
  const [metres, setMetres] = useState(0);
  const mode = useMemo(() => createMeasureMode(controller.overlays, setMetres), [controller]);
  const isMeasuring = modeId === 'measure';

  // Leaving the app leaves the mode: its overlay and handlers go with it.
  useEffect(() => () => controller.exitMode(), [controller]);

  return (
    <div className="measure-tool" data-measuring={isMeasuring}>
      <button
        type="button"
        className="map-button"
        aria-pressed={isMeasuring}
        title={isMeasuring ? messages.stopMeasuring : messages.measure}
        onClick={() => (isMeasuring ? controller.exitMode() : controller.enterMode(mode))}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M3 17.3 17.3 3 21 6.7 6.7 21 3 17.3Zm3.5-.2 1.4 1.4 1-1-1.4-1.4 1.1-1.1 2.1 2.1 1-1-2.1-2.1 1.1-1.1 1.4 1.4 1-1-1.4-1.4 1.1-1.1 2.1 2.1 1-1-2.1-2.1 1.1-1.1 1.4 1.4 1-1L17.3 6l-11.8 11.1Z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{isMeasuring ? messages.stopMeasuring : messages.measure}</span>
      </button>
      {isMeasuring && (
        <p className="measure-tool__readout" role="status">
          <strong data-metres={Math.round(metres)}>{formatDistance(metres, language)}</strong>
          <span className="measure-tool__hint">{messages.measureHint}</span>
        </p>
      )}
    </div>
  );
}
