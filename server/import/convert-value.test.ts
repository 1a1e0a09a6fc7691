import { describe, expect, it } from 'vitest';
import type { PropertyType } from '../layers/layer-definition.ts';
import { convertValue } from './convert-value.ts';

describe('convertValue', () => {
  it.each<[unknown, PropertyType, unknown]>([
    ['', 'string', null],
    ['   ', 'integer', null],
    [undefined, 'boolean', null],
    [null, 'date', null],
    [12, 'string', '12'],
    ['Rue Tata', 'string', 'Rue Tata'],
    [true, 'string', true],
    [' primary ', 'enum', 'primary'],
    [3, 'enum', '3'],
    ['12', 'integer', 12],
    ['-7.5', 'number', -7.5],
    ['12,5', 'number', 12.5],
    ['1,234.5', 'number', '1,234.5'],
    ['1e3', 'number', 1000],
    ['deux', 'integer', 'deux'],
    ['0x10', 'integer', '0x10'],
    [4, 'integer', 4],
    ['T', 'boolean', true],
    ['F', 'boolean', false],
    ['oui', 'boolean', true],
    ['Non', 'boolean', false],
    ['yes', 'boolean', true],
    ['نعم', 'boolean', true],
    [1, 'boolean', true],
    [0, 'boolean', false],
    [2, 'boolean', 2],
    ['B', 'boolean', 'B'],
    ['20240229', 'date', '2024-02-29'],
    ['2024/02/29', 'date', '2024-02-29'],
    ['2024-02-29T00:00:00Z', 'date', '2024-02-29'],
    ['2024-02-29T00:00:00.000+00:00', 'date', '2024-02-29'],
    ['2024-02-29T10:00:00Z', 'date', '2024-02-29T10:00:00Z'],
    ['03/04/2024', 'date', '03/04/2024'],
    [new Date(Date.UTC(2024, 4, 1, 8, 30)), 'datetime', '2024-05-01T08:30:00.000Z'],
    ['sol sale; chaîne du froid ;', 'string_list', ['sol sale', 'chaîne du froid']],
    ['["a;b", "c"]', 'string_list', ['a;b', 'c']],
    ['[broken', 'string_list', '[broken'],
    [['a'], 'string_list', ['a']],
  ])('%j as %s -> %j', (value, type, expected) => {
    expect(convertValue(value, type)).toEqual(expected);
  });
});
