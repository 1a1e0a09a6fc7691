import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

const STOPS = {
  ar: { zero: 'لا توجد محطة', one: 'محطة واحدة', two: 'محطتان', few: '{count} محطات', many: '{count} محطة', other: '{count} محطة' },
  fr: { one: '{count} arrêt', other: '{count} arrêts' },
  en: { one: '{count} stop', other: '{count} stops' },
};

describe('plural', () => {
  it('uses the six Arabic forms', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((count) => plural('ar', count, STOPS.ar))).toEqual([
      'لا توجد محطة',
      'محطة واحدة',
      'محطتان',
      '3 محطات',
      '10 محطات',
      '11 محطة',
      '99 محطة',
      '100 محطة',
    ]);
  });

  it('treats 0 and 1 as singular in French, not in English', () => {
    expect([0, 1, 2].map((count) => plural('fr', count, STOPS.fr))).toEqual(['0 arrêt', '1 arrêt', '2 arrêts']);
    expect([0, 1, 2].map((count) => plural('en', count, STOPS.en))).toEqual(['0 stops', '1 stop', '2 stops']);
  });

  it('groups thousands as Moroccan usage writes them, and falls back to `other`', () => {
    expect(plural('fr', 12500, STOPS.fr)).toBe('12.500 arrêts');
    expect(plural('ar', 7, { other: '{count} عناصر' })).toBe('7 عناصر');
  });
});
