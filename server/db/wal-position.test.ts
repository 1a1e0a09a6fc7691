import { describe, expect, it } from 'vitest';
import { formatWalPosition, parseWalPosition } from './wal-position.ts';

describe('WAL positions', () => {
  it.each([
    ['0/0', 0n],
    ['0/3001128', 0x3001128n],
    ['16/B374D848', (0x16n << 32n) + 0xb374d848n],
    ['FFFFFFFF/FFFFFFFF', (1n << 64n) - 1n],
  ])('reads %s as a byte offset and writes it back', (text, position) => {
    expect(parseWalPosition(text)).toBe(position);
    expect(formatWalPosition(position)).toBe(text);
  });

  it('orders positions across the high word', () => {
    expect(parseWalPosition('1/0') > parseWalPosition('0/FFFFFFFF')).toBe(true);
    expect(parseWalPosition('0/10') < parseWalPosition('0/9')).toBe(false);
  });

  it.each(['', '0', '0/', '/1', 'G/1', '0/123456789', ' 0/1', '0/1; DROP TABLE x'])('refuses %j', (text) => {
    expect(() => parseWalPosition(text)).toThrow(RangeError);
  });
});
