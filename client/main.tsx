import './styles/fonts.css';
import './styles/app.css';
import './styles/panels.css';
import './styles/staff.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { createHistoryNavigation } from './app/navigation.ts';
import { type Language, parseLanguageParameter, textDirectionOf, withLanguageParameter } from './i18n/language.ts';
import { MESSAGES } from './i18n/messages.ts';
import { buildLabelFontFaces } from './layers/label-fonts.ts';
import { type CasaSigTestHandle, MapController } from './map/map-controller.ts';
import { LABEL_FONT_FILES } from './map/map-font-files.ts';

/**
 * Entry point, and the only file that touches the document: it reads the start options from the URL,
 * creates the map controller (which outlives every render), reflects the language on <html> and mounts
 * <App/>.
 */

declare global {
  interface Window {
    /** Read-only handle for browser tests; present only with `?test=1`. */
    __casaSig?: CasaSigTestHandle;
  }
}

const NARROW_SCREEN = '(max-width: 720px)';

function applyDocumentLanguage(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = textDirectionOf(language);
  document.title = `${MESSAGES[language].appTitle} · ${MESSAGES[language].appSubtitle}`;
  const search = withLanguageParameter(window.location.search, language);
  if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

const parameters = new URLSearchParams(window.location.search);
const isTestMode = parameters.get('test') === '1';
const initialLanguage = parseLanguageParameter(window.location.search);
applyDocumentLanguage(initialLanguage);

const controller = new MapController({
  origin: window.location.origin,
  isTestMode,
  fontFaces: buildLabelFontFaces(LABEL_FONT_FILES, window.location.origin),
});
if (isTestMode) window.__casaSig = controller.createTestHandle();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App
      controller={controller}
      navigation={createHistoryNavigation(window)}
      initialLanguage={initialLanguage}
      isLayerPanelInitiallyOpen={!window.matchMedia(NARROW_SCREEN).matches}
      onLanguageChange={applyDocumentLanguage}
    />
  </StrictMode>,
);
