import { useEffect } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useServices } from '../state/services.tsx';
import type { EditorController } from './editor-controller.ts';
import { unsavedChanges } from './model/edit-session.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';

/**
 * Asks before unsaved changes are left behind: switching to another app (the router's leave guard) and
 * reloading or closing the page (the browser's own question, beforeunload).
 */
export function useLeaveGuard(editor: EditorController): void {
  const { router } = useServices();
  const messages = useMessages(PLAN_MESSAGES);
  useEffect(() => {
    const hasChanges = () => unsavedChanges(editor.store.get().session).length > 0;
    router.setLeaveGuard(() => !hasChanges() || window.confirm(messages.confirmLeave));
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasChanges()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      router.setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [router, editor, messages]);
}
