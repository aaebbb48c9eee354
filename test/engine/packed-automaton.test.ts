import { describe, expect, it } from 'vitest';
import { decodeBase64Loop, encodeBase64 } from '../../lib/engine/packed-automaton';
import { seededRandom } from '../../scripts/bench/timing';

/** Deterministic bytes, so a failure reproduces. */
function bytesOf(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

describe('the base64 decoder used where Uint8Array.fromBase64 is missing', () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256, 257, 70_001])('gives back the exact %i bytes the builder encoded', (length) => {
    const bytes = bytesOf(length, length + 1);
    expect(decodeBase64Loop(encodeBase64(bytes))).toEqual(bytes);
  });

  it('reads every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeBase64Loop(encodeBase64(all))).toEqual(all);
  });

  it.each([
    ['a character outside the alphabet', 'QUJD*A=='],
    ['a non-ASCII character', 'QUJDé0=='],
    ['padding in the middle', 'QU=DRA=='],
    ['a truncated quantum', 'QUJDR'],
  ])('refuses %s with a clear message instead of returning garbage', (_what, text) => {
    expect(() => decodeBase64Loop(text)).toThrow(/not valid base64/);
  });
});
