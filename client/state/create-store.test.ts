import { describe, expect, it, vi } from 'vitest';
import { createStore } from './create-store.ts';

describe('createStore', () => {
  it('notifies every subscriber of a change, and none of an update that returns the same state', () => {
    const store = createStore({ count: 0 });
    const first = vi.fn();
    const second = vi.fn();
    store.subscribe(first);
    const stop = store.subscribe(second);

    store.update((state) => ({ count: state.count + 1 }));
    expect(store.get()).toEqual({ count: 1 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);

    store.update((state) => state);
    expect(first).toHaveBeenCalledTimes(1);

    stop();
    store.update(() => ({ count: 5 }));
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('lets a listener unsubscribe another during a notification without skipping anyone', () => {
    const store = createStore(0);
    const calls: string[] = [];
    let stopB = () => {};
    store.subscribe(() => {
      calls.push('a');
      stopB();
    });
    stopB = store.subscribe(() => calls.push('b'));
    store.update(() => 1);
    expect(calls).toEqual(['a', 'b']);
    store.update(() => 2);
    expect(calls).toEqual(['a', 'b', 'a']);
  });
});
