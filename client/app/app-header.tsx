import type { Ref } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import type { Language } from '../i18n/language.ts';
import type { RouteDefinition } from '../state/routes.ts';
import type { SessionState } from '../state/session-store.ts';
import { LanguageSwitcher } from '../ui/language-switcher.tsx';
import { AppNav } from './app-nav.tsx';
import { SHELL_MESSAGES } from './shell-messages.ts';
import { StaffButton } from './staff-button.tsx';

interface AppHeaderProps {
  route: RouteDefinition;
  session: SessionState;
  onLanguageChange: (language: Language) => void;
  onOpenStaffArea: () => void;
  /** The staff entry, which gets the focus back when the staff area closes. */
  staffButtonRef: Ref<HTMLButtonElement>;
}

/** The shell's header: the name of the app, the apps one may switch to, the language, the staff entry. */
export function AppHeader({ route, session, onLanguageChange, onOpenStaffArea, staffButtonRef }: AppHeaderProps) {
  const messages = useMessages(SHELL_MESSAGES);
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{messages.appTitle}</h1>
        <p className="app-header__subtitle">{messages.appSubtitle}</p>
      </div>
      <AppNav current={route} />
      <LanguageSwitcher label={messages.languageLabel} onChange={onLanguageChange} />
      <StaffButton ref={staffButtonRef} session={session} isOpen={route.app === 'staff'} onOpen={onOpenStaffArea} />
    </header>
  );
}
