import { createStore, type ReadableStore } from './create-store.ts';

/**
 * What screen readers are told about changes they cannot see (signed in, session ended, a feature
 * opened from the keyboard). The shell reads it into one polite live region.
 */
export interface Announcer extends ReadableStore<{ text: string; count: number }> {
  announce(text: string): void;
}

export function createAnnouncer(): Announcer {
  const store = createStore({ text: '', count: 0 });
  return {
    get: store.get,
    subscribe: store.subscribe,
    // The count makes a repeated message a new announcement.
    announce: (text) => store.update((current) => ({ text, count: current.count + 1 })),
  };
}
