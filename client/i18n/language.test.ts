import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeOf, parseLanguageParameter, textDirectionOf, withLanguageParameter } from './language.ts';
import { MESSAGES } from './messages.ts';

describe('interface languages', () => {
  it('lays Arabic out right to left and the other languages left to right', () => {
    expect(textDirectionOf('ar')).toBe('rtl');
    expect(textDirectionOf('fr')).toBe('ltr');
    expect(textDirectionOf('en')).toBe('ltr');
  });

  it('honours ?lang= and falls back to French for a missing or unknown language', () => {
    expect(parseLanguageParameter('?lang=ar')).toBe('ar');
    expect(parseLanguageParameter('?test=1&lang=EN')).toBe('en');
    expect(parseLanguageParameter('')).toBe('fr');
    expect(parseLanguageParameter('?lang=de')).toBe('fr');
    expect(parseLanguageParameter('?lang=')).toBe('fr');
  });

  it('writes the language into the query string, keeping the other parameters', () => {
    expect(withLanguageParameter('?test=1', 'ar')).toBe('?test=1&lang=ar');
    expect(withLanguageParameter('?lang=ar&test=1', 'fr')).toBe('?lang=fr&test=1');
    expect(withLanguageParameter('', 'en')).toBe('?lang=en');
  });

  it('formats with Moroccan locales that keep Western digits in Arabic', () => {
    expect(localeOf('ar')).toBe('ar-MA');
    expect(new Intl.NumberFormat(localeOf('ar')).format(1234)).toMatch(/^1.?234$/);
  });

  it('has every interface string in every language, none empty', () => {
    const keysOf = (value: object): string[] =>
      Object.entries(value).flatMap(([key, item]) =>
        typeof item === 'object' && item !== null ? keysOf(item).map((inner) => `${key}.${inner}`) : [key],
      );
    const reference = keysOf(MESSAGES.fr).sort();
    const stringsOf = (value: object, path: string): [string, string][] =>
      Object.entries(value).flatMap(([key, item]): [string, string][] => {
        if (typeof item === 'string') return [[`${path}.${key}`, item]];
        return typeof item === 'object' && item !== null ? stringsOf(item, `${path}.${key}`) : [];
      });
    for (const language of LANGUAGES) {
      expect(keysOf(MESSAGES[language]).sort()).toEqual(reference);
      for (const [path, text] of stringsOf(MESSAGES[language], language)) expect(text.trim(), path).not.toBe('');
    }
    expect(MESSAGES.ar.layersHeading).toMatch(/[\u0600-\u06FF]/);
    expect(MESSAGES.ar.staff.entry).toMatch(/[\u0600-\u06FF]/);
    expect(MESSAGES.ar.staff.roles.inspector).toMatch(/[\u0600-\u06FF]/);
  });
});
