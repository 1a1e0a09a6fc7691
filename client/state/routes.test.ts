import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../api/principal.ts';
import type { SessionState } from './session-store.ts';
import { appsFor, decideRoute, nextPathOf, routeFor, routeOf } from './routes.ts';

function signedIn(role: StaffUser['role']): SessionState {
  return { status: 'signed-in', user: { username: role, displayName: null, role, areas: [], isAdministrator: role === 'admin', layers: {} } };
}
const PUBLIC: SessionState = { status: 'public', notice: null };
const CHECKING: SessionState = { status: 'checking' };

describe('routes', () => {
  it('opens every app from its own URL, with or without a trailing slash', () => {
    expect(routeOf('/').app).toBe('explore');
    expect(routeOf('/transit').app).toBe('transit');
    expect(routeOf('/plan/').app).toBe('plan');
    expect(routeOf('/inspect').app).toBe('inspect');
    expect(routeOf('/admin').app).toBe('admin');
    expect(routeOf('/staff').app).toBe('staff');
  });

  it('shows the public map for a path the client does not know', () => {
    expect(routeOf('/nowhere').app).toBe('explore');
    expect(routeOf('/plan/extra').app).toBe('explore');
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
    for (const search of ['', '?next=', '?next=/', '?next=https://evil.example/plan', '?next=//evil.example', '?next=/plan/../admin', '?next=/nowhere']) {
      expect(nextPathOf(search), search).toBeNull();
    }
  });

  it('lists the apps an account can switch to', () => {
    expect(appsFor(null).map((route) => route.app)).toEqual(['explore', 'transit']);
    expect(appsFor('planner').map((route) => route.app)).toEqual(['explore', 'transit', 'plan']);
    expect(appsFor('inspector').map((route) => route.app)).toEqual(['explore', 'transit', 'inspect']);
    expect(appsFor('admin').map((route) => route.app)).toEqual(['explore', 'transit', 'plan', 'inspect', 'admin']);
  });
});
