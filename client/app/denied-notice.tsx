import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import type { RouteDefinition } from '../state/routes.ts';
import { useServices } from '../state/services.tsx';
import { SHELL_MESSAGES } from './shell-messages.ts';

/** A staff app opened with an account whose role it is not for: why, and the ways on. */
export function DeniedNotice({ route }: { route: RouteDefinition }) {
  const { session, router } = useServices();
  const messages = useMessages(SHELL_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const state = useStore(session, (snapshot) => snapshot.state);
  const roleName = state.status === 'signed-in' ? common.roleNames[state.user.role] : '';
  return (
    <div className="status-notice" role="alert" data-error-type="route-denied" data-app={route.app}>
      <h2 className="status-notice__title">{messages.deniedTitle}</h2>
      <p>{messages.deniedDetail(messages.appNames[route.app], roleName)}</p>
      <div className="status-notice__actions">
        <button type="button" className="button" onClick={() => router.navigate('/')}>
          {messages.backToMap}
        </button>
        <button type="button" className="button button--quiet" onClick={() => router.navigate('/staff', { parameters: { next: route.path } })}>
          {messages.switchAccount}
        </button>
      </div>
    </div>
  );
}
