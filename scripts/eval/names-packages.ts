/**
 * `npx tsx scripts/eval/names-packages.ts [DEV_DIR]`: the name finders measured as building
 * blocks for learning names — our rules (lib/names/discover.ts), `compromise` (its people(),
 * organizations() and places()) and `wink-nlp` with `wink-eng-lite-web-model` (its small
 * English model: part-of-speech tags, no named-entity types, so runs of proper nouns) — on
 * the same documents and scored the same way, with what each adds to a bundle and how fast it
 * reads. The figures are the README's dependency table rows for these packages.
 *
 * Scoring, per document, over distinct names (folded as the matcher folds; titles, a leading
 * "the" and possessives taken off every finder's output alike):
 * - seeds: the truth is the gazetteer — the names of people, organisations and places the
 *   built matcher finds in each seed written in capitals; a found name is right when it is a
 *   gazetteer name of such an entry, of the same type for the typed figure;
 * - dev set (when given): the truth is its hand labels (every labelled mention's text).
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { Window } from 'happy-dom';
import { foldedKey } from '../../lib/kb/build';
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import { documentText } from '../../lib/kb/passages';
import { readDocument } from '../../lib/names/discover';
import { knownEntities } from '../../lib/names/known';
import { PERSON_TITLES } from '../../lib/names/lexicon';
import type { LearnedType, NameDocument } from '../../lib/names/types';
import { PROJECT_ROOT } from '../build-corpus';
import { readSeedInput, writtenAsName } from './names';

interface Found {
  text: string;
  type: LearnedType;
}

type Finder = (doc: NameDocument) => Found[];

const TITLES = [...PERSON_TITLES].sort((a, b) => b.length - a.length);

/** The same clean-up for every finder: titles, "the", possessives and edge punctuation off. */
function clean(text: string): string {
  let t = text.replace(/^[\s"“”‘’'([]+|[\s"“”‘’'),.;:!?\]]+$/gu, '').replace(/['’]s?$/u, '');
  t = t.replace(/^the\s+/iu, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const title of TITLES) {
      const re = new RegExp(`^${title.replace(/[.]/g, '\\.?').replace(/ /g, '\\.?\\s+')}\\.?\\s+(?=\\p{Lu})`, 'iu');
      if (re.test(t)) {
        t = t.replace(re, '');
        changed = true;
      }
    }
  }
  return t.trim();
}

const ours: Finder = (doc) => {
  const out: Found[] = [];
  for (const name of readDocument(doc).names) {
    if (name.tentative) continue;
    const v = name.votes;
    const type = (['person', 'organization', 'place'] as const).reduce<LearnedType>((best, t) => (v[t] > (best === 'other' ? 0 : v[best as 'person']) ? t : best), 'other');
    for (const f of name.forms) if (!f.tentative) out.push({ text: f.text, type });
  }
  return out;
};

const compromiseFinder: Finder = (doc) => {
  const out: Found[] = [];
  for (const text of [doc.title, ...doc.paragraphs]) {
    const d = nlp(text);
    for (const [type, view] of [
      ['person', d.people()],
      ['organization', d.organizations()],
      ['place', d.places()],
    ] as const) {
      for (const t of view.out('array') as string[]) out.push({ text: t, type });
    }
  }
  return out;
};

const wink = winkNLP(model);
const winkFinder: Finder = (doc) => {
  const out: Found[] = [];
  const its = wink.its;
  for (const text of [doc.title, ...doc.paragraphs]) {
    const tokens = wink.readDoc(text).tokens();
    const values = tokens.out(its.value) as string[];
    const pos = tokens.out(its.pos) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    let run: string[] = [];
    const flush = () => {
      if (run.length) out.push({ text: run.join(''), type: 'other' });
      run = [];
    };
    values.forEach((v, i) => {
      if (pos[i] === 'PROPN' || (run.length && /^(?:al|of|-)$/.test(v) && pos[i + 1] === 'PROPN')) run.push((run.length ? spaces[i] : '') + v);
      else flush();
    });
    flush();
  }
  return out;
};

export const FINDERS: Record<string, Finder> = { 'own rules (lib/names)': ours, compromise: compromiseFinder, 'wink-nlp + wink-eng-lite-web-model': winkFinder };

interface Truth {
  doc: NameDocument;
  /** Folded key → type. */
  names: Map<string, string>;
  /** Folded names that are right to find even if not expected here (any gazetteer name of the right kind). */
  allowed: Map<string, string>;
}

function seedTruth(): Truth[] {
  const seed = readSeedInput();
  const matcher = loadMatcher((seed.kb as unknown as { matcherData: Parameters<typeof loadMatcher>[0] }).matcherData);
  const typeOf = new Map(seed.entries.map((e) => [e.id, e.type]));
  const allowed = new Map<string, string>();
  for (const e of knownEntities(seed.entries)) if (e.type !== 'event') for (const n of [e.name, ...e.names]) allowed.set(foldedKey(n), e.type);
  return seed.documents.map((doc, i) => {
    const { text } = documentText(seed.kb.documents[i]!.paragraphs);
    const names = new Map<string, string>();
    for (const m of spotText(matcher, text)) {
      const type = typeOf.get(matcher.entities[m.entity]!.id);
      const written = text.slice(m.start, m.end);
      if (!type || type === 'event' || !writtenAsName(written)) continue;
      names.set(foldedKey(written), type);
    }
    return { doc, names, allowed };
  });
}

function devTruth(dir: string): Truth[] {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
    entities: { id: string; type: string }[];
    documents: { file: string; mentions: { text: string; entity: string }[] }[];
  };
  const typeOf = new Map(labels.entities.map((e) => [e.id, e.type]));
  return labels.documents.map((d) => {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    const html = new window.DOMParser().parseFromString(readFileSync(join(dir, d.file), 'utf8'), 'text/html');
    const doc = {
      id: d.file,
      title: html.querySelector('h1')?.textContent ?? '',
      paragraphs: [...html.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim()),
    };
    void window.happyDOM.close();
    const names = new Map(d.mentions.map((m) => [foldedKey(m.text), typeOf.get(m.entity) ?? 'other']));
    return { doc, names, allowed: names };
  });
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  typedF1: number;
  msPer1kWords: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function scoreFinder(finder: Finder, truth: readonly Truth[]): Score {
  let found = 0;
  let right = 0;
  let typedRight = 0;
  let expected = 0;
  let recalled = 0;
  let typedRecalled = 0;
  let words = 0;
  const start = performance.now();
  const results = truth.map((t) => finder(t.doc));
  const ms = performance.now() - start;
  truth.forEach((t, i) => {
    words += [t.doc.title, ...t.doc.paragraphs].join(' ').split(/\s+/).length;
    const names = new Map<string, string>();
    for (const f of results[i]!) {
      const key = foldedKey(clean(f.text));
      if (key) names.set(key, f.type);
    }
    for (const [key, type] of names) {
      found++;
      const truthType = t.names.get(key) ?? t.allowed.get(key);
      if (truthType) {
        right++;
        if (truthType === type) typedRight++;
      }
    }
    expected += t.names.size;
    for (const [key, type] of t.names) {
      if (!names.has(key)) continue;
      recalled++;
      if (names.get(key) === type) typedRecalled++;
    }
  });
  const precision = found ? right / found : 1;
  const recall = expected ? recalled / expected : 1;
  const typed = f1(found ? typedRight / found : 1, expected ? typedRecalled / expected : 1);
  return { precision, recall, f1: f1(precision, recall), typedF1: typed, msPer1kWords: (ms / words) * 1000 };
}

/** Minified, gzipped size of what a bundle carries for one finder. */
async function bundleSize(entry: string): Promise<number> {
  const result = await build({
    stdin: { contents: entry, resolveDir: PROJECT_ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [
      {
        name: 'tilde',
        setup(b) {
          b.onResolve({ filter: /^~\// }, (args) => ({ path: join(PROJECT_ROOT, args.path.slice(2)) }));
        },
      },
    ],
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const ENTRIES: Record<string, string> = {
  'own rules (lib/names)': "import { readDocument } from './lib/names/discover'; console.log(readDocument);",
  compromise: "import nlp from 'compromise'; console.log(nlp('x').people());",
  'wink-nlp + wink-eng-lite-web-model': "import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; console.log(winkNLP(model));",
};

async function main(): Promise<void> {
  const devDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(PROJECT_ROOT, 'test/names/dev');
  const sets: [string, Truth[]][] = [['seeds', seedTruth()]];
  if (existsSync(join(devDir, 'labels.json')) && readdirSync(devDir).includes('corpus')) sets.push(['dev set', devTruth(devDir)]);
  const fmt = (n: number) => n.toFixed(3);
  console.log('finder | set | precision | recall | F1 | typed F1 | ms per 1k words | bundle (min+gz)');
  for (const [name, finder] of Object.entries(FINDERS)) {
    finder(sets[0]![1][0]!.doc); // warm up (models, lazy tables)
    const size = await bundleSize(ENTRIES[name]!);
    for (const [set, truth] of sets) {
      const s = scoreFinder(finder, truth);
      console.log(`${name} | ${set} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${fmt(s.typedF1)} | ${s.msPer1kWords.toFixed(1)} | ${(size / 1024).toFixed(1)} kB`);
    }
  }
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
