import { describe, expect, it } from 'vitest';
import { type MapMode, type MapPointerEvent, ModeHost, type ModeId } from './mode-host.ts';
import { createTestEventSource } from './test-event-source.ts';

const createEventSource = createTestEventSource;

const CLICK: MapPointerEvent = { point: { x: 10, y: 20 }, lngLat: { lng: -7.6, lat: 33.59 }, featuresHere: () => [] };

/** A mode that records what it receives, and how often it was entered and left. */
function recordingMode(id: ModeId, events: string[] = []) {
  const counts = { enter: 0, exit: 0 };
  const mode: MapMode = {
    id,
    enter(context) {
      counts.enter += 1;
      context.setCursor(`${id}-cursor`);
      context.on('click', () => events.push(`${id}:click`));
      context.on('hover', () => events.push(`${id}:hover`));
      context.on('keydown', (event) => {
        events.push(`${id}:${event.key}`);
        if (event.key === 'Escape') context.exit();
      });
    },
    exit() {
      counts.exit += 1;
    },
  };
  return { mode, counts, events };
}

describe('ModeHost', () => {
  it('starts in the default mode, which receives the events', () => {
    const source = createEventSource();
    const browse = recordingMode('browse');
    const host = new ModeHost(source.source, browse.mode);
    expect(host.currentId).toBe('browse');
    source.emit('click', CLICK);
    expect(browse.events).toEqual(['browse:click']);
    expect(source.cursor()).toBe('browse-cursor');
  });

  it('gives the events to one mode at a time and removes the handlers of the mode it leaves', () => {
    const source = createEventSource();
    const events: string[] = [];
    const browse = recordingMode('browse', events);
    const measure = recordingMode('measure', events);
    const changes: ModeId[] = [];
    const host = new ModeHost(source.source, browse.mode, (id) => changes.push(id));
    expect(source.listenerCount()).toBe(3);

    host.enterMode(measure.mode);
    expect(browse.counts.exit).toBe(1);
    expect(measure.counts.enter).toBe(1);
    expect(source.listenerCount()).toBe(3);
    expect(source.cursor()).toBe('measure-cursor');
    source.emit('click', CLICK);
    source.emit('hover', CLICK);
    expect(events).toEqual(['measure:click', 'measure:hover']);

    host.exitMode();
    expect(measure.counts.exit).toBe(1);
    expect(host.currentId).toBe('browse');
    expect(source.listenerCount()).toBe(3);
    source.emit('click', CLICK);
    expect(events).toEqual(['measure:click', 'measure:hover', 'browse:click']);
    expect(changes).toEqual(['measure', 'browse']);
  });

  it('lets a mode leave itself (Escape), once', () => {
    const source = createEventSource();
    const browse = recordingMode('browse');
    const pick = recordingMode('pick-place');
    const host = new ModeHost(source.source, browse.mode);
    host.enterMode(pick.mode);
    source.emit('keydown', new KeyboardEventLike('Escape') as unknown as KeyboardEvent);
    expect(host.currentId).toBe('browse');
    expect(pick.counts.exit).toBe(1);
    expect(browse.counts.enter).toBe(2);
  });

  it('ignores handlers and cursors a mode tries to set after it was left', () => {
    const source = createEventSource();
    const browse = recordingMode('browse');
    let lateContext: Parameters<MapMode['enter']>[0] | undefined;
    const draw: MapMode = { id: 'draw', enter: (context) => { lateContext = context; } };
    const host = new ModeHost(source.source, browse.mode);
    host.enterMode(draw);
    host.exitMode();
    const before = source.listenerCount();
    lateContext?.on('click', () => { throw new Error('a left mode must not receive clicks'); });
    lateContext?.setCursor('crosshair');
    lateContext?.exit();
    expect(source.listenerCount()).toBe(before);
    expect(source.cursor()).toBe('browse-cursor');
    expect(host.currentId).toBe('browse');
    source.emit('click', CLICK);
  });

  it('does nothing when asked to enter the mode it is in', () => {
    const source = createEventSource();
    const browse = recordingMode('browse');
    const host = new ModeHost(source.source, browse.mode);
    host.enterMode(browse.mode);
    expect(browse.counts).toEqual({ enter: 1, exit: 0 });
  });

  it('removes every handler when destroyed', () => {
    const source = createEventSource();
    const host = new ModeHost(source.source, recordingMode('browse').mode);
    host.destroy();
    expect(source.listenerCount()).toBe(0);
  });
});

/** Node has no KeyboardEvent; modes read only `key`. */
class KeyboardEventLike {
  constructor(readonly key: string) {}
}
