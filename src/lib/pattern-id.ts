/**
 * New pattern ids: `pat_` and a lowercase ULID. No imports, so the browser
 * can make one too (the wanted page's "Write this pattern" links).
 */

/** Where new ids come from. */
export interface Entropy {
  /** Milliseconds since the Unix epoch. */
  readonly now: () => number;
  /** `length` random bytes. */
  readonly random: (length: number) => Uint8Array;
}

export const SYSTEM_ENTROPY: Entropy = {
  now: () => Date.now(),
  random: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/** Crockford's base 32, lowercase (no i, l, o, u). */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';
const TIME_BITS = 48;
const RANDOM_BYTES = 10;
const ID_LENGTH = 26;

/**
 * A pattern id: `pat_` and a lowercase ULID — 48 bits of milliseconds then 80 random bits, in
 * 26 base-32 characters — so ids sort by creation time.
 */
export function newPatternId(entropy: Entropy = SYSTEM_ENTROPY): string {
  const time = entropy.now();
  if (!Number.isInteger(time) || time < 0 || time >= 2 ** TIME_BITS) {
    throw new RangeError(`cannot encode time ${String(time)} in a ULID`);
  }
  let value = BigInt(time);
  for (const byte of entropy.random(RANDOM_BYTES)) value = (value << 8n) | BigInt(byte);
  let encoded = '';
  for (let i = 0; i < ID_LENGTH; i++) {
    encoded = `${BASE32.charAt(Number(value & 31n))}${encoded}`;
    value >>= 5n;
  }
  return `pat_${encoded}`;
}
