/**
 * The interface languages. French is the default (the city's administrative language); Arabic is written
 * right to left; English is a third language for visitors and partners.
 */
export type Language = 'fr' | 'ar' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];

export const DEFAULT_LANGUAGE: Language = 'fr';

export type TextDirection = 'ltr' | 'rtl';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Writing direction of a language: Arabic lays the whole page out right to left. */
export function textDirectionOf(language: Language): TextDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * BCP 47 locale used for dates and numbers. The Moroccan variants keep Western (Latin) digits in Arabic,
 * as Moroccan administrations write them.
 */
export function localeOf(language: Language): string {
  switch (language) {
    case 'ar':
      return 'ar-MA';
    case 'en':
      return 'en-GB';
    default:
      return 'fr-MA';
  }
}

/** The language asked for by `?lang=` in a URL query string, or the default. */
export function parseLanguageParameter(search: string): Language {
  const requested = new URLSearchParams(search).get('lang')?.trim().toLowerCase();
  return isLanguage(requested) ? requested : DEFAULT_LANGUAGE;
}

/** The query string with `lang` set to the language (the default language is written too, explicitly). */
export function withLanguageParameter(search: string, language: Language): string {
  const parameters = new URLSearchParams(search);
  parameters.set('lang', language);
  return `?${parameters.toString()}`;
}
