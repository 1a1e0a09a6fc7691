import type { StaffRole } from '../api/principal.ts';
import type { SessionState } from './session-store.ts';

/**
 * The client's routes: one per app, each a real URL that can be bookmarked, shared and reloaded (the server
 * answers every non-API path with index.html). Each app is loaded on demand (app/app-outlet.tsx), so the
 * public map never downloads the editor or the administration.
 */
export type AppId = 'explore' | 'transit' | 'plan' | 'inspect' | 'admin' | 'staff';

export interface RouteDefinition {
  app: AppId;
  path: string;
  /** Other paths that open the same app (older links); the app's own links use `path`. */
  aliases?: readonly string[];
  /** Roles that may open the app; absent for the public apps. The server checks every request again. */
  roles?: readonly StaffRole[];
  /** Whether the app shows the map (the administration does not). */
  hasMap: boolean;
}

export const ROUTES: readonly RouteDefinition[] = [
  // The citizens' default page: lines, stops and journeys (/transit is where it lived first).
  { app: 'transit', path: '/', aliases: ['/transit'], hasMap: true },
  // Every layer the caller may read, with its legend and details.
  { app: 'explore', path: '/map', hasMap: true },
  { app: 'plan', path: '/plan', roles: ['planner', 'admin'], hasMap: true },
  { app: 'inspect', path: '/inspect', roles: ['inspector', 'admin'], hasMap: true },
  { app: 'admin', path: '/admin', roles: ['admin'], hasMap: false },
  // Sign-in and account, over the home page.
  { app: 'staff', path: '/staff', hasMap: true },
];

/** The citizens' default page (`/`), shown for any path the client does not know. */
export const HOME = ROUTES[0] as RouteDefinition;
export const NEXT_PARAMETER = 'next';
/** The public map app the staff area was opened over (`/staff?back=/map`), and goes back to when closed. */
export const BACK_PARAMETER = 'back';

/** The route of a URL path (its own path or an alias); a path the client does not know shows the home page. */
export function routeOf(pathname: string): RouteDefinition {
  const path = pathname.replace(/\/+$/, '') || '/';
  return ROUTES.find((route) => route.path === path || route.aliases?.includes(path)) ?? HOME;
}

export function routeFor(app: AppId): RouteDefinition {
  return ROUTES.find((route) => route.app === app) ?? HOME;
}

/** Whether an account with this role may open the route. */
export function isRouteAllowed(route: RouteDefinition, role: StaffRole | null): boolean {
  return route.roles === undefined || (role !== null && route.roles.includes(role));
}

/** What the shell does with a route for the current session. */
export type RouteDecision =
  | { kind: 'show' }
  /** The session is still being checked: nothing is shown yet, nothing is refused yet. */
  | { kind: 'wait' }
  /** Not signed in: sign in first, then come back to `next`. */
  | { kind: 'sign-in'; next: string }
  /** Signed in with a role the app is not for. */
  | { kind: 'denied' };

export function decideRoute(route: RouteDefinition, session: SessionState): RouteDecision {
  if (route.roles === undefined) return { kind: 'show' };
  switch (session.status) {
    case 'checking':
      return { kind: 'wait' };
    case 'public':
      return { kind: 'sign-in', next: route.path };
    case 'signed-in':
      return isRouteAllowed(route, session.user.role) ? { kind: 'show' } : { kind: 'denied' };
  }
}

/**
 * The path to come back to after signing in, from `?next=`: only the path of a known staff route is
 * accepted (never another origin, never a path the client does not know), else null.
 */
export function nextPathOf(search: string): string | null {
  const next = new URLSearchParams(search).get(NEXT_PARAMETER);
  const route = next ? ROUTES.find((candidate) => candidate.path === next) : undefined;
  return route?.roles ? route.path : null;
}

/**
 * The public map app under the staff area, from `?back=`: only a public app with a map (never another
 * origin, a staff app or the staff area itself), else the home page.
 */
export function backRouteOf(search: string): RouteDefinition {
  const back = new URLSearchParams(search).get(BACK_PARAMETER);
  const route = back ? ROUTES.find((candidate) => candidate.path === back) : undefined;
  return route && route.roles === undefined && route.hasMap && route.app !== 'staff' ? route : HOME;
}

/** The query parameters that open the staff area over this route, and bring it back when the area closes. */
export function staffAreaParameters(route: RouteDefinition): Record<string, string> {
  if (route.roles) return { [NEXT_PARAMETER]: route.path };
  return route.app === 'staff' || route === HOME ? {} : { [BACK_PARAMETER]: route.path };
}

/** The apps an account may switch to from the header, in route order (the staff area aside). */
export function appsFor(role: StaffRole | null): RouteDefinition[] {
  return ROUTES.filter((route) => route.app !== 'staff' && isRouteAllowed(route, role));
}
