import { describe, expect, it } from 'vitest';
import { localeOf, parseLanguageParameter, textDirectionOf, withLanguageParameter } from './language.ts';

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
});
