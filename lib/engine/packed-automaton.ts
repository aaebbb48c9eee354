/**
 * The binary layout of the automaton inside `MatcherData.automaton` (format 3), shared by the
 * builder that writes it and the loader that reads it. One ArrayBuffer of little-endian typed
 * arrays, each section aligned to 4 bytes so the loader can view it in place without copying.
 *
 * Format 2 ships only what cannot be derived cheaply, ~8 bytes per state instead of 22 (the
 * load budget is mostly base64 and JSON over these bytes): states are renumbered breadth
 * first, so a state's children are numbered consecutively and edge `e` (edges sorted by
 * state, then class) always leads to state `e + 1` — edge targets are implicit; each state
 * ships its child count instead of an edge offset; and instead of per-state output links the
 * pattern list says where each pattern ends. The loader rebuilds the rest in one linear pass.
 *
 * Format 3 ships child counts and edge classes in one byte each when the alphabet
 * has at most 255 classes (it has 76 for the real corpus; two bytes otherwise): 6 bytes per
 * state instead of 8, so a quarter less base64 to parse and decode at 50k aliases. The loader
 * no longer materialises edge targets (edge `e` leads to `e + 1`) nor dictionary-suffix links
 * (the first output of the failure state), and keeps what the hot loop reads of a state in one
 * record (`LoadedAutomaton.node`).
 */
import type { Specificity } from '../kb/types';

export const MATCHER_FORMAT = 3;
const MAGIC = 0x4b534142; // "BASK"

/** The automaton as the builder makes it, typed arrays; states are numbered from 0 (the root). */
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

/** Edge classes and child counts: one byte each while the alphabet has at most 255 classes. */
type Narrow = Uint8Array | Uint16Array;

/**
 * What the matcher reads of state s, in one record of `node` at s * NODE_STRIDE: at 50k aliases
 * the automaton has ~500k states and the text walks deep into it, so each step to a new state
 * is a likely cache miss; one 16-byte record (always inside one cache line) instead of three
 * arrays makes it one miss instead of three.
 */
export const NODE_STRIDE = 4;
/**
 * The state's edges are [node[s*4 + NODE_EDGES_FROM], node[s*4 + NODE_EDGES_TO]), sorted by
 * class; edge e leads to state e + 1. A state with more than DENSE_ABOVE children has a dense
 * row instead: NODE_EDGES_FROM holds ~row (negative) and `dense[row * classCount + class]` the
 * next state or -1.
 */
export const NODE_EDGES_FROM = 0;
export const NODE_EDGES_TO = 1;
/** First state on the failure chain from s (s included) that ends a pattern, or -1; the next one after t is that of fail(t). */
export const NODE_FIRST_OUTPUT = 2;
/** Failure link. */
export const NODE_FAIL = 3;
/**
 * Children above which a state gets a dense row. A linear scan is cheapest for a few edges; for
 * more, a bisection's unpredictable branches cost more than one lookup: with 50k realistic names
 * the text reaches a state with 9+ children at 4 characters in 10 (1,888 such states, 221 kB of
 * rows), against 1 in 10 at 1k names, and bisecting them was a third of the matching time.
 */
export const DENSE_ABOVE = 8;

/**
 * The automaton as the matcher reads it, states numbered breadth first. State-valued arrays
 * are Int32Array: a Uint32Array element may not fit a small integer, so V8 would read it as a
 * double and the hot loop would fall off its integer fast path.
 */
export interface LoadedAutomaton {
  classCount: number;
  maxPatternLength: number;
  classRuns: Uint16Array;
  classIsWord: Uint8Array;
  rootNext: Int32Array;
  /** Per state, NODE_STRIDE words: edges from (or ~dense row), edges to, first output, failure link. */
  node: Int32Array;
  /** Dense transitions of the states with more than DENSE_ABOVE children, classCount per row; -1 = none. */
  dense: Int32Array;
  edgeClass: Narrow;
  /** The longest pattern ending exactly at s (its own string), or -1. */
  output: Int32Array;
  /** Length of each state's string, in classes: where in the text the string starts. */
  depth: Uint16Array;
  patternEntity: Uint32Array;
  patternSpecificity: Uint8Array;
  patternCapitals: Uint8Array;
  patternLength: Uint16Array;
}

export const SPECIFICITIES: readonly Specificity[] = ['unique', 'common', 'ambiguous'];

type Section = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** What format 3 ships, in this order (format 2's, with narrower child counts and edge classes). */
interface Shipped {
  classRuns: Uint16Array;
  classIsWord: Uint8Array;
  /** Children per state, breadth-first numbering. */
  childCount: Narrow;
  /** Edge classes, by (state, class). */
  edgeClass: Narrow;
  fail: Uint32Array;
  /** The state each pattern ends at. */
  patternState: Uint32Array;
  patternEntity: Uint32Array;
  patternSpecificity: Uint8Array;
  patternCapitals: Uint8Array;
  patternLength: Uint16Array;
}

const HEADER_WORDS = 9;
const align4 = (n: number) => (n + 3) & ~3;

/** Renumber `a`'s states breadth first and keep only the arrays format 3 ships. */
function toShipped(a: Automaton): Shipped {
  const stateCount = a.fail.length;
  const edgeCount = a.edgeClass.length;
  const newId = new Uint32Array(stateCount);
  const order = new Uint32Array(stateCount); // old state by new number
  let next = 1;
  for (let head = 0; head < next; head++) {
    const state = order[head]!;
    for (let e = a.edgeStart[state]!; e < a.edgeStart[state + 1]!; e++) {
      const child = a.edgeTarget[e]!;
      newId[child] = next;
      order[next++] = child;
    }
  }
  if (next !== stateCount || edgeCount !== stateCount - 1) throw new Error('Backstory matcher: the automaton is not a trie');
  // A state has at most one child per class, so both fit the width the classes need.
  const Kind = narrowKind(a.classCount);
  const childCount = new Kind(stateCount);
  const edgeClass = new Kind(edgeCount);
  const fail = new Uint32Array(stateCount);
  let edge = 0;
  for (let s = 0; s < stateCount; s++) {
    const old = order[s]!;
    childCount[s] = a.edgeStart[old + 1]! - a.edgeStart[old]!;
    for (let e = a.edgeStart[old]!; e < a.edgeStart[old + 1]!; e++) edgeClass[edge++] = a.edgeClass[e]!;
    fail[s] = newId[a.fail[old]!]!;
  }
  const patternState = new Uint32Array(a.patternEntity.length);
  for (let s = 0; s < stateCount; s++) {
    const pattern = a.output[s]!;
    if (pattern >= 0) patternState[pattern] = newId[s]!;
  }
  return {
    classRuns: a.classRuns,
    classIsWord: a.classIsWord,
    childCount,
    edgeClass,
    fail,
    patternState,
    patternEntity: a.patternEntity,
    patternSpecificity: a.patternSpecificity,
    patternCapitals: a.patternCapitals,
    patternLength: a.patternLength,
  };
}

/** One byte per child count and edge class while the classes fit in one (≤ 255), else two. */
function narrowKind(classCount: number): typeof Uint8Array | typeof Uint16Array {
  return classCount <= 0xff ? Uint8Array : Uint16Array;
}

export function packAutomaton(a: Automaton): Uint8Array {
  const shipped = toShipped(a);
  const parts: Section[] = Object.values(shipped);
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

const DAMAGED = 'Backstory matcher: the automaton is damaged; rebuild it with npm run corpus';

export function unpackAutomaton(bytes: Uint8Array): LoadedAutomaton {
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
  const Kind = narrowKind(classCount);
  const width = Kind.BYTES_PER_ELEMENT;
  const expected =
    HEADER_WORDS * 4 +
    align4(runCount * 2) + align4(classCount) + align4(stateCount * width) + align4(edgeCount * width) +
    stateCount * 4 + patternCount * 4 * 2 + align4(patternCount) * 2 + align4(patternCount * 2);
  if (expected !== size || stateCount === 0 || edgeCount !== stateCount - 1) {
    throw new Error('Backstory matcher: the automaton was packed by another version of the engine; rebuild it with npm run corpus');
  }
  let offset = data.byteOffset + HEADER_WORDS * 4;
  const take = <T extends Section>(Kind: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    const view = new Kind(data.buffer, offset, n);
    offset += align4(n * Kind.BYTES_PER_ELEMENT);
    return view;
  };
  const shipped: Shipped = {
    classRuns: take(Uint16Array, runCount),
    classIsWord: take(Uint8Array, classCount),
    childCount: width === 1 ? take(Uint8Array, stateCount) : take(Uint16Array, stateCount),
    edgeClass: width === 1 ? take(Uint8Array, edgeCount) : take(Uint16Array, edgeCount),
    fail: take(Uint32Array, stateCount),
    patternState: take(Uint32Array, patternCount),
    patternEntity: take(Uint32Array, patternCount),
    patternSpecificity: take(Uint8Array, patternCount),
    patternCapitals: take(Uint8Array, patternCount),
    patternLength: take(Uint16Array, patternCount),
  };

  // Derive what format 3 leaves out, checking as we go what the hot loop relies on: every
  // state reachable, failure links pointing to earlier (shallower) states, classes in range.
  const { childCount, edgeClass, fail, patternState } = shipped;
  const node = new Int32Array(stateCount * NODE_STRIDE);
  // States with many children (the root aside: it has rootNext) get dense rows, below.
  const wideStates: number[] = [];
  const depth = new Uint16Array(stateCount);
  let edges = 0;
  for (let s = 0, b = 0; s < stateCount; s++, b += NODE_STRIDE) {
    const children = childCount[s]!;
    node[b + NODE_EDGES_FROM] = edges;
    if (edges + children > edgeCount) throw new Error(DAMAGED);
    for (let e = edges; e < edges + children; e++) depth[e + 1] = depth[s]! + 1;
    edges += children;
    node[b + NODE_EDGES_TO] = edges;
    if (children > DENSE_ABOVE && s > 0) wideStates.push(s);
  }
  if (edges !== edgeCount) throw new Error(DAMAGED);
  for (let e = 0; e < edgeCount; e++) if (edgeClass[e]! >= classCount) throw new Error(DAMAGED);
  const rootNext = new Int32Array(classCount);
  for (let e = 0; e < childCount[0]!; e++) rootNext[edgeClass[e]!] = e + 1;
  const dense = new Int32Array(wideStates.length * classCount).fill(-1);
  for (let row = 0; row < wideStates.length; row++) {
    const b = wideStates[row]! * NODE_STRIDE;
    for (let e = node[b + NODE_EDGES_FROM]!; e < node[b + NODE_EDGES_TO]!; e++) dense[row * classCount + edgeClass[e]!] = e + 1;
    node[b + NODE_EDGES_FROM] = ~row;
  }
  const output = new Int32Array(stateCount).fill(-1);
  for (let p = 0; p < patternCount; p++) {
    const state = patternState[p]!;
    if (state === 0 || state >= stateCount) throw new Error(DAMAGED);
    output[state] = p;
  }
  node[NODE_FIRST_OUTPUT] = -1; // the root ends no pattern (checked above)
  node[NODE_FAIL] = 0;
  for (let s = 1, b = NODE_STRIDE; s < stateCount; s++, b += NODE_STRIDE) {
    const f = fail[s]!;
    if (f >= s) throw new Error(DAMAGED);
    node[b + NODE_FAIL] = f;
    node[b + NODE_FIRST_OUTPUT] = output[s]! >= 0 ? s : node[f * NODE_STRIDE + NODE_FIRST_OUTPUT]!;
  }
  return {
    classCount,
    maxPatternLength,
    classRuns: shipped.classRuns,
    classIsWord: shipped.classIsWord,
    rootNext,
    node,
    dense,
    edgeClass,
    output,
    depth,
    patternEntity: shipped.patternEntity,
    patternSpecificity: shipped.patternSpecificity,
    patternCapitals: shipped.patternCapitals,
    patternLength: shipped.patternLength,
  };
}

// Base64 without Node's Buffer: the same code runs in the content script.
export function encodeBase64(bytes: Uint8Array): string {
  // Native encoders where there are (browsers: Chrome 140+, Firefox 133+; Node: Buffer): the
  // string-building loop below took ~90 ms of a 20k-alias build, and the device rebuilds the
  // matcher after every import.
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  const buffer = (globalThis as { Buffer?: { from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64'): string } } }).Buffer;
  if (buffer) return buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const chunks: string[] = [];
  const CHUNK = 0x8000; // String.fromCharCode's argument list has a limit
  for (let i = 0; i < bytes.length; i += CHUNK) {
    chunks.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(chunks.join(''));
}

export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text); // browsers (Chrome 140+, Firefox 133+)
  // Node before v25 (the CLI tools, the tests, `npm run bench`) has no fromBase64 but a native
  // decoder in Buffer: 1 ms instead of 12–17 ms for a 50k-alias matcher. Buffer skips characters
  // outside the alphabet instead of throwing; the unpacking's signature and size checks refuse
  // what that would garble.
  const buffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (buffer) return buffer.from(text, 'base64');
  return decodeBase64Loop(text);
}

/** Sextet per ASCII code; 255 for characters that are not base64. */
const SEXTET = (() => {
  const table = new Uint8Array(128).fill(255);
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < digits.length; i++) table[digits.charCodeAt(i)] = i;
  return table;
})();

/**
 * Base64 straight into bytes, four characters at a time. Where `Uint8Array.fromBase64` is
 * missing, `atob` builds a binary string as large as the data and a second loop copies it out
 * (Node 20's `atob` alone took ~50–120 ms on a 50k-alias matcher); this takes a few ms.
 * Exported for tests. Throws on characters outside the alphabet, like `atob`.
 */
export function decodeBase64Loop(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 0x3d) length--; // "=" padding
  if (length % 4 === 1) throw new Error('Backstory matcher: automaton is not valid base64');
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  const table = SEXTET;
  let bad = 0;
  let out = 0;
  let i = 0;
  const whole = length - (length % 4);
  for (; i < whole; i += 4) {
    // Each code unit read once (reading them twice cost a third of the decode at 50k aliases).
    const u0 = text.charCodeAt(i);
    const u1 = text.charCodeAt(i + 1);
    const u2 = text.charCodeAt(i + 2);
    const u3 = text.charCodeAt(i + 3);
    const a = table[u0 & 0x7f]!;
    const b = table[u1 & 0x7f]!;
    const c = table[u2 & 0x7f]!;
    const d = table[u3 & 0x7f]!;
    bad |= a | b | c | d | u0 | u1 | u2 | u3;
    bytes[out++] = (a << 2) | (b >> 4);
    bytes[out++] = ((b & 0x0f) << 4) | (c >> 2);
    bytes[out++] = ((c & 0x03) << 6) | d;
  }
  if (i < length) {
    const a = table[text.charCodeAt(i) & 0x7f]!;
    const b = table[text.charCodeAt(i + 1) & 0x7f]!;
    bad |= a | b | text.charCodeAt(i) | text.charCodeAt(i + 1);
    bytes[out++] = (a << 2) | (b >> 4);
    if (i + 2 < length) {
      const c = table[text.charCodeAt(i + 2) & 0x7f]!;
      bad |= c | text.charCodeAt(i + 2);
      bytes[out++] = ((b & 0x0f) << 4) | (c >> 2);
    }
  }
  // A sextet of 255 or a code unit above 0x7f sets a bit no valid character sets.
  if (bad & ~0x7f) throw new Error('Backstory matcher: automaton is not valid base64');
  return bytes;
}
