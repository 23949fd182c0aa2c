import { formatPath } from './issue-path.js';
import type { PathSegment, ValidationCode, ValidationIssue } from './validation-issue.js';

const MAX_QUOTE = 80;

/**
 * Quotes a value for a message: JSON, shortened when long; `undefined` reads as "nothing".
 * @example
 * quote('legal_aidd'); // '"legal_aidd"'
 */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

/**
 * Lists names for a message, quoted and comma separated, cut after `limit` with a count of the rest.
 * @example
 * listNames(['intake', 'triage']); // '"intake", "triage"'
 */
export function listNames(names: Iterable<string>, limit = 12): string {
  const all = [...names];
  if (all.length === 0) return '(none)';
  const shown = all.slice(0, limit).map((name) => JSON.stringify(name));
  return all.length > limit ? `${shown.join(', ')} and ${all.length - limit} more` : shown.join(', ');
}

function editDistance(a: string, b: string, ceiling: number): number {
  if (Math.abs(a.length - b.length) > ceiling) return ceiling + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? ceiling + 1;
}

/**
 * Suggests the closest known name for a misspelt one, as a sentence fragment (or '' when nothing is close).
 * @example
 * didYouMean('medator', ['mediator', 'lawyer']); // ' Did you mean "mediator"?'
 */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const ceiling = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  let best: string | undefined;
  let bestDistance = ceiling + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase(), ceiling);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` Did you mean ${JSON.stringify(best)}?`;
}

/**
 * Builds a validation issue from its path segments; errors unless a severity is given.
 * @example
 * createIssue('DEAD_END', ['states', 'stuck', 'transitions'], 'State "stuck" has no transitions: ...', []);
 */
export function createIssue(
  code: ValidationCode,
  segments: PathSegment[],
  message: string,
  value?: unknown,
  severity: ValidationIssue['severity'] = 'error',
): ValidationIssue {
  const issue: ValidationIssue = { path: formatPath(segments), segments, code, message, severity };
  if (value !== undefined) issue.value = value;
  return issue;
}
