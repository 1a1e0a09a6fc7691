import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Language, type TextDirection, textDirectionOf } from './language.ts';
import { MESSAGES, type Messages } from './messages.ts';

/** The current interface language with its strings and direction. */
export interface I18n {
  language: Language;
  direction: TextDirection;
  messages: Messages;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ language, direction: textDirectionOf(language), messages: MESSAGES[language] }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
