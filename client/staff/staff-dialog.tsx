import { type KeyboardEvent, type SyntheticEvent, useLayoutEffect, useRef } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import type { SessionState } from '../state/session-store.ts';
import { AccountSummary } from './account-summary.tsx';
import { SignInForm } from './sign-in-form.tsx';
import { STAFF_MESSAGES } from './staff-messages.ts';

interface StaffDialogProps {
  session: SessionState;
  /** The staff app a sign-in leads to, named for the sign-in form. */
  destination: string | null;
  catalog: LayerCatalog | undefined;
  onSignIn: (username: string, password: string) => Promise<void>;
  onSignOut: () => Promise<void>;
  /** Leaves the staff area for the public map. */
  onClose: () => void;
}

/**
 * The staff area ("Espace agents", the /staff route) as a modal dialog over the map: the sign-in form for
 * the public, the account once signed in. A native <dialog> shown with showModal(): the page behind is
 * inert, focus stays inside, Escape closes it. Focus goes to the view's `data-autofocus` element each
 * time the view changes (form, then account).
 */
export function StaffDialog({ session, destination, catalog, onSignIn, onSignOut, onClose }: StaffDialogProps) {
  const messages = useMessages(STAFF_MESSAGES);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each new view (form, then account) takes the focus.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // Without scrolling: on a short screen the account's button is at the bottom, and the title must stay in view.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
  }, [session.status]);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the details panel behind must not close on the same key.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="staff-dialog"
      aria-labelledby="staff-dialog-title"
      data-session={session.status}
      onCancel={cancel}
      onKeyDown={closeOnEscape}
    >
      <header className="staff-dialog__header">
        <h2 id="staff-dialog-title" className="staff-dialog__title">
          {messages.entry}
        </h2>
        <button type="button" className="icon-button" aria-label={messages.close} title={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="staff-dialog__body">
        {session.status === 'checking' && (
          <p className="staff-dialog__checking" role="status">
            <span className="spinner spinner--small" aria-hidden="true" />
            {messages.checking}
          </p>
        )}
        {session.status === 'public' && <SignInForm notice={session.notice} destination={destination} onSignIn={onSignIn} />}
        {session.status === 'signed-in' && <AccountSummary user={session.user} catalog={catalog} onSignOut={onSignOut} onShowMap={onClose} />}
      </div>
    </dialog>
  );
}
