import { describe, expect, it } from 'vitest';
import { queryForNavigation } from './router.ts';

describe('queryForNavigation', () => {
  it('keeps the language and the test switch, and drops what belonged to the previous app', () => {
    expect(queryForNavigation('?lang=ar&test=1&feature=permits/3&next=/plan')).toBe('?lang=ar&test=1');
    expect(queryForNavigation('')).toBe('');
  });

  it('adds the parameters the new route asks for', () => {
    expect(new URLSearchParams(queryForNavigation('?lang=fr', { next: '/plan' })).get('next')).toBe('/plan');
    expect(new URLSearchParams(queryForNavigation('?lang=fr', { next: '/plan' })).get('lang')).toBe('fr');
  });
});
