import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args.ts';

describe('parseBenchArgs', () => {
  it.each([
    [[], { isQuick: false, port: 54339 }],
    [['--quick'], { isQuick: true, port: 54339 }],
    [['--json', 'out.json', '--quick'], { isQuick: true, port: 54339, jsonFile: 'out.json' }],
    [['--port', '55000'], { isQuick: false, port: 55000 }],
  ])('%j', (args, expected) => {
    expect(parseBenchArgs(args)).toEqual(expected);
  });

  it.each([
    [['--json'], '--json needs a value'],
    [['--json', '--quick'], '--json needs a value'],
    [['--port', '80'], '--port must be a number from 1024 to 65535'],
    [['--fast'], 'unknown option --fast'],
  ])('refuses %j', (args, error) => {
    expect(parseBenchArgs(args)).toEqual({ error });
  });

  it('answers help', () => {
    expect(parseBenchArgs(['--help'])).toBe('help');
  });
});
