/**
 * The token gate may let a page through for nothing, but must never keep out a page the matcher
 * would mark a name on: checked on every name of the shipped matcher (in the forms it folds to),
 * on the knowledge base's names as written in sentences, and on random names and texts against
 * the matcher itself. And it does its job: ordinary text without names is kept out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import { decodeBase64, unpackAutomaton, NODE_EDGES_FROM, NODE_EDGES_TO, NODE_STRIDE } from '../../lib/engine/packed-automaton';
import { buildTokenGate, classCharacters, isTokenGate, TokenGate } from '../../lib/engine/token-gate';
import type { MatcherData } from '../../lib/engine/types';
import type { KnowledgeBase } from '../../lib/kb/types';
import { seededRandom } from '../../scripts/bench/timing';
import { makeNames, makeText, matcherOf } from './random-names';

const ROOT = join(import.meta.dirname, '..', '..');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const shippedMatcher = readJson<MatcherData>('data/matcher.json');
const matcher = loadMatcher(shippedMatcher);
const gate = new TokenGate(readJson('data/token-gate.json'));

/** Whether the matcher finds a name it would mark (not a blocker or a topic word) in `text`. */
function marksAName(m: Matcher, text: string): boolean {
  return m.findAll(text).some((r) => !m.entities[r.entity]!.blocker && !m.entities[r.entity]!.topic);
}

/** Every name of a matcher in its folded form: each class written as a character of it, from the trie. */
function foldedNames(data: MatcherData): string[] {
  const a = unpackAutomaton(decodeBase64(data.automaton));
  const chars = classCharacters(a.classRuns);
  const names: string[] = [];
  const stack: [number, string][] = [[0, '']];
  while (stack.length > 0) {
    const [state, path] = stack.pop()!;
    if (state > 0 && a.output[state]! >= 0) names.push(path);
    const lo = a.node[state * NODE_STRIDE + NODE_EDGES_FROM]!;
    if (lo < 0) {
      for (let cls = 0; cls < a.classCount; cls++) {
        const to = a.dense[~lo * a.classCount + cls]!;
        if (to >= 0) stack.push([to, path + chars.get(cls)!]);
      }
    } else {
      for (let e = lo; e < a.node[state * NODE_STRIDE + NODE_EDGES_TO]!; e++) stack.push([e + 1, path + chars.get(a.edgeClass[e]!)!]);
    }
  }
  return names;
}

/** A name where pages put names: alone, in a sentence, in brackets, elided, possessive, in capitals. */
const contexts = (name: string) => [
  name,
  `Officials said ${name} had met them.`,
  `(${name})`,
  `l'${name}`,
  `${name}'s`,
  `${name}’s men`,
  name.toUpperCase(),
  name.toLowerCase(),
];

describe('the shipped token gate', () => {
  it('is the gate of the shipped matcher (rebuilt with it by npm run corpus)', () => {
    expect(readJson('data/token-gate.json')).toEqual(buildTokenGate(shippedMatcher));
    expect(isTokenGate(readJson('data/token-gate.json'))).toBe(true);
  });

  it('lets through every name of the matcher, in its folded form, wherever it is written', () => {
    const names = foldedNames(shippedMatcher);
    expect(names.length).toBeGreaterThan(3000);
    let marked = 0;
    for (const name of names) {
      for (const text of contexts(name)) {
        if (!marksAName(matcher, text)) continue;
        marked++;
        expect(gate.mayName(text), JSON.stringify(text)).toBe(true);
      }
    }
    // Not vacuous: most forms of most names are marked.
    expect(marked).toBeGreaterThan(names.length * 4);
  });

  it("lets through every knowledge-base name and alias as written, in sentences and in the corpus's own paragraphs", () => {
    const kb = readJson<KnowledgeBase>('data/kb.json');
    let marked = 0;
    for (const entity of kb.entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        for (const text of contexts(name)) {
          if (!marksAName(matcher, text)) continue;
          marked++;
          expect(gate.mayName(text), JSON.stringify(text)).toBe(true);
        }
      }
    }
    expect(marked).toBeGreaterThan(kb.entities.length * 4);
    for (const paragraph of kb.documents.flatMap((d) => d.paragraphs)) {
      if (marksAName(matcher, paragraph)) expect(gate.mayName(paragraph), paragraph.slice(0, 80)).toBe(true);
    }
  });

  it('keeps out ordinary text that names nobody', () => {
    const trivial = readFileSync(join(ROOT, 'test/pages/bench/trivial.html'), 'utf8').replace(/<[^>]*>/g, ' ');
    expect(marksAName(matcher, trivial)).toBe(false);
    expect(gate.mayName(trivial)).toBe(false);
    for (const text of [
      'The recipe needs two eggs, a cup of flour and a pinch of salt. Bake it for forty minutes.',
      'Our support team is available from Monday to Friday; it is closed on public holidays.',
      'Click the button below to reset your password. The link expires in one hour.',
    ]) {
      expect(gate.mayName(text), text).toBe(false);
    }
  });
});

describe('a token gate built from a matcher', () => {
  const entities = [
    { id: 'quds', name: 'Quds Force', type: 'organization' as const },
    { id: 'isis', name: 'Islamic State', type: 'organization' as const },
    { id: 'kh', name: 'Kataib Hezbollah', type: 'organization' as const, blocker: true as const },
  ];
  const data = buildMatcher({
    kbVersion: 't',
    entities,
    patterns: [
      { entity: 0, text: 'the Quds Force', specificity: 'unique' },
      { entity: 1, text: 'IS', specificity: 'unique' },
      { entity: 1, text: 'Islamic State', specificity: 'unique' },
      { entity: 2, text: 'Kataib Hezbollah', specificity: 'unique' },
    ],
  });
  const small = new TokenGate(buildTokenGate(data));

  it('keys a name on one of its long words, so that "the" lets nothing through', () => {
    expect(small.mayName('the library is open')).toBe(false);
    expect(small.mayName('commanders of the Quds Force')).toBe(true);
  });

  it('lets an acronym through only where it is written in capitals, as the matcher does', () => {
    expect(small.mayName('it is open')).toBe(false);
    expect(small.mayName('IS fighters')).toBe(true);
    expect(small.mayName("IS's fighters")).toBe(true);
  });

  it('keeps out a page that names only what is never marked (a blocker)', () => {
    expect(small.mayName('Kataib Hezbollah said')).toBe(false);
  });

  it("lets a cue's participant words through in Arabic or Persian letters, folded as the cues fold them", () => {
    const cued = new TokenGate({ ...buildTokenGate(data), cueWords: ['زيارة'] });
    expect(cued.mayName('خبر عن زيارة المسؤول')).toBe(true);
    expect(cued.mayName('خبر عن زیارة المسؤول')).toBe(true); // Persian yeh
    expect(cued.mayName('خبر عن المسؤول')).toBe(false);
  });

  it('reads a long text a window at a time exactly as in one go', () => {
    const text = `${'nothing to see here, '.repeat(5000)}the Quds Force`;
    let from = 0;
    let found = false;
    while (from < text.length && !found) {
      const to = small.wordEnd(text, Math.min(text.length, from + 997));
      found = small.mayName(text, from, to);
      from = to;
    }
    expect(found).toBe(true);
  });
});

describe('the gate never keeps out what the matcher finds', () => {
  it('on 200 random name lists × 15 texts each, whole texts and windows cut at word ends', () => {
    let found = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const patterns = makeNames(seed);
      const m = matcherOf(patterns);
      const data = buildMatcher({
        kbVersion: 'reference',
        entities: patterns.map((p) => ({ id: `e${p.entity}`, name: p.text, type: 'person' as const })),
        patterns: patterns.map((p) => ({ entity: p.entity, text: p.text, specificity: 'unique' as const, capitalised: p.capitalised })),
      });
      const random = new TokenGate(buildTokenGate(data));
      for (let t = 0; t < 15; t++) {
        const text = makeText(patterns, seed * 100 + t);
        if (m.findAll(text).length === 0) continue;
        found++;
        expect(random.mayName(text), `seed ${seed}/${t}: ${JSON.stringify(text)} / ${JSON.stringify(patterns.map((p) => p.text))}`).toBe(true);
        // Windows ending at word ends: some window lets the text through.
        const cut = seededRandom(seed * 100 + t);
        let any = false;
        for (let from = 0; from < text.length; ) {
          const to = random.wordEnd(text, Math.min(text.length, from + 1 + Math.floor(cut() * 12)));
          any ||= random.mayName(text, from, to);
          from = to;
        }
        expect(any, `windows of seed ${seed}/${t}: ${JSON.stringify(text)}`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
