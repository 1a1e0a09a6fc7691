import { useCallback, useEffect, useRef } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { useMapController } from '../map/map-context.tsx';
import { useStore } from '../state/create-store.ts';
import { routeOf, staffAreaParameters } from '../state/routes.ts';
import { useServices } from '../state/services.tsx';
import { AppHeader } from './app-header.tsx';
import { AppOutlet } from './app-outlet.tsx';
import { SHELL_MESSAGES } from './shell-messages.ts';

/** The screen-reader announcements of the whole page, in one polite live region. */
function Announcements() {
  const { announcer } = useServices();
  const announcement = useStore(announcer, (value) => value.text);
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </p>
  );
}

/**
 * The application shell: header (apps, language, staff entry) and the app of the current route. It hosts
 * every app and knows none of their insides: apps share state through the stores, and the map through the
 * map controller.
 */
function ShellLayout() {
  const { state, session, catalog, router, announcer } = useServices();
  const controller = useMapController();
  const messages = useMessages(SHELL_MESSAGES);
  const location = useStore(router, (value) => value);
  const snapshot = useStore(session, (value) => value);
  const catalogState = useStore(catalog, (value) => value);
  const route = routeOf(location.pathname);
  const staffButtonRef = useRef<HTMLButtonElement>(null);
  const previousApp = useRef(route.app);

  // Leaving the staff area gives the focus back to its entry in the header.
  useEffect(() => {
    if (previousApp.current === 'staff' && route.app !== 'staff') staffButtonRef.current?.focus();
    previousApp.current = route.app;
  }, [route.app]);

  // A staff request refused with 401 (tiles, a feature, an app's call): the session has ended on the server.
  const handleUnauthorized = useCallback(() => {
    if (!session.endSession()) return;
    announcer.announce(messages.announceEnded);
  }, [session, announcer, messages]);
  useEffect(() => controller.onUnauthorized(handleUnauthorized), [controller, handleUnauthorized]);

  // An ended session on a staff app: sign in again, then come back.
  useEffect(() => {
    if (snapshot.state.status === 'public' && snapshot.state.notice === 'ended' && route.app !== 'staff') {
      router.navigate('/staff', { parameters: staffAreaParameters(route) });
    }
  }, [snapshot.state, route, router]);

  const setLanguage = useCallback((language: Language) => state.update((current) => ({ ...current, language })), [state]);
  const principal = snapshot.state.status === 'signed-in' ? snapshot.state.user.role : snapshot.state.status === 'public' ? 'public' : 'unknown';
  // `refreshing` while the catalog shown was loaded for a previous session; `stale` when reloading it failed.
  const catalogStatus =
    catalogState.status !== 'ready'
      ? catalogState.status
      : catalogState.refreshError
        ? 'stale'
        : catalogState.generation !== snapshot.generation
          ? 'refreshing'
          : 'ready';

  return (
    <div className="app" data-app={route.app} data-principal={principal} data-catalog={catalogStatus}>
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <AppHeader
        route={route}
        session={snapshot.state}
        onLanguageChange={setLanguage}
        onOpenStaffArea={() => router.navigate('/staff', { parameters: staffAreaParameters(route) })}
        staffButtonRef={staffButtonRef}
      />
      <main id="main" className="app-main" tabIndex={-1}>
        <AppOutlet route={route} />
      </main>
      <Announcements />
    </div>
  );
}

export function Shell() {
  const { state } = useServices();
  const language = useStore(state, (snapshot) => snapshot.language);
  return (
    <I18nProvider language={language}>
      <ShellLayout />
    </I18nProvider>
  );
}
