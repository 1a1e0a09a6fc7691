import { useSyncExternalStore } from 'react';

/**
 * A small external store for state that several parts of the client share (the map's view, the selection,
 * the mode, the visible layers, the session). Components subscribe through `useStore` (React's
 * useSyncExternalStore), the map controller through `subscribe`; nobody passes this state down as props.
 */
/** What a reader of a store needs: the current state, and a way to hear of changes. */
export interface ReadableStore<State> {
  get(): State;
  /** Calls the listener after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

export interface Store<State> extends ReadableStore<State> {
  /** Replaces the state with `update(current)`; listeners run only when the result is a new object. */
  update(update: (current: State) => State): void;
}

export function createStore<State>(initial: State): Store<State> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(update) {
      const next = update(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * Subscribes a component to part of a store. `select` must return a value that stays identical while the
 * part it reads is unchanged (a field of the state, not a new object), as useSyncExternalStore requires.
 */
export function useStore<State, Selected>(store: ReadableStore<State>, select: (state: State) => Selected): Selected {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
