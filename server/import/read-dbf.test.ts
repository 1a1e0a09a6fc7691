import { describe, expect, it } from 'vitest';
import { buildShapefileMembers } from '../../tests/fixtures/import/build-shapefile-zip.ts';
import { DbfEncodingError, parseField, readDbf } from './read-dbf.ts';

describe('parseField', () => {
  it.each([
    ['C', '  Rue Tata   ', 'Rue Tata'],
    ['C', '          ', null],
    ['N', '   12', 12],
    ['N', '  -3.5', -3.5],
    ['N', '     ', null],
    ['N', '*****', null],
    ['F', '1.5e3', 1500],
    ['L', 'T', true],
    ['L', 'y', true],
    ['L', 'F', false],
    ['L', 'n', false],
    ['L', '?', null],
    ['D', '20240229', '2024-02-29'],
    ['D', '        ', null],
    ['D', '00000000', null],
    ['D', '2024-2-1', '2024-2-1'],
    ['C', 'abc\u0000\u0000', 'abc'],
  ])('%s %j -> %j', (type, text, value) => expect(parseField(type, text)).toEqual(value));
});

describe('readDbf', () => {
  const members = buildShapefileMembers({
    name: 't',
    kind: 'point',
    fields: [{ name: 'NOM', type: 'C', length: 20 }, { name: 'N', type: 'N', length: 4 }, { name: 'D', type: 'D', length: 8 }],
    records: [
      { geometry: [0, 0], values: ['Derb Sultan', 7, '2020-01-31'] },
      { geometry: [0, 0], values: ['Aïn Chock', null, null] },
    ],
  });

  it('reads fields and typed records', () => {
    expect(readDbf(members['t.dbf']!, 'utf-8')).toEqual({
      fields: [{ name: 'NOM', type: 'C', length: 20 }, { name: 'N', type: 'N', length: 4 }, { name: 'D', type: 'D', length: 8 }],
      records: [
        { NOM: 'Derb Sultan', N: 7, D: '2020-01-31' },
        { NOM: 'Aïn Chock', N: null, D: null },
      ],
    });
  });

  it('throws a DbfEncodingError naming the record and field for text invalid in the code page', () => {
    const latin = buildShapefileMembers({
      name: 't', kind: 'point', textEncoding: 'latin-1',
      fields: [{ name: 'NOM', type: 'C', length: 20 }],
      records: [{ geometry: [0, 0], values: ['Derb'] }, { geometry: [0, 0], values: ['Aïn Chock'] }],
    });
    expect(() => readDbf(latin['t.dbf']!, 'utf-8')).toThrow(DbfEncodingError);
    try {
      readDbf(latin['t.dbf']!, 'utf-8');
    } catch (error) {
      expect(error).toMatchObject({ recordIndex: 1, fieldName: 'NOM' });
    }
    expect(readDbf(latin['t.dbf']!, 'windows-1252').records[1]).toEqual({ NOM: 'Aïn Chock' });
  });

  it('refuses a truncated table', () => {
    expect(() => readDbf(members['t.dbf']!.subarray(0, 100), 'utf-8')).toThrow(/truncated/);
  });
});
