import { describe, expect, it } from 'vitest';
import type { LngLat } from './feature-hit.ts';
import { type MapMode, type MapPointerEvent, ModeHost } from './mode-host.ts';
import { createPickPlaceMode } from './pick-place-mode.ts';
import { createTestEventSource } from './test-event-source.ts';

const browse: MapMode = { id: 'browse', enter: () => undefined };
const CENTER: LngLat = { lng: -7.6186, lat: 33.5928 };
const clickAt = (lng: number, lat: number): MapPointerEvent => ({ point: { x: 1, y: 2 }, lngLat: { lng, lat }, featuresHere: () => [] });
/** A key press as the map's container delivers it (unit tests run without a DOM). */
function key(name: string) {
  const event = { key: name, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event as unknown as KeyboardEvent;
}

/** A host in browsing, the pick mode entered, and what the mode told its caller. */
function pickingHost(center: LngLat | null = CENTER) {
  const events = createTestEventSource();
  const host = new ModeHost(events.source, browse);
  const picked: LngLat[] = [];
  let cancelled = 0;
  host.enterMode(createPickPlaceMode({ onPick: (place) => picked.push(place), onCancel: () => (cancelled += 1), center: () => center }));
  return { events, host, picked, cancelled: () => cancelled };
}

describe('picking a place', () => {
  it('shows a crosshair, and the next click chooses the point under it and ends the mode', () => {
    const { events, host, picked, cancelled } = pickingHost();
    expect(host.currentId).toBe('pick-place');
    expect(events.cursor()).toBe('crosshair');
    events.emit('click', clickAt(-7.6, 33.58));
    expect(picked).toEqual([{ lng: -7.6, lat: 33.58 }]);
    expect(cancelled()).toBe(0);
    expect(host.currentId).toBe('browse');
    expect(events.cursor()).toBe('');
    // Back to browsing: a second click is no longer a pick.
    events.emit('click', clickAt(-7.5, 33.5));
    expect(picked).toHaveLength(1);
  });

  it('chooses the map’s centre with Enter or Space, for the keyboard', () => {
    for (const name of ['Enter', ' ']) {
      const { events, host, picked } = pickingHost();
      const event = key(name);
      events.emit('keydown', event);
      expect(picked, name).toEqual([CENTER]);
      expect(event.defaultPrevented).toBe(true);
      expect(host.currentId).toBe('browse');
    }
  });

  it('gives up with Escape, or when another mode takes the map, telling its caller once', () => {
    const escaped = pickingHost();
    escaped.events.emit('keydown', key('Escape'));
    expect(escaped.host.currentId).toBe('browse');
    expect(escaped.cancelled()).toBe(1);
    expect(escaped.picked).toEqual([]);

    const replaced = pickingHost();
    replaced.host.enterMode({ id: 'measure', enter: () => undefined });
    expect(replaced.cancelled()).toBe(1);
    expect(replaced.events.listenerCount()).toBe(0);
  });

  it('ignores other keys, and Enter while the map has no centre yet', () => {
    const { events, host, picked } = pickingHost(null);
    events.emit('keydown', key('ArrowLeft'));
    events.emit('keydown', key('Enter'));
    expect(picked).toEqual([]);
    expect(host.currentId).toBe('pick-place');
  });
});
