import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf } from './navigation.ts';

describe('routes', () => {
  it('knows the staff area and sends every other path to the public map', () => {
    expect(parseRoute('/staff')).toBe('staff');
    expect(parseRoute('/staff/')).toBe('staff');
    expect(parseRoute('/')).toBe('map');
    expect(parseRoute('/staffroom')).toBe('map');
    expect(parseRoute('/anything/else')).toBe('map');
  });

  it('writes each route back as the path it parses from', () => {
    for (const route of ['map', 'staff'] as const) expect(parseRoute(pathOf(route))).toBe(route);
  });
});
