const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// tsvector lexemes are capped at 2 KB and the whole vector at 1 MB; case text never needs more.
const MAX_TEXT = 20_000;

/**
 * Splits Chinese (and any other) text into lower-case words with `Intl.Segmenter`, since
 * PostgreSQL's parsers do not split Chinese; punctuation and spaces are dropped.
 * @example
 * segmentWords('下夜班要走3公里'); // ['下', '夜班', '要', '走', '3', '公里']
 */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text.slice(0, MAX_TEXT))) {
    if (part.isWordLike) words.push(part.segment.toLowerCase());
  }
  return words;
}

/**
 * The text stored as `to_tsvector('simple', ...)` for a case: its title and description,
 * segmented into words joined by spaces; queries are segmented the same way.
 * @example
 * searchText('环卫工要袖套', '希望发放可拆卸袖套'); // '环卫 工 要 袖套 希望 发放 ...'
 */
export function searchText(title: string, description: string): string {
  return segmentWords(`${title}\n${description}`).join(' ');
}
