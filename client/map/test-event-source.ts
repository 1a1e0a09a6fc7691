import type { ModeEventMap, ModeEventSource, ModeEventType } from './mode-host.ts';

/**
 * A plain event source standing in for the map in the modes' unit tests: it counts its listeners, as
 * MapLibre's emitter would, and remembers the cursor.
 */
export function createTestEventSource() {
  const listeners = new Map<ModeEventType, Set<(event: never) => void>>();
  let cursor = '';
  const source: ModeEventSource = {
    on(type, handler) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(handler as (event: never) => void);
      return () => set.delete(handler as (event: never) => void);
    },
    setCursor(value) {
      cursor = value;
    },
  };
  return {
    source,
    emit<Type extends ModeEventType>(type: Type, event: ModeEventMap[Type]) {
      for (const handler of [...(listeners.get(type) ?? [])]) (handler as (event: ModeEventMap[Type]) => void)(event);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
    cursor: () => cursor,
  };
}
