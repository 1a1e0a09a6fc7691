import type { Ref } from 'react';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { nameOf } from '../api/principal.ts';
import type { SessionState } from '../state/session-store.ts';
import { SHELL_MESSAGES } from './shell-messages.ts';

interface StaffButtonProps {
  session: SessionState;
  /** Whether the staff area is open (the /staff route). */
  isOpen: boolean;
  onOpen: () => void;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The header's entry to the staff area: "Espace agents" for the public, the signed-in person's name and
 * role once signed in. It opens the staff area (sign-in form or account).
 */
export function StaffButton({ session, isOpen, onOpen, ref }: StaffButtonProps) {
  const messages = useMessages(SHELL_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const user = session.status === 'signed-in' ? session.user : null;
  return (
    <button
      ref={ref}
      type="button"
      className="staff-button"
      aria-haspopup="dialog"
      aria-expanded={isOpen}
      title={user ? messages.staffEntry : messages.staffEntryHint}
      data-principal={user ? user.role : 'public'}
      onClick={onOpen}
    >
      <svg className="staff-button__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.1 0-8 2.1-8 5v2h16v-2c0-2.9-3.9-5-8-5Z" fill="currentColor" />
      </svg>
      {user ? (
        <span className="staff-button__text">
          <span className="staff-button__name">{nameOf(user)}</span>
          <span className="staff-button__role" data-role={user.role}>
            {common.roleNames[user.role]}
          </span>
        </span>
      ) : (
        <span className="staff-button__text">{messages.staffEntry}</span>
      )}
    </button>
  );
}
