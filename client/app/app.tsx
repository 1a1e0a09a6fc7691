import { useEffect, useState } from 'react';
import { AppHeader } from '../components/app-header.tsx';
import { LoadErrorNotice, LoadingNotice } from '../components/load-status.tsx';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import type { MapController } from '../map/map-controller.ts';
import { MapControllerContext } from './map-controller-context.tsx';
import { MapWorkspace } from './map-workspace.tsx';
import { useLayerCatalog } from './use-layer-catalog.ts';

export interface AppProps {
  controller: MapController;
  initialLanguage: Language;
  /** Whether the layer panel starts open (main.tsx closes it on narrow screens). */
  isLayerPanelInitiallyOpen: boolean;
  /** Reflects the language outside React: <html lang dir>, the URL (main.tsx owns the document). */
  onLanguageChange: (language: Language) => void;
}

const LAYER_PANEL_ID = 'layer-panel';

/** The application shell: header, then the map workspace once the layer catalog has loaded. */
export function App({ controller, initialLanguage, isLayerPanelInitiallyOpen, onLanguageChange }: AppProps) {
  const [language, setLanguage] = useState(initialLanguage);
  const [isLayerPanelOpen, setLayerPanelOpen] = useState(isLayerPanelInitiallyOpen);
  const { state, retry } = useLayerCatalog();

  useEffect(() => {
    controller.setLanguage(language);
    onLanguageChange(language);
  }, [controller, language, onLanguageChange]);

  return (
    <MapControllerContext.Provider value={controller}>
      <I18nProvider language={language}>
        <div className="app">
          <AppHeader
            layerPanelId={LAYER_PANEL_ID}
            isLayerPanelOpen={isLayerPanelOpen}
            onToggleLayerPanel={() => setLayerPanelOpen((isOpen) => !isOpen)}
            onLanguageChange={setLanguage}
          />
          <main className="app-main">
            {state.status === 'loading' && <LoadingNotice />}
            {state.status === 'error' && <LoadErrorNotice error={state.error} onRetry={retry} />}
            {state.status === 'ready' && (
              <MapWorkspace catalog={state.catalog} layerPanelId={LAYER_PANEL_ID} isLayerPanelOpen={isLayerPanelOpen} />
            )}
          </main>
        </div>
      </I18nProvider>
    </MapControllerContext.Provider>
  );
}
