import { localStorageStore, type Store } from 'react-admin';
import { readSession } from '../api/session-store.js';

/**
 * Whether a store key is a lasting preference: saved queries and the dashboard's targets (kept
 * per user) and the language (kept per browser). react-admin empties its store at logout; these
 * survive it.
 * @example
 * isLastingKey('cases.savedQueries'); // true
 */
export function isLastingKey(key: string): boolean {
  return key === 'locale' || key === 'dashboard.targets' || key.endsWith('.savedQueries');
}

function lastingKey(key: string): string {
  if (key === 'locale') return 'device.locale';
  // Saved queries belong to the signed-in user, not to whoever used this browser before.
  return `user.${readSession()?.user.id ?? 'anonymous'}.${key}`;
}

/**
 * react-admin's localStorage store, except that saved queries are kept per user and, like the
 * language, outlive a logout.
 * @example
 * <Admin store={createUserStore()} />
 */
export function createUserStore(): Store {
  const session = localStorageStore('1', 'Shuoshi');
  const lasting = localStorageStore('1', 'ShuoshiLasting');
  const listeners = new Map<string, Set<(value: unknown) => void>>();
  return {
    setup: () => {
      session.setup();
      lasting.setup();
    },
    teardown: () => {
      session.teardown();
      lasting.teardown();
    },
    getItem: <T = unknown>(key: string, defaultValue?: T): T | undefined => (isLastingKey(key) ? lasting.getItem(lastingKey(key), defaultValue) : session.getItem(key, defaultValue)),
    setItem: <T = unknown>(key: string, value: T): void => {
      if (!isLastingKey(key)) {
        session.setItem(key, value);
        return;
      }
      lasting.setItem(lastingKey(key), value);
      // Subscribers listen on the key react-admin used, not on the per-user one.
      listeners.get(key)?.forEach((callback) => callback(value));
    },
    removeItem: (key: string): void => {
      if (isLastingKey(key)) {
        lasting.removeItem(lastingKey(key));
        listeners.get(key)?.forEach((callback) => callback(undefined));
      } else session.removeItem(key);
    },
    removeItems: (keyPrefix: string): void => session.removeItems(keyPrefix),
    reset: (): void => session.reset(),
    subscribe: (key: string, callback: (value: unknown) => void): (() => void) => {
      if (!isLastingKey(key)) return session.subscribe(key, callback);
      const set = listeners.get(key) ?? new Set();
      set.add(callback);
      listeners.set(key, set);
      return () => set.delete(callback);
    },
    ...(session.listItems ? { listItems: (keyPrefix?: string) => session.listItems?.(keyPrefix) ?? {} } : {}),
  };
}
