import './styles/fonts.css';
import './styles/app.css';
import './styles/panels.css';
import './styles/staff.css';
import './styles/apps.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import landUrl from '../data/basemap/casablanca-land.geojson?url';
import { preloadApp } from './app/app-outlet.tsx';
import { SHELL_MESSAGES } from './app/shell-messages.ts';
import { Shell } from './app/shell.tsx';
import { bindUrl, stateFromUrl } from './app/url-binding.ts';
import { type Language, textDirectionOf } from './i18n/language.ts';
import { MapControllerContext } from './map/map-context.tsx';
import { type CasaSigTestHandle, MapController } from './map/map-controller.ts';
import { LABEL_FONT_FILES } from './map/map-font-files.ts';
import { bindLiveTiles } from './map/live-tiles.ts';
import { toAbsoluteUrl } from './map/style/absolute-url.ts';
import { buildLabelFontFaces } from './map/style/label-fonts.ts';
import { createAnnouncer } from './state/announcer.ts';
import { createAppState } from './state/app-state.ts';
import { createCatalogStore } from './state/catalog-store.ts';
import { createPublicArchiveStore } from './state/public-archive-store.ts';
import { createHistoryRouter } from './state/router.ts';
import { backRouteOf, routeOf } from './state/routes.ts';
import { ServicesContext } from './state/services.tsx';
import { createSessionStore } from './state/session-store.ts';
import { bindVisibleLayers } from './state/visible-layers-binding.ts';

/**
 * Entry point, and the only file that touches the document: it creates the shared stores and the map
 * controller (both outlive every render and every app), binds them to the URL, reflects the language and
 * the app on <html> and the title, and mounts the shell.
 */

declare global {
  interface Window {
    /** Read-only handle for browser tests; present only with `?test=1`. */
    __casaSig?: CasaSigTestHandle;
  }
}

const router = createHistoryRouter(window);
const state = createAppState(stateFromUrl(router.get()));
const session = createSessionStore();
const catalog = createCatalogStore(session);
const publicArchive = createPublicArchiveStore(session);
const announcer = createAnnouncer();
const isTestMode = new URLSearchParams(window.location.search).get('test') === '1';

// The first screen's code downloads while the catalog and the session are asked for, not after.
const firstRoute = routeOf(router.get().pathname);
void preloadApp(firstRoute.app === 'staff' ? backRouteOf(router.get().search).app : firstRoute.app).catch(() => undefined);

bindVisibleLayers(catalog, state);
bindUrl(state, router);
session.check();

const controller = new MapController({
  origin: window.location.origin,
  isTestMode,
  fontFaces: buildLabelFontFaces(LABEL_FONT_FILES, window.location.origin),
  landUrl: toAbsoluteUrl(landUrl, window.location.origin),
  state,
  catalog,
  publicArchive,
});
const liveTiles = bindLiveTiles(session, controller.edits);
if (isTestMode) window.__casaSig = controller.createTestHandle(liveTiles.isOpen);

/** <html lang dir> and the page title follow the language and the app. */
function reflectDocument(language: Language, pathname: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = textDirectionOf(language);
  const messages = SHELL_MESSAGES[language];
  document.title = `${messages.appNames[routeOf(pathname).app]} · ${messages.appTitle}`;
}
const reflect = () => reflectDocument(state.get().language, router.get().pathname);
state.subscribe(reflect);
router.subscribe(reflect);
reflect();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ServicesContext.Provider value={{ state, session, catalog, router, announcer }}>
      <MapControllerContext.Provider value={controller}>
        <Shell />
      </MapControllerContext.Provider>
    </ServicesContext.Provider>
  </StrictMode>,
);
