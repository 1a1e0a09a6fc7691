import type { MouseEvent } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { queryForNavigation } from '../state/router.ts';
import { appsFor, backRouteOf, type RouteDefinition } from '../state/routes.ts';
import { useServices } from '../state/services.tsx';
import { SHELL_MESSAGES } from './shell-messages.ts';

/**
 * The apps the signed-in account (or the public) may open, as real links: they can be opened in a new tab,
 * and a plain click switches app without reloading the page (the map stays).
 */
export function AppNav({ current }: { current: RouteDefinition }) {
  const { router, session } = useServices();
  const messages = useMessages(SHELL_MESSAGES);
  const sessionState = useStore(session, (snapshot) => snapshot.state);
  const location = useStore(router, (value) => value);
  const role = sessionState.status === 'signed-in' ? sessionState.user.role : null;
  const routes = appsFor(role);

  const open = (event: MouseEvent<HTMLAnchorElement>, route: RouteDefinition) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.navigate(route.path);
  };

  return (
    <nav className="app-nav" aria-label={messages.appsLabel}>
      {routes.map((route) => (
        <a
          key={route.app}
          className="app-nav__link"
          data-app={route.app}
          href={`${route.path}${queryForNavigation(location.search)}${location.hash}`}
          aria-current={route.app === current.app || (current.app === 'staff' && route.app === backRouteOf(location.search).app) ? 'page' : undefined}
          onClick={(event) => open(event, route)}
        >
          {messages.appNames[route.app]}
        </a>
      ))}
    </nav>
  );
}
