import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Language, type TextDirection, textDirectionOf } from './language.ts';

/** The current interface language and its writing direction (each part of the interface has its own strings). */
export interface I18n {
  language: Language;
  direction: TextDirection;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ language, direction: textDirectionOf(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
