import { createHash, randomInt } from 'node:crypto';
import type { Actor } from '@shuoshi/engine';

// Crockford's base32: digits and upper-case letters without I, L, O and U, so that a code read
// over the phone or copied from a note survives the usual confusions.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;
const GROUP = 4;
const VALID = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);
// Longer input cannot be a code however it is spaced; refusing it early bounds the work per request.
const MAX_INPUT = 64;
// A version tag in the hashed text lets a later scheme (e.g. an HMAC) coexist with stored hashes.
const HASH_DOMAIN = 'shuoshi-tracking-code:v1:';

/**
 * Makes a new tracking code: 12 random Crockford base32 characters (60 bits), grouped by four
 * with dashes. It is shown to the worker once and never stored.
 * @example
 * generateTrackingCode(); // '7KQ2-9XMD-4TRV'
 */
export function generateTrackingCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += ALPHABET[randomInt(ALPHABET.length)];
  return formatTrackingCode(raw);
}

/**
 * Groups a normalised code by four characters with dashes, the way it is shown.
 * @example
 * formatTrackingCode('7KQ29XMD4TRV'); // '7KQ2-9XMD-4TRV'
 */
export function formatTrackingCode(normalised: string): string {
  const groups: string[] = [];
  for (let i = 0; i < normalised.length; i += GROUP) groups.push(normalised.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Reads a code as a worker may type it — any case, full-width or not, with or without dashes or
 * spaces, I or L for 1 and O for 0 — into its 12 canonical characters; undefined when it cannot be a code.
 * @example
 * normaliseTrackingCode('7kq2 9xmd-4trv'); // '7KQ29XMD4TRV'
 */
export function normaliseTrackingCode(input: string): string | undefined {
  if (input.length > MAX_INPUT) return undefined;
  // NFKC folds full-width letters, digits and dashes (typed with a Chinese input method) to ASCII.
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015\u30FC\uFF0D]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return VALID.test(compact) ? compact : undefined;
}

/**
 * The stored form of a code: SHA-256 (hex) of the normalised code with a version tag. A 60-bit
 * random code needs no key stretching against guessing through the API (rate-limited), and the
 * server has no raw secret to key an HMAC with.
 * @example
 * hashTrackingCode('7KQ29XMD4TRV'); // '3f1c…' (64 hex characters)
 */
export function hashTrackingCode(normalised: string): string {
  return createHash('sha256').update(`${HASH_DOMAIN}${normalised}`).digest('hex');
}

/**
 * The actor a worker acts as through their code: no name, no phone, only the first 12 hex
 * characters of the code's hash, so that an anonymous matter records no identity.
 * @example
 * workerActor(hash); // { id: 'worker:3f1c0a9b2d4e', roles: ['worker'] }
 */
export function workerActor(trackingHash: string): Actor {
  return { id: `worker:${trackingHash.slice(0, 12)}`, roles: ['worker'] };
}
