// Seven or more digits (ASCII or full-width), each optionally followed by one space, dash or dot,
// and an ID number's final X: mobile numbers (11), landlines (7-8, with area codes 11-12), ID
// numbers (18) and bank cards all match; years, counts and bus lines (2025, 10, 227) do not.
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const DIGIT_RUN = new RegExp(`(?:${DIGIT}[\\s\\-.\\uFF0D]?){6,}${DIGIT}[Xx\\uFF38\\uFF58]?`, 'g');

/**
 * Replaces phone-like and ID-number-like digit runs in text shown to the public with `***`.
 * @example
 * redactDigitRuns('请回电 138-1234-5678'); // '请回电 ***'
 */
export function redactDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, '***');
}
