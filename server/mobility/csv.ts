/** One record of a CSV file: its fields and the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A parsed CSV file; `error` is set when the text is not RFC 4180 (the records before it are kept). */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  error?: { line: number; message: string };
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Parses CSV text as RFC 4180 says, as GTFS requires: comma separators, fields optionally in double
 * quotes, "" for a quote inside one, line breaks (CRLF, LF or CR) inside quoted fields, an optional UTF-8
 * byte order mark. Unquoted fields and header names are trimmed (feeds often pad them); blank lines are
 * skipped. Written here rather than taken from a package because the import report needs the line each
 * record starts on, which quoted line breaks make different from the record's index.
 */
export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let line = 1;
  let recordLine = 1;
  let position = 0;
  const endField = () => {
    fields.push(isQuoted ? field : field.trim());
    field = '';
    isQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: recordLine, fields });
    fields = [];
  };
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (code === QUOTE && field.trim() === '' && !isQuoted) {
      const closing = readQuoted(source, position + 1);
      if (closing.end < 0) return finish(rows, { line: recordLine, message: 'a quoted field is never closed' });
      field = closing.value;
      isQuoted = true;
      line += closing.lineBreaks;
      position = closing.end;
      const next = source.charCodeAt(position);
      if (position < source.length && next !== COMMA && next !== LF && next !== CR) {
        return finish(rows, { line, message: 'characters after a closing quote' });
      }
      continue;
    }
    if (code === COMMA) {
      endField();
    } else if (code === LF || code === CR) {
      endRecord();
      if (code === CR && source.charCodeAt(position + 1) === LF) position += 1;
      line += 1;
      recordLine = line;
    } else if (code === QUOTE) {
      return finish(rows, { line, message: 'a quote inside an unquoted field' });
    } else {
      // The rest of an unquoted field at once: feeds of a million stop times are mostly these.
      let end = position + 1;
      while (end < source.length) {
        const next = source.charCodeAt(end);
        if (next === COMMA || next === LF || next === CR || next === QUOTE) break;
        end += 1;
      }
      field += source.slice(position, end);
      position = end;
      continue;
    }
    position += 1;
  }
  if (field !== '' || isQuoted || fields.length > 0) endRecord();
  return finish(rows);
}

/** Reads a quoted field from just after its opening quote; end is the index after the closing quote. */
function readQuoted(source: string, start: number): { value: string; end: number; lineBreaks: number } {
  let value = '';
  let lineBreaks = 0;
  let position = start;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (code === QUOTE) {
      if (source.charCodeAt(position + 1) !== QUOTE) return { value, end: position + 1, lineBreaks };
      value += '"';
      position += 2;
      continue;
    }
    if (code === LF || (code === CR && source.charCodeAt(position + 1) !== LF)) lineBreaks += 1;
    value += source[position];
    position += 1;
  }
  return { value, end: -1, lineBreaks };
}

function finish(rows: CsvRecord[], error?: CsvTable['error']): CsvTable {
  const [first, ...records] = rows;
  const table: CsvTable = { header: (first?.fields ?? []).map((name) => name.trim()), records };
  if (error) table.error = error;
  return table;
}
