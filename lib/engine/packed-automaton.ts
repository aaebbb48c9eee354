/**
 * The binary layout of the automaton inside `MatcherData.automaton` (format 1), shared by the
 * builder that writes it and the loader that reads it. One ArrayBuffer of little-endian typed
 * arrays, each section aligned to 4 bytes so the loader can view it in place without copying.
 */
import type { Specificity } from '../kb/types';

export const MATCHER_FORMAT = 1;
const MAGIC = 0x4b534142; // "BASK"

/** The automaton as typed arrays; states are numbered from 0 (the root). */
export interface Automaton {
  /** Number of dense classes (see alphabet.ts). */
  classCount: number;
  /** Longest pattern, in classes: sizes the ring buffer of match starts. */
  maxPatternLength: number;
  /** Code-unit → class table as (first unit, class) runs. */
  classRuns: Uint16Array;
  /** 1 when a class is a letter or digit (word boundaries), per class. */
  classIsWord: Uint8Array;
  /** The root's transitions, dense: next state per class (0 = stay at the root). */
  rootNext: Int32Array;
  /** Other states' transitions, sparse: edges of state s are [edgeStart[s], edgeStart[s+1]), sorted by class. */
  edgeStart: Uint32Array;
  edgeClass: Uint16Array;
  edgeTarget: Uint32Array;
  /** Failure link per state. */
  fail: Uint32Array;
  /**
   * First state on the failure chain from s (s included) that ends a pattern, or -1: the hot
   * loop reads only this to know whether anything ends here. Derived at load, not shipped.
   */
  firstOutput: Int32Array;
  /** The longest pattern ending exactly at s (its own string), or -1. */
  output: Int32Array;
  /** Dictionary-suffix link: the next state down the failure chain that ends a pattern, or -1. */
  outputLink: Int32Array;
  /** Per pattern: entity index, specificity code, length in classes. */
  patternEntity: Uint32Array;
  patternSpecificity: Uint8Array;
  /** Per pattern: 1 for a short acronym ("IS", "US") that only matches text in capitals. */
  patternCapitals: Uint8Array;
  patternLength: Uint16Array;
}

export const SPECIFICITIES: readonly Specificity[] = ['unique', 'common', 'ambiguous'];

type Section = Uint8Array | Uint16Array | Uint32Array | Int32Array;

function sections(a: Automaton): Section[] {
  return [
    a.classRuns,
    a.classIsWord,
    a.rootNext,
    a.edgeStart,
    a.edgeClass,
    a.edgeTarget,
    a.fail,
    a.output,
    a.outputLink,
    a.patternEntity,
    a.patternSpecificity,
    a.patternCapitals,
    a.patternLength,
  ];
}

const HEADER_WORDS = 9;
const align4 = (n: number) => (n + 3) & ~3;

export function packAutomaton(a: Automaton): Uint8Array {
  const parts = sections(a);
  let size = HEADER_WORDS * 4;
  for (const part of parts) size += align4(part.byteLength);
  const bytes = new Uint8Array(size);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header.set([
    MAGIC,
    MATCHER_FORMAT,
    a.classCount,
    a.maxPatternLength,
    a.classRuns.length,
    a.fail.length,
    a.edgeClass.length,
    a.patternEntity.length,
    size,
  ]);
  let offset = HEADER_WORDS * 4;
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += align4(part.byteLength);
  }
  return bytes;
}

export function unpackAutomaton(bytes: Uint8Array): Automaton {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('Backstory matcher: this platform is big-endian; the packed automaton is little-endian');
  }
  // Typed-array views need 4-byte alignment: copy only if the decoder handed us an odd offset.
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (data.byteLength < HEADER_WORDS * 4) throw new Error('Backstory matcher: automaton is truncated');
  const header = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
  const field = (i: number): number => header[i]!;
  const [magic, format, classCount, maxPatternLength, runCount, stateCount, edgeCount, patternCount, size] = [
    field(0), field(1), field(2), field(3), field(4), field(5), field(6), field(7), field(8),
  ];
  if (magic !== MAGIC) throw new Error('Backstory matcher: automaton has a bad signature');
  if (format !== MATCHER_FORMAT) throw new Error(`Backstory matcher: automaton format ${format}, expected ${MATCHER_FORMAT}`);
  if (size !== data.byteLength) throw new Error(`Backstory matcher: automaton is ${data.byteLength} bytes, expected ${size}`);

  // The section sizes the counts imply must add up exactly: an automaton packed by an older
  // build of this file is refused here rather than read as garbage.
  const expected =
    HEADER_WORDS * 4 +
    align4(runCount * 2) + align4(classCount) + classCount * 4 + (stateCount + 1) * 4 + align4(edgeCount * 2) +
    edgeCount * 4 + stateCount * 4 * 3 + patternCount * 4 + align4(patternCount) * 2 + align4(patternCount * 2);
  if (expected !== size) {
    throw new Error('Backstory matcher: the automaton was packed by another version of the engine; rebuild it with npm run corpus');
  }
  let offset = data.byteOffset + HEADER_WORDS * 4;
  const take = <T extends Section>(Kind: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    const view = new Kind(data.buffer, offset, n);
    offset += align4(n * Kind.BYTES_PER_ELEMENT);
    return view;
  };
  const automaton = {
    classCount,
    maxPatternLength,
    classRuns: take(Uint16Array, runCount),
    classIsWord: take(Uint8Array, classCount),
    rootNext: take(Int32Array, classCount),
    edgeStart: take(Uint32Array, stateCount + 1),
    edgeClass: take(Uint16Array, edgeCount),
    edgeTarget: take(Uint32Array, edgeCount),
    fail: take(Uint32Array, stateCount),
    output: take(Int32Array, stateCount),
    outputLink: take(Int32Array, stateCount),
    patternEntity: take(Uint32Array, patternCount),
    patternSpecificity: take(Uint8Array, patternCount),
    patternCapitals: take(Uint8Array, patternCount),
    patternLength: take(Uint16Array, patternCount),
  };
  const firstOutput = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) firstOutput[s] = automaton.output[s]! >= 0 ? s : automaton.outputLink[s]!;
  return { ...automaton, firstOutput };
}

// Base64 without Node's Buffer: the same code runs in the content script.
export function encodeBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 0x8000; // String.fromCharCode's argument list has a limit
  for (let i = 0; i < bytes.length; i += CHUNK) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(chunks.join(''));
}

export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
