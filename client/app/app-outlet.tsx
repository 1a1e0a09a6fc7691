import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useState } from 'react';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { type AppId, decideRoute, type RouteDefinition } from '../state/routes.ts';
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

type LazyApp = LazyExoticComponent<ComponentType>;
const lazyApps = new Map<AppId, LazyApp>();
const downloads = new Map<AppId, Promise<ComponentType>>();

/** Starts downloading an app's code (once): main.tsx asks for the first route's app before the catalog arrives. */
export function preloadApp(app: AppId): Promise<ComponentType> {
  let download = downloads.get(app);
  if (!download) {
    download = LOADERS[app]();
    downloads.set(app, download);
    // A failed download is forgotten, so that "retry" downloads again.
    download.catch(() => downloads.delete(app));
  }
  return download;
}

/** The lazy component of an app; a fresh one after a failed download, so "retry" downloads again. */
function lazyApp(app: AppId, isRetry = false): LazyApp {
  let component = lazyApps.get(app);
  if (!component || isRetry) {
    component = lazy(() => preloadApp(app).then((Component) => ({ default: Component })));
    lazyApps.set(app, component);
  }
  return component;
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

function LazyRoute({ app }: { app: AppId }) {
  const [attempt, setAttempt] = useState(0);
  const App = lazyApp(app, attempt > 0);
  return (
    <ErrorBoundary key={attempt} fallback={() => <AppLoadFailed onRetry={() => setAttempt((value) => value + 1)} />}>
      <Suspense fallback={<LoadingNotice />}>
        <App />
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * The app of the current route, once the session allows it: a staff route waits for the session, sends the
 * public to sign in (and back, with `?next=`), and tells a signed-in account of another role that the app is
 * not for it. Map apps wait for the layer catalog. The staff area shows over the public map.
 */
export function AppOutlet({ route }: { route: RouteDefinition }) {
  const { session, catalog, router } = useServices();
  const sessionState = useStore(session, (snapshot) => snapshot.state);
  const catalogState = useStore(catalog, (value) => value);
  const decision = decideRoute(route, sessionState);

  useEffect(() => {
    if (decision.kind === 'sign-in') router.navigate('/staff', { replace: true, parameters: { next: decision.next } });
  }, [decision.kind, decision.kind === 'sign-in' ? decision.next : null, router]);

  if (decision.kind === 'wait' || decision.kind === 'sign-in') return <LoadingNotice />;
  if (decision.kind === 'denied') return <DeniedNotice route={route} />;
  if (route.hasMap && catalogState.status === 'loading') return <LoadingNotice />;
  if (route.hasMap && catalogState.status === 'error') return <LoadErrorNotice error={catalogState.error} onRetry={catalog.retry} />;
  return (
    <>
      {route.app === 'staff' ? (
        <>
          <LazyRoute app="explore" />
          <LazyRoute app="staff" />
        </>
      ) : (
        <LazyRoute app={route.app} />
      )}
      {catalogState.status === 'ready' && catalogState.refreshError && <RefreshErrorNotice onRetry={catalog.retry} />}
    </>
  );
}
