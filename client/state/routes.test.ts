import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../api/principal.ts';
import type { SessionState } from './session-store.ts';
import { appsFor, backRouteOf, decideRoute, HOME, nextPathOf, routeFor, routeOf, staffAreaParameters } from './routes.ts';

function signedIn(role: StaffUser['role']): SessionState {
  return { status: 'signed-in', user: { username: role, displayName: null, role, areas: [], isAdministrator: role === 'admin', layers: {} } };
}
const PUBLIC: SessionState = { status: 'public', notice: null };
const CHECKING: SessionState = { status: 'checking' };

describe('routes', () => {
  it('opens every app from its own URL, with or without a trailing slash', () => {
    expect(routeOf('/').app).toBe('transit');
    expect(routeOf('/map').app).toBe('explore');
    expect(routeOf('/map/').app).toBe('explore');
    expect(routeOf('/plan/').app).toBe('plan');
    expect(routeOf('/inspect').app).toBe('inspect');
    expect(routeOf('/admin').app).toBe('admin');
    expect(routeOf('/staff').app).toBe('staff');
  });

  it('makes the transit map the home page, also at its first address /transit', () => {
    expect(HOME).toBe(routeFor('transit'));
    expect(HOME.path).toBe('/');
    expect(routeOf('/transit')).toBe(HOME);
    expect(routeOf('/transit/')).toBe(HOME);
  });

  it('shows the home page for a path the client does not know', () => {
    expect(routeOf('/nowhere').app).toBe('transit');
    expect(routeOf('/plan/extra').app).toBe('transit');
    expect(routeOf('/map/extra').app).toBe('transit');
  });

  it('shows the public apps to everyone, even while the session is checked', () => {
    for (const session of [PUBLIC, CHECKING, signedIn('inspector')]) {
      expect(decideRoute(routeFor('explore'), session)).toEqual({ kind: 'show' });
      expect(decideRoute(routeFor('transit'), session)).toEqual({ kind: 'show' });
    }
  });

  it('sends the public to sign in first, then back to the staff app it asked for', () => {
    expect(decideRoute(routeFor('plan'), PUBLIC)).toEqual({ kind: 'sign-in', next: '/plan' });
    expect(decideRoute(routeFor('inspect'), PUBLIC)).toEqual({ kind: 'sign-in', next: '/inspect' });
    expect(decideRoute(routeFor('admin'), PUBLIC)).toEqual({ kind: 'sign-in', next: '/admin' });
  });

  it('waits for the session before deciding a staff route', () => {
    expect(decideRoute(routeFor('plan'), CHECKING)).toEqual({ kind: 'wait' });
  });

  it('opens each staff app for its roles only', () => {
    expect(decideRoute(routeFor('plan'), signedIn('planner'))).toEqual({ kind: 'show' });
    expect(decideRoute(routeFor('plan'), signedIn('admin'))).toEqual({ kind: 'show' });
    expect(decideRoute(routeFor('plan'), signedIn('inspector'))).toEqual({ kind: 'denied' });
    expect(decideRoute(routeFor('inspect'), signedIn('inspector'))).toEqual({ kind: 'show' });
    expect(decideRoute(routeFor('inspect'), signedIn('planner'))).toEqual({ kind: 'denied' });
    expect(decideRoute(routeFor('admin'), signedIn('admin'))).toEqual({ kind: 'show' });
    expect(decideRoute(routeFor('admin'), signedIn('planner'))).toEqual({ kind: 'denied' });
  });

  it('accepts only a known staff path as the way back after sign-in', () => {
    expect(nextPathOf('?next=/plan')).toBe('/plan');
    expect(nextPathOf('?next=%2Fadmin&lang=ar')).toBe('/admin');
    for (const search of ['', '?next=', '?next=/', '?next=/map', '?next=/transit', '?next=https://evil.example/plan', '?next=//evil.example', '?next=/plan/../admin', '?next=/nowhere']) {
      expect(nextPathOf(search), search).toBeNull();
    }
  });

  it('opens the staff area over the public map it was opened from, and comes back to it', () => {
    expect(staffAreaParameters(routeFor('explore'))).toEqual({ back: '/map' });
    expect(staffAreaParameters(HOME)).toEqual({});
    expect(staffAreaParameters(routeFor('plan'))).toEqual({ next: '/plan' });
    expect(staffAreaParameters(routeFor('staff'))).toEqual({});
    expect(backRouteOf('?back=/map&lang=ar').app).toBe('explore');
    for (const search of ['', '?back=', '?back=/plan', '?back=/admin', '?back=/staff', '?back=//evil.example', '?back=https://evil.example/map', '?back=/nowhere']) {
      expect(backRouteOf(search), search).toBe(HOME);
    }
  });

  it('lists the apps an account can switch to', () => {
    expect(appsFor(null).map((route) => route.app)).toEqual(['transit', 'explore']);
    expect(appsFor('planner').map((route) => route.app)).toEqual(['transit', 'explore', 'plan']);
    expect(appsFor('inspector').map((route) => route.app)).toEqual(['transit', 'explore', 'inspect']);
    expect(appsFor('admin').map((route) => route.app)).toEqual(['transit', 'explore', 'plan', 'inspect', 'admin']);
  });
});
