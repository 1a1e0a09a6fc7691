import { createContext, type ReactNode, useCallback, useContext, useId, useMemo, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { MapView } from '../map/map-view.tsx';
import { UI_MESSAGES } from './ui-messages.ts';

interface MapWorkspaceProps {
  /** The side panel's content (layers, lists, forms); the panel opens and closes from its button. */
  panel: ReactNode;
  /** The side panel's accessible name. */
  panelLabel: string;
  /** Map tools (measuring), under the panel's button at the top of the map. */
  tools?: ReactNode;
  /** What floats over the map (the details panel, notices). */
  children?: ReactNode;
}

const NARROW_SCREEN = '(max-width: 720px)';

/** What the side panel's content may ask of the panel. */
export interface SidePanelControl {
  /** On a phone, closes the panel (it covers the map) so that what was chosen in it shows; elsewhere nothing. */
  revealMap(): void;
}

const SidePanelContext = createContext<SidePanelControl>({ revealMap: () => undefined });

/** The side panel around the calling component (a list that opens a feature on the map). */
export function useSidePanel(): SidePanelControl {
  return useContext(SidePanelContext);
}

/**
 * The layout of the map apps: a side panel beside the map (over it on a phone, closed at first there) and
 * the map with whatever the app floats over it.
 */
export function MapWorkspace({ panel, panelLabel, tools, children }: MapWorkspaceProps) {
  const messages = useMessages(UI_MESSAGES);
  const panelId = useId();
  const [isPanelOpen, setPanelOpen] = useState(() => !window.matchMedia(NARROW_SCREEN).matches);
  const toggleLabel = isPanelOpen ? messages.hideLayers : messages.showLayers;
  const revealMap = useCallback(() => {
    if (window.matchMedia(NARROW_SCREEN).matches) setPanelOpen(false);
  }, []);
  const control = useMemo(() => ({ revealMap }), [revealMap]);
  return (
    <SidePanelContext.Provider value={control}>
      <div className="workspace">
        <aside id={panelId} className="side-panel" aria-label={panelLabel} data-open={isPanelOpen}>
          <button type="button" className="icon-button side-panel__close" aria-controls={panelId} aria-label={messages.hideLayers} title={messages.hideLayers} onClick={() => setPanelOpen(false)}>
            <span aria-hidden="true">×</span>
          </button>
          {panel}
        </aside>
        <div className="map-area">
          <MapView />
          <div className="map-toolbar">
            <button
              type="button"
              className="map-button panel-toggle"
              aria-controls={panelId}
              aria-expanded={isPanelOpen}
              title={toggleLabel}
              onClick={() => setPanelOpen((isOpen) => !isOpen)}
            >
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path d="M12 3 2 8l10 5 10-5-10-5Zm-7.6 9L2 13.2l10 5 10-5-2.4-1.2L12 15.8 4.4 12Zm0 4L2 17.2l10 5 10-5-2.4-1.2L12 19.8 4.4 16Z" fill="currentColor" />
              </svg>
              <span className="visually-hidden">{toggleLabel}</span>
            </button>
            {tools}
          </div>
          {children}
        </div>
      </div>
    </SidePanelContext.Provider>
  );
}
