import { describe, expect, it } from 'vitest';
import type { CatalogProperty } from '../api/layer-catalog.ts';
import { formatPropertyValue } from './format-value.ts';

function property(overrides: Partial<CatalogProperty> & Pick<CatalogProperty, 'type'>): CatalogProperty {
  return { name: 'value', label: { fr: 'Valeur', ar: 'القيمة', en: 'Value' }, isInTiles: true, isPersonal: false, isRequired: false, ...overrides };
}

const condition = property({
  type: 'enum',
  values: [
    { value: 'good', label: { fr: 'Bon', ar: 'جيدة', en: 'Good' } },
    { value: 'poor', label: { fr: 'Dégradé', ar: 'متدهورة', en: 'Poor' } },
  ],
});

describe('formatPropertyValue', () => {
  it('leaves absent values out', () => {
    for (const raw of [undefined, null, '']) expect(formatPropertyValue(property({ type: 'string' }), raw, 'fr')).toBeNull();
  });

  it('says unknown for an absent value of a property whose null means unknown', () => {
    const surveyed = { ...condition, isUnknownWhenNull: true };
    expect(formatPropertyValue(surveyed, null, 'fr')).toEqual({ text: 'Inconnu' });
    expect(formatPropertyValue(surveyed, undefined, 'ar')).toEqual({ text: 'غير معروف' });
    expect(formatPropertyValue(surveyed, 'good', 'en')).toEqual({ text: 'Good' });
  });

  it('shows enum values by their label in the language, and an unknown value as it is', () => {
    expect(formatPropertyValue(condition, 'poor', 'fr')).toEqual({ text: 'Dégradé' });
    expect(formatPropertyValue(condition, 'poor', 'ar')).toEqual({ text: 'متدهورة' });
    expect(formatPropertyValue(condition, 'poor', 'en')).toEqual({ text: 'Poor' });
    expect(formatPropertyValue(condition, 'flooded', 'fr')).toEqual({ text: 'flooded' });
  });

  it('writes booleans as yes/no in the language, from MVT booleans or strings', () => {
    const lit = property({ type: 'boolean' });
    expect(formatPropertyValue(lit, true, 'fr')?.text).toBe('Oui');
    expect(formatPropertyValue(lit, false, 'fr')?.text).toBe('Non');
    expect(formatPropertyValue(lit, true, 'ar')?.text).toBe('نعم');
    expect(formatPropertyValue(lit, 'false', 'ar')?.text).toBe('لا');
    expect(formatPropertyValue(lit, 'true', 'en')?.text).toBe('Yes');
  });

  it('formats calendar dates for the locale without shifting the day', () => {
    const date = property({ type: 'date' });
    expect(formatPropertyValue(date, '2024-03-01', 'fr')?.text).toBe('1 mars 2024');
    expect(formatPropertyValue(date, '2024-03-01', 'en')?.text).toBe('1 March 2024');
    const arabic = formatPropertyValue(date, '2024-03-01', 'ar')?.text ?? '';
    expect(arabic).toContain('2024');
    expect(arabic).toMatch(/مارس/);
    expect(formatPropertyValue(date, 'not a date', 'fr')?.text).toBe('not a date');
  });

  it('shows instants in Casablanca time', () => {
    const instant = property({ type: 'datetime' });
    // 23:30 UTC on 31 December is already 1 January in Casablanca (UTC+1).
    const text = formatPropertyValue(instant, '2024-12-31T23:30:00Z', 'fr')?.text ?? '';
    expect(text).toMatch(/^1 \S+ 2025\D+00:30$/);
    expect(formatPropertyValue(instant, '2024-07-01T10:00:00Z', 'en')?.text).toMatch(/11:00$/);
  });

  it('formats numbers for the locale with their unit written in the language', () => {
    const width = property({ type: 'number', unit: 'm' });
    expect(formatPropertyValue(width, 12.5, 'fr')?.text).toBe('12,5 m');
    expect(formatPropertyValue(width, 12.5, 'en')?.text).toBe('12.5 m');
    expect(formatPropertyValue(width, 12.5, 'ar')?.text).toBe('12,5 م');
    expect(formatPropertyValue(property({ type: 'integer' }), 1250000, 'en')?.text).toBe('1,250,000');
  });

  it('splits comma-joined tile lists and joins them for the locale', () => {
    const lines = property({ type: 'string_list' });
    expect(formatPropertyValue(lines, 'T1,T2,BW1', 'fr')?.text).toBe('T1, T2, BW1');
    expect(formatPropertyValue(lines, ['T1', 'T2'], 'en')?.text).toBe('T1, T2');
    expect(formatPropertyValue(lines, 'T1,T2', 'ar')?.text).toBe('T1، T2');
    expect(formatPropertyValue(lines, ',', 'fr')).toBeNull();
  });

  it('shows a colour value with the colour itself', () => {
    expect(formatPropertyValue(property({ type: 'string' }), '#e2001a', 'fr')).toEqual({ text: '#e2001a', color: '#e2001a' });
    expect(formatPropertyValue(property({ type: 'string' }), 'Boulevard Zerktouni', 'fr')).toEqual({ text: 'Boulevard Zerktouni' });
  });
});
