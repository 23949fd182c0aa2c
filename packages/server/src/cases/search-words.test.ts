import { describe, expect, it } from 'vitest';
import { searchText, segmentWords } from './search-words.js';

describe('segmentWords', () => {
  it('splits Chinese into words and drops punctuation', () => {
    expect(segmentWords('下夜班要走3公里。')).toEqual(['下', '夜班', '要', '走', '3', '公里']);
  });

  it('lower-cases Latin words', () => {
    expect(segmentWords('Hengxiang APP')).toEqual(['hengxiang', 'app']);
  });

  it('answers no words for punctuation only', () => {
    expect(segmentWords(' ，。!? ')).toEqual([]);
  });
});

describe('searchText', () => {
  it('joins the words of the title and the description with spaces', () => {
    expect(searchText('袖套', '夜班')).toBe('袖套 夜班');
  });
});
