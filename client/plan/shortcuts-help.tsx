import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { PLAN_MESSAGES, type ShortcutName } from './plan-messages.ts';

/** The editor's shortcuts, in the order of the help panel. */
const SHORTCUTS: readonly ShortcutName[] = ['draw', 'split', 'merge', 'removeVertex', 'deleteVertex', 'delete', 'undo', 'redo', 'save', 'finish', 'escape', 'help'];

/** The help panel listing every shortcut; Escape or the button closes it, leaving the editor as it was. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const messages = useMessages(PLAN_MESSAGES);
  const headingId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="conflict-backdrop">
      <div
        ref={dialog}
        className="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        onKeyDown={(event) => {
          // The panel is modal: its keys stay in it (Escape closes it, and only it, not the open segment too).
          event.stopPropagation();
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id={headingId}>{messages.helpTitle}</h2>
        <p>{messages.helpIntro}</p>
        <dl className="shortcuts-help__list">
          {SHORTCUTS.map((name) => (
            <div key={name} className="shortcuts-help__row" data-shortcut={name}>
              <dt>
                <kbd>{messages.shortcutKeys[name]}</kbd>
              </dt>
              <dd>{messages.shortcuts[name]}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" onClick={onClose}>
          {messages.close}
        </button>
      </div>
    </div>
  );
}
