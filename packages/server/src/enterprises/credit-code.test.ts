import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.js';

describe('creditCodeProblem', () => {
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it.each([
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y44', 'check character'],
    ['91350100M000100YI3', '"I"'],
    ['91350100m000100Y43', '"m"'],
    ['913501A0M000100Y43', 'region code'],
  ])('refuses %s saying %s', (code, words) => {
    expect(creditCodeProblem(code)).toContain(words);
  });

  it('finds every single mistyped character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (at, shift) => {
        const code = '91350100M000100Y43';
        const changed = alphabet.charAt((alphabet.indexOf(code.charAt(at)) + shift) % 31);
        const typo = `${code.slice(0, at)}${changed}${code.slice(at + 1)}`;
        expect(creditCodeProblem(typo)).toBeDefined();
      }),
    );
  });

  it('computes the check character of a valid code', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});
