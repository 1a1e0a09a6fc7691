import { type ComponentType, useEffect, useState } from 'react';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { type AppId, backRouteOf, decideRoute, type RouteDefinition } from '../state/routes.ts';
import { useServices } from '../state/services.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { LoadErrorNotice, LoadingNotice, RefreshErrorNotice } from '../ui/load-status.tsx';
import { DeniedNotice } from './denied-notice.tsx';
import { SHELL_MESSAGES } from './shell-messages.ts';

/**
 * Each app's code, loaded the first time its route is opened (code splitting): the public map never
 * downloads the editor or the administration. The only place that imports the apps.
 */
const LOADERS: Record<AppId, () => Promise<ComponentType>> = {
  explore: () => import('../explore/explore-app.tsx').then((module) => module.ExploreApp),
  transit: () => import('../transit/transit-app.tsx').then((module) => module.TransitApp),
  plan: () => import('../plan/plan-app.tsx').then((module) => module.PlanApp),
  inspect: () => import('../inspect/inspect-app.tsx').then((module) => module.InspectApp),
  admin: () => import('../admin/admin-app.tsx').then((module) => module.AdminApp),
  staff: () => import('../staff/staff-app.tsx').then((module) => module.StaffApp),
};

const downloads = new Map<AppId, Promise<ComponentType>>();
/** Apps whose code has arrived: they render at once. */
const loadedApps = new Map<AppId, ComponentType>();

/** Starts downloading an app's code (once): main.tsx asks for the first route's app before the catalog arrives. */
export function preloadApp(app: AppId): Promise<ComponentType> {
  let download = downloads.get(app);
  if (!download) {
    download = LOADERS[app]().then((Component) => {
      loadedApps.set(app, Component);
      return Component;
    });
    downloads.set(app, download);
    // A failed download is forgotten, so that "retry" downloads again.
    download.catch(() => downloads.delete(app));
  }
  return download;
}

function AppLoadFailed({ onRetry }: { onRetry: () => void }) {
  const messages = useMessages(SHELL_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  return (
    <div className="status-notice status-notice--error" role="alert" data-error-type="app-load-failed">
      <p>{messages.appLoadFailed}</p>
      <button type="button" className="button" onClick={onRetry}>
        {common.retry}
      </button>
    </div>
  );
}

/**
 * An app, once its code has arrived (a loading notice until then). Not React.lazy: React holds back the
 * content that replaces a Suspense fallback by about 300 ms, and the map would start that much later.
 */
function LazyRoute({ app }: { app: AppId }) {
  const [loaded, setLoaded] = useState<{ app: AppId; Component: ComponentType } | null>(() => {
    const Component = loadedApps.get(app);
    return Component ? { app, Component } : null;
  });
  const [attempt, setAttempt] = useState(0);
  const [hasFailed, setFailed] = useState(false);
  const current = loaded?.app === app ? loaded.Component : loadedApps.get(app);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button, which downloads again.
  useEffect(() => {
    if (current) return undefined;
    let isLive = true;
    setFailed(false);
    preloadApp(app).then(
      (Component) => isLive && setLoaded({ app, Component }),
      () => isLive && setFailed(true),
    );
    return () => {
      isLive = false;
    };
  }, [app, attempt, current]);

  if (hasFailed) return <AppLoadFailed onRetry={() => setAttempt((value) => value + 1)} />;
  if (!current) return <LoadingNotice />;
  const App = current;
  return (
    <ErrorBoundary key={attempt} fallback={() => <AppLoadFailed onRetry={() => setAttempt((value) => value + 1)} />}>
      <App />
    </ErrorBoundary>
  );
}

/**
 * The app of the current route, once the session allows it: a staff route waits for the session, sends the
 * public to sign in (and back, with `?next=`), and tells a signed-in account of another role that the app is
 * not for it. Map apps wait for the layer catalog. The staff area shows over the public map it was opened from.
 */
export function AppOutlet({ route }: { route: RouteDefinition }) {
  const { session, catalog, router } = useServices();
  const sessionState = useStore(session, (snapshot) => snapshot.state);
  const catalogState = useStore(catalog, (value) => value);
  const location = useStore(router, (value) => value);
  const decision = decideRoute(route, sessionState);

  const signInFor = decision.kind === 'sign-in' ? decision.next : null;
  useEffect(() => {
    if (signInFor) router.navigate('/staff', { replace: true, parameters: { next: signInFor } });
  }, [signInFor, router]);

  if (decision.kind === 'wait' || decision.kind === 'sign-in') return <LoadingNotice />;
  if (decision.kind === 'denied') return <DeniedNotice route={route} />;
  if (route.hasMap && catalogState.status === 'loading') return <LoadingNotice />;
  if (route.hasMap && catalogState.status === 'error') return <LoadErrorNotice error={catalogState.error} onRetry={catalog.retry} />;
  return (
    <>
      {route.app === 'staff' ? (
        <>
          <LazyRoute app={backRouteOf(location.search).app} />
          <LazyRoute app="staff" />
        </>
      ) : (
        <LazyRoute app={route.app} />
      )}
      {catalogState.status === 'ready' && catalogState.refreshError && <RefreshErrorNotice onRetry={catalog.retry} />}
    </>
  );
}
