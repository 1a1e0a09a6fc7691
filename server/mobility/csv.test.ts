import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads a header and records, with the line each record starts on', () => {
    const table = parseCsv('stop_id,stop_name\r\nA,Gare\r\n\r\nB,Port\r\n');
    expect(table.header).toEqual(['stop_id', 'stop_name']);
    expect(table.records).toEqual([{ line: 2, fields: ['A', 'Gare'] }, { line: 4, fields: ['B', 'Port'] }]);
    expect(table.error).toBeUndefined();
  });

  it('drops a UTF-8 byte order mark and trims unquoted fields and header names', () => {
    const table = parseCsv('\uFEFF stop_id , stop_name\n A , Casa Port \n');
    expect(table.header).toEqual(['stop_id', 'stop_name']);
    expect(table.records[0]!.fields).toEqual(['A', 'Casa Port']);
  });

  it('keeps quoted fields as written: commas, doubled quotes, line breaks, spaces', () => {
    const table = parseCsv('id,name\n1,"Bd ""Zerktouni"", Casablanca"\n2,"two\nlines"\n3," padded "\n4,\n');
    expect(table.records.map((record) => record.fields)).toEqual([
      ['1', 'Bd "Zerktouni", Casablanca'],
      ['2', 'two\nlines'],
      ['3', ' padded '],
      ['4', ''],
    ]);
    expect(table.records.map((record) => record.line)).toEqual([2, 3, 5, 6]);
  });

  it('reads CR-only line ends and a last line without a line break', () => {
    expect(parseCsv('a,b\r1,2\r3,4').records.map((record) => record.fields)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('reads Arabic text untouched', () => {
    expect(parseCsv('id,name\nT1-11,"الحي المحمدي"\n').records[0]!.fields[1]).toBe('الحي المحمدي');
  });

  it('reports an unclosed quote, a quote inside a field and text after a closing quote, with the line', () => {
    expect(parseCsv('id,name\n1,ok\n2,"never closed\n').error).toEqual({ line: 3, message: 'a quoted field is never closed' });
    expect(parseCsv('id,name\n1,bad"quote\n').error).toEqual({ line: 2, message: 'a quote inside an unquoted field' });
    expect(parseCsv('id,name\n1,"x"y\n').error).toEqual({ line: 2, message: 'characters after a closing quote' });
  });
});
