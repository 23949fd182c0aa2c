import type { PathSegment } from './validation-issue.js';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats path segments as a readable JSON path: `states.triage.transitions[2].target`; keys that
 * are not plain names are quoted (`fields["Bad key"]`); the root is the empty string.
 * @example
 * formatPath(['states', 'triage', 'transitions', 2, 'target']); // 'states.triage.transitions[2].target'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const TOKEN = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/**
 * Turns a path written by `formatPath` back into segments (for UIs that walk the JSON).
 * @example
 * parsePath('fields["Bad key"].label'); // ['fields', 'Bad key', 'label']
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(path);
    if (!match) throw new Error(`Path ${JSON.stringify(path)} is not valid at character ${start}: write it as formatPath does, e.g. "states.triage.transitions[2].target".`);
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(String(JSON.parse(match[3] ?? '""')));
  }
  return segments;
}
