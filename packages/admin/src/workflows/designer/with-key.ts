/**
 * A copy of an object with one key set, or removed when the value is undefined, so that an
 * optional setting cleared in a form disappears from the definition instead of staying as
 * `undefined` (or an empty value the language refuses).
 * @example
 * withKey(state, 'sla', undefined); // the state without its time limit
 * withKey(rules, 'night_shift', undefined); // the rules without night_shift
 */
export function withKey<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
