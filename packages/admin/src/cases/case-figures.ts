/**
 * The dashboard figures the cases list can be narrowed to (the server's `filter.figure`, see
 * docs/metrics.md "Click-through"): flow figures count the cases opened in a period (with
 * `openedFrom` / `openedTo`), stock figures the open cases now (`inHand`: those not yet handled,
 * as the risk register counts an enterprise's open cases).
 * @example
 * CASE_FIGURES.includes('onTime'); // true
 */
export const CASE_FIGURES = [
  'received',
  'completed',
  'resolved',
  'endedUnresolved',
  'onTime',
  'late',
  'responded',
  'respondedOnTime',
  'ideas',
  'ideasAdopted',
  'referralsAwaiting',
  'referralsOverdue',
  'overdue',
  'inHand',
] as const;

/**
 * One figure of the cases list's `figure` filter.
 * @example
 * const figure: CaseFigure = 'late';
 */
export type CaseFigure = (typeof CASE_FIGURES)[number];

/**
 * Whether a value is one of the case figures (a filter read from the URL may be anything).
 * @example
 * isCaseFigure('onTime'); // true
 */
export function isCaseFigure(value: unknown): value is CaseFigure {
  return typeof value === 'string' && (CASE_FIGURES as readonly string[]).includes(value);
}
