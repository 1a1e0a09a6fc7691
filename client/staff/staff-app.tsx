import { useEffect, useRef } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { nameOf } from '../api/principal.ts';
import { backRouteOf, decideRoute, nextPathOf, routeOf } from '../state/routes.ts';
import { useServices } from '../state/services.tsx';
import { StaffDialog } from './staff-dialog.tsx';
import { STAFF_MESSAGES } from './staff-messages.ts';

/**
 * The staff area at /staff, over the public map it was opened from (`?back=`): the sign-in form, then the account. Opened on the way
 * to a staff app (`?next=/plan`), a sign-in leads on to that app when the account's role may open it.
 */
export function StaffApp() {
  const { session, catalog, router, announcer } = useServices();
  const messages = useMessages(STAFF_MESSAGES);
  const snapshot = useStore(session, (value) => value);
  const catalogState = useStore(catalog, (value) => value);
  const location = useStore(router, (value) => value);
  const next = nextPathOf(location.search);
  const nextApp = next ? routeOf(next).app : null;
  const destination = nextApp === 'plan' || nextApp === 'inspect' || nextApp === 'admin' ? messages.appNames[nextApp] : null;
  const hasLeft = useRef(false);

  // Already signed in with a role that may open the app asked for: go on to it.
  useEffect(() => {
    if (!next || hasLeft.current || snapshot.state.status !== 'signed-in') return;
    if (decideRoute(routeOf(next), snapshot.state).kind === 'show') {
      hasLeft.current = true;
      router.navigate(next, { replace: true });
    }
  }, [next, snapshot.state, router]);

  const signIn = async (username: string, password: string) => {
    const user = await session.signIn(username, password);
    announcer.announce(messages.announceSignedIn(nameOf(user)));
  };
  const signOut = async () => {
    await session.signOut();
    announcer.announce(messages.announceSignedOut);
    // On the way to a staff app, the form stays for the other account; otherwise back to the public map.
    if (!next) router.navigate(backRouteOf(location.search).path);
  };
  const close = () => {
    session.dismissNotice();
    router.navigate(backRouteOf(location.search).path);
  };

  return (
    <StaffDialog
      session={snapshot.state}
      destination={destination}
      catalog={catalogState.status === 'ready' ? catalogState.catalog : undefined}
      onSignIn={signIn}
      onSignOut={signOut}
      onClose={close}
    />
  );
}
