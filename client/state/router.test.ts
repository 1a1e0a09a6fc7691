import { describe, expect, it } from 'vitest';
import { createHistoryRouter, queryForNavigation } from './router.ts';

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

describe('the leave guard', () => {
  /** Just enough of a window for the router: a location that pushState moves. */
  function fakeWindow(pathname: string) {
    const location = { pathname, search: '', hash: '' };
    const history = {
      state: null,
      pushState: (_state: unknown, _title: string, url: string) => Object.assign(location, { pathname: url.split(/[?#]/)[0] }),
      replaceState: (_state: unknown, _title: string, url: string) => Object.assign(location, { pathname: url.split(/[?#]/)[0] }),
    };
    return { location, history, addEventListener: () => undefined } as unknown as Window;
  }

  it('keeps the app open when it says no, lets it go when it says yes, and is gone once removed', () => {
    const router = createHistoryRouter(fakeWindow('/plan'));
    const asked: string[] = [];
    let answer = false;
    router.setLeaveGuard((path) => {
      asked.push(path);
      return answer;
    });
    router.navigate('/');
    expect(router.get().pathname).toBe('/plan');
    answer = true;
    router.navigate('/transit');
    expect(router.get().pathname).toBe('/transit');
    router.setLeaveGuard(null);
    router.navigate('/');
    expect(asked).toEqual(['/', '/transit']);
    expect(router.get().pathname).toBe('/');
  });
});
