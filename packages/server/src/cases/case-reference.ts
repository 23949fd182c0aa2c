// A pinyin syllable: an optional initial and a final, longest finals first; the final must not
// take a letter the next syllable starts with a vowel from ("ninghai" -> ning|hai).
const SYLLABLE = /(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)(?![aeiouv])/y;

function syllableInitials(word: string): string | undefined {
  let initials = '';
  SYLLABLE.lastIndex = 0;
  while (SYLLABLE.lastIndex < word.length) {
    const start = SYLLABLE.lastIndex;
    const match = SYLLABLE.exec(word);
    if (!match) return undefined;
    initials += word[start];
  }
  return initials;
}

/**
 * The letters case references start with, from a tenant id in pinyin: the initial of every
 * syllable (`ninghai` -> `NH`), or the first two letters when the id is not pinyin.
 * @example
 * referencePrefix('ninghai'); // 'NH'
 */
export function referencePrefix(tenantId: string): string {
  const words = tenantId.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const initials = words.map((word) => syllableInitials(word) ?? word.slice(0, 2)).join('');
  return initials.slice(0, 4).toUpperCase().padEnd(2, 'S');
}

/**
 * The year of an instant in China (UTC+8), for references.
 * @example
 * referenceYear(new Date('2025-12-31T17:00:00Z')); // 2026
 */
export function referenceYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Formats a case reference: `NH-2025-000123`.
 * @example
 * formatReference('NH', 2025, 123); // 'NH-2025-000123'
 */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/**
 * The number after the highest reference of a prefix and year (1 when there is none).
 * @example
 * nextReferenceNumber('NH-2025-000122'); // 123
 */
export function nextReferenceNumber(highest: string | undefined): number {
  const number = highest ? Number.parseInt(highest.slice(highest.lastIndexOf('-') + 1), 10) : 0;
  return Number.isSafeInteger(number) ? number + 1 : 1;
}
