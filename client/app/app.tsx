import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { AppHeader } from '../components/app-header.tsx';
import { LoadErrorNotice, LoadingNotice, RefreshErrorNotice } from '../components/load-status.tsx';
import { StaffDialog } from '../components/staff-dialog.tsx';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { MESSAGES } from '../i18n/messages.ts';
import type { MapController } from '../map/map-controller.ts';
import { nameOf } from '../session/principal.ts';
import { useSession } from '../session/use-session.ts';
import { MapControllerContext } from './map-controller-context.tsx';
import { MapWorkspace } from './map-workspace.tsx';
import type { Navigation } from './navigation.ts';
import { useLayerCatalog } from './use-layer-catalog.ts';

export interface AppProps {
  controller: MapController;
  /** The route (public map or staff area), over the browser history (main.tsx creates it). */
  navigation: Navigation;
  initialLanguage: Language;
  /** Whether the layer panel starts open (main.tsx closes it on narrow screens). */
  isLayerPanelInitiallyOpen: boolean;
  /** Reflects the language outside React: <html lang dir>, the URL (main.tsx owns the document). */
  onLanguageChange: (language: Language) => void;
}

const LAYER_PANEL_ID = 'layer-panel';

/**
 * The application shell: header, the map workspace once the layer catalog has loaded, and the staff area
 * (/staff) over it. The catalog, the tiles and the open feature follow the session: each sign-in, sign-out
 * or end of session reloads them for the new caller.
 */
export function App({ controller, navigation, initialLanguage, isLayerPanelInitiallyOpen, onLanguageChange }: AppProps) {
  const [language, setLanguage] = useState(initialLanguage);
  const [isLayerPanelOpen, setLayerPanelOpen] = useState(isLayerPanelInitiallyOpen);
  const [announcement, setAnnouncement] = useState('');
  const route = useSyncExternalStore(navigation.subscribe, navigation.current);
  const session = useSession();
  const { state, retry } = useLayerCatalog(session.generation);
  const staffButtonRef = useRef<HTMLButtonElement>(null);
  const previousRoute = useRef(route);
  const messages = MESSAGES[language].staff;

  useEffect(() => {
    controller.setLanguage(language);
    onLanguageChange(language);
  }, [controller, language, onLanguageChange]);

  // Leaving the staff area gives the focus back to its entry in the header.
  useEffect(() => {
    if (previousRoute.current === 'staff' && route === 'map') staffButtonRef.current?.focus();
    previousRoute.current = route;
  }, [route]);

  const { endSession, dismissNotice } = session;
  const handleUnauthorized = useCallback(() => {
    if (!endSession()) return;
    setAnnouncement(messages.announceEnded);
    navigation.navigate('staff');
  }, [endSession, messages, navigation]);
  useEffect(() => controller.onUnauthorized(handleUnauthorized), [controller, handleUnauthorized]);

  const signIn = async (username: string, password: string) => {
    const user = await session.signIn(username, password);
    setAnnouncement(messages.announceSignedIn(nameOf(user)));
  };
  const signOut = async () => {
    await session.signOut();
    setAnnouncement(messages.announceSignedOut);
    navigation.navigate('map');
  };
  const closeStaffArea = () => {
    dismissNotice();
    navigation.navigate('map');
  };

  const principal = session.state.status === 'signed-in' ? session.state.user.role : session.state.status === 'public' ? 'public' : 'unknown';
  // `refreshing` while the catalog shown was loaded for a previous session; `stale` when reloading it failed.
  const catalogState =
    state.status !== 'ready' ? state.status : state.refreshError ? 'stale' : state.generation !== session.generation ? 'refreshing' : 'ready';
  return (
    <MapControllerContext.Provider value={controller}>
      <I18nProvider language={language}>
        <div className="app" data-principal={principal} data-catalog={catalogState}>
          <AppHeader
            layerPanelId={LAYER_PANEL_ID}
            isLayerPanelOpen={isLayerPanelOpen}
            onToggleLayerPanel={() => setLayerPanelOpen((isOpen) => !isOpen)}
            onLanguageChange={setLanguage}
            session={session.state}
            isStaffAreaOpen={route === 'staff'}
            onOpenStaffArea={() => navigation.navigate('staff')}
            staffButtonRef={staffButtonRef}
          />
          <main className="app-main">
            {state.status === 'loading' && <LoadingNotice />}
            {state.status === 'error' && <LoadErrorNotice error={state.error} onRetry={retry} />}
            {state.status === 'ready' && (
              <MapWorkspace
                catalog={state.catalog}
                viewKey={state.generation === 0 ? undefined : String(state.generation)}
                layerPanelId={LAYER_PANEL_ID}
                isLayerPanelOpen={isLayerPanelOpen}
                onUnauthorized={handleUnauthorized}
              />
            )}
            {state.status === 'ready' && state.refreshError && <RefreshErrorNotice onRetry={retry} />}
          </main>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {route === 'staff' && (
            <StaffDialog
              session={session.state}
              catalog={state.status === 'ready' ? state.catalog : undefined}
              onSignIn={signIn}
              onSignOut={signOut}
              onClose={closeStaffArea}
            />
          )}
        </div>
      </I18nProvider>
    </MapControllerContext.Provider>
  );
}
