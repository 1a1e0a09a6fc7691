import { describe, expect, it } from 'vitest';
import type { ListedFeature } from '../api/fetch-features.ts';
import { sortRows } from './sort-rows.ts';

const rows: ListedFeature[] = [
  { id: 3, properties: { reference: 'PC-2026-0010', name: 'Éclair' }, geometry: null },
  { id: 1, properties: { reference: 'PC-2026-0009', name: null }, geometry: null },
  { id: 2, properties: { reference: 'PC-2026-0011', name: 'apollo' }, geometry: null },
];
const by = (name: string) => (row: ListedFeature) => (row.properties[name] as string | null | undefined) ?? null;

describe('sortRows', () => {
  it('sorts numbers within text as numbers, accents and case aside, missing values last both ways', () => {
    expect(sortRows(rows, { key: 'reference', isDescending: false }, by('reference'), 'fr').map((row) => row.id)).toEqual([1, 3, 2]);
    expect(sortRows(rows, { key: 'name', isDescending: false }, by('name'), 'fr').map((row) => row.id)).toEqual([2, 3, 1]);
    expect(sortRows(rows, { key: 'name', isDescending: true }, by('name'), 'fr').map((row) => row.id)).toEqual([3, 2, 1]);
  });
});
