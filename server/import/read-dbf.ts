/**
 * A dBASE III/IV table (a shapefile's .dbf) read in memory. Written here rather than taken from the
 * `shapefile` package because that reader turns a blank date into 1899-11-30 and decodes text leniently;
 * an importer must tell "no value" from a value and refuse text in the wrong code page.
 */
export interface DbfField {
  name: string;
  /** C text, N/F numbers, L logical, D date (YYYYMMDD); other types are read as text. */
  type: string;
  /** Width in bytes within a record. */
  length: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** One object per record, in file order (deleted records included, so that they stay aligned with the .shp). */
  records: Record<string, string | number | boolean | null>[];
}

/** Text that cannot be decoded in the table's code page: where it is, for the message. */
export class DbfEncodingError extends Error {
  override name = 'DbfEncodingError';
  constructor(
      /** -1 for a field name in the header. */
    readonly recordIndex: number,
    readonly fieldName: string,
  ) {
    super(`record ${recordIndex}, field ${fieldName}: text is not valid in the declared code page`);
  }
}

/** Reads every record. `encoding` is a WHATWG label; undecodable text throws DbfEncodingError. */
export function readDbf(bytes: Uint8Array, encoding: string): DbfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32) throw new Error('the .dbf is shorter than its 32-byte header');
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const fields: DbfField[] = [];
  for (let offset = 32; offset + 32 <= headerLength && bytes[offset] !== 0x0d; offset += 32) {
    const raw = bytes.subarray(offset, offset + 11);
    const end = raw.indexOf(0);
    let name: string;
    try {
      name = decoder.decode(raw.subarray(0, end === -1 ? 11 : end)).trim();
    } catch {
      throw new DbfEncodingError(-1, `#${fields.length + 1}`);
    }
    fields.push({
      name,
      type: String.fromCharCode(bytes[offset + 11]!).toUpperCase(),
      length: bytes[offset + 16]!,
    });
  }
  if (headerLength + recordCount * recordLength > bytes.length) throw new Error(`the .dbf announces ${recordCount} records but is truncated`);
  const records: DbfTable['records'] = [];
  for (let index = 0; index < recordCount; index += 1) {
    // Byte 0 of a record is the deletion flag; the fields follow.
    let offset = headerLength + index * recordLength + 1;
    const record: DbfTable['records'][number] = {};
    for (const field of fields) {
      const raw = bytes.subarray(offset, offset + field.length);
      offset += field.length;
      let text: string;
      try {
        text = decoder.decode(raw);
      } catch {
        throw new DbfEncodingError(index, field.name);
      }
      record[field.name] = parseField(field.type, text);
    }
    records.push(record);
  }
  return { fields, records };
}

/** One field's text as a value; blanks (and dBASE's '?' logical, '*' overflowed numbers) are null. */
export function parseField(type: string, text: string): string | number | boolean | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dBase pads text fields with NUL bytes
  const value = text.replace(/\u0000+$/, '').trim();
  if (value === '') return null;
  switch (type) {
    case 'N':
    case 'F': {
      const number = Number(value);
      return value.includes('*') || !Number.isFinite(number) ? null : number;
    }
    case 'L':
      return /^[TtYy]$/.test(value) ? true : /^[FfNn]$/.test(value) ? false : null;
    case 'D': {
      const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
      // Some writers fill empty dates with zeros; anything else unparsable is kept for the validator.
      if (!match) return value;
      return /^0+$/.test(value) ? null : `${match[1]}-${match[2]}-${match[3]}`;
    }
    default:
      return value;
  }
}
