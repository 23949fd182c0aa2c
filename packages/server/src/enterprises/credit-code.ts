// GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z); the last one is a check
// character computed from the first 17 with these weights, modulo 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Computes the check character of a unified social credit code from its first 17 characters,
 * or undefined when they are not 17 characters of the code's alphabet.
 * @example
 * creditCodeCheckChar('91350100M000100Y4'); // '3'
 */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Tells why a unified social credit code (统一社会信用代码) is not valid, or undefined when it
 * is: 18 characters, digits and upper-case letters without I, O, S, V, Z, a 6-digit region
 * code in places 3-8, and the right check character.
 * @example
 * creditCodeProblem('91350100M000100Y43'); // undefined
 */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `it has ${code.length} characters, a unified social credit code has 18`;
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return `the character ${JSON.stringify(bad)} cannot appear in one (only digits and upper-case letters other than I, O, S, V, Z)`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return `places 3-8 must be the 6-digit region code, got ${JSON.stringify(code.slice(2, 8))}`;
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) return `its check character is ${JSON.stringify(code.charAt(17))} but should be ${JSON.stringify(expected)}, so a character was probably mistyped`;
  return undefined;
}
