/**
 * Merges an event's data patch into case data: `null` clears a field, `undefined` is ignored.
 * @example
 * mergeData({ a: 1, b: 2 }, { b: null, c: 3 }); // { a: 1, c: 3 }
 */
export function mergeData(
  data: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (!patch) return data as Record<string, unknown>;
  const next: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(patch)) {
    // null clears a field so that a form can empty it; undefined never survives JSON anyway.
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}
