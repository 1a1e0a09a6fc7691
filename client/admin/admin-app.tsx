import './admin.css';
import { type KeyboardEvent, useRef } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { AccountsSection } from './accounts-section.tsx';
import { ADMIN_MESSAGES } from './admin-messages.ts';
import { AuditSection } from './audit-section.tsx';
import { KeysSection } from './keys-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

const SECTIONS = ['accounts', 'keys', 'webhooks', 'audit'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_PARAMETER = 'section';

function sectionOf(search: string): Section {
  const value = new URLSearchParams(search).get(SECTION_PARAMETER);
  return SECTIONS.find((section) => section === value) ?? 'accounts';
}

/**
 * The administration at /admin (role admin): accounts, API keys, webhooks and the security audit, one tab
 * each (the tab is in the URL, `?section=keys`). Every call is checked again by the server.
 */
export function AdminApp() {
  const { router, announcer } = useServices();
  const messages = useMessages(ADMIN_MESSAGES);
  const location = useStore(router, (value) => value);
  const current = sectionOf(location.search);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const open = (section: Section) => router.navigate('/admin', { replace: true, parameters: { [SECTION_PARAMETER]: section } });
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); in Arabic the row runs right to left, as the keys do.
  const moveWithArrows = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const isRtl = document.documentElement.dir === 'rtl';
    const index = (SECTIONS.indexOf(current) + (isRtl ? -step : step) + SECTIONS.length) % SECTIONS.length;
    open(SECTIONS[index]!);
    tabs.current[index]?.focus();
  };

  return (
    <div className="admin-app">
      <h2 className="admin-app__title">{messages.title}</h2>
      <div className="admin-tabs" role="tablist" aria-label={messages.title} onKeyDown={moveWithArrows}>
        {SECTIONS.map((section, index) => (
          <button
            key={section}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`admin-tab-${section}`}
            aria-controls="admin-panel"
            aria-selected={section === current}
            tabIndex={section === current ? 0 : -1}
            className="admin-tabs__tab"
            data-section={section}
            onClick={() => open(section)}
          >
            {messages.sections[section]}
          </button>
        ))}
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${current}`} className="admin-panel">
        {current === 'accounts' && <AccountsSection onAnnounce={announcer.announce} />}
        {current === 'keys' && <KeysSection onAnnounce={announcer.announce} />}
        {current === 'webhooks' && <WebhooksSection />}
        {current === 'audit' && <AuditSection />}
      </div>
    </div>
  );
}
