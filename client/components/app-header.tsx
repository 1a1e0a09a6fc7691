import type { Ref } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import type { SessionState } from '../session/use-session.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { StaffButton } from './staff-button.tsx';

interface AppHeaderProps {
  layerPanelId: string;
  isLayerPanelOpen: boolean;
  onToggleLayerPanel: () => void;
  onLanguageChange: (language: Language) => void;
  session: SessionState;
  isStaffAreaOpen: boolean;
  onOpenStaffArea: () => void;
  /** The staff entry, which gets the focus back when the staff area closes. */
  staffButtonRef: Ref<HTMLButtonElement>;
}

export function AppHeader(props: AppHeaderProps) {
  const { layerPanelId, isLayerPanelOpen, onToggleLayerPanel, onLanguageChange } = props;
  const { messages } = useI18n();
  return (
    <header className="app-header">
      <button
        type="button"
        className="icon-button app-header__menu"
        aria-controls={layerPanelId}
        aria-expanded={isLayerPanelOpen}
        title={isLayerPanelOpen ? messages.hideLayers : messages.showLayers}
        onClick={onToggleLayerPanel}
      >
        <span className="visually-hidden">{isLayerPanelOpen ? messages.hideLayers : messages.showLayers}</span>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M12 3 2 8l10 5 10-5-10-5Zm-7.6 9L2 13.2l10 5 10-5-2.4-1.2L12 15.8 4.4 12Zm0 4L2 17.2l10 5 10-5-2.4-1.2L12 19.8 4.4 16Z" fill="currentColor" />
        </svg>
      </button>
      <div className="app-header__titles">
        <h1 className="app-header__title">{messages.appTitle}</h1>
        <p className="app-header__subtitle">{messages.appSubtitle}</p>
      </div>
      <LanguageSwitcher onChange={onLanguageChange} />
      <StaffButton ref={props.staffButtonRef} session={props.session} isOpen={props.isStaffAreaOpen} onOpen={props.onOpenStaffArea} />
    </header>
  );
}
