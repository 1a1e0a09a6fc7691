import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { UI_MESSAGES } from './ui-messages.ts';

/**
 * Names of places exist in French and Arabic only. In English the map and the panels show the French
 * names, and say so once, discreetly, rather than switching language without a word.
 */
export function NamesLanguageNote() {
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  if (language !== 'en') return null;
  return (
    <p className="names-note" data-note="names-in-french">
      {messages.namesInOtherLanguage}
    </p>
  );
}
