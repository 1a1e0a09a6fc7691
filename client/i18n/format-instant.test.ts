import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant.ts';

describe('formatInstant', () => {
  it('writes an instant in Casablanca’s time: UTC+1, and UTC+0 during Ramadan', () => {
    expect(formatInstant('2026-06-02T23:30:00Z', 'fr', 'minute')).toBe('3 juin 2026 à 00:30');
    expect(formatInstant('2026-06-02T23:30:00Z', 'fr', 'day')).toBe('3 juin 2026');
    // Ramadan 1447 (February–March 2026): Morocco keeps UTC.
    expect(formatInstant('2026-03-02T23:30:00Z', 'fr', 'minute')).toBe('2 mars 2026 à 23:30');
    expect(formatInstant('2026-06-02T23:30:05Z', 'en', 'second')).toMatch(/^03\/06\/2026,? 00:30:05$/);
  });

  it('keeps Western digits in Arabic and leaves a value that is not an instant as it came', () => {
    expect(formatInstant('2026-06-02T23:30:00Z', 'ar', 'day')).toMatch(/2026/);
    expect(formatInstant('not a date', 'fr')).toBe('not a date');
  });
});
