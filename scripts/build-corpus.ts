/**
 * `npm run corpus`: corpus + gazetteer → the starter corpus pack (data/starter-pack.json, which
 * the extension ships and installs on first run), data/kb.json, data/matcher.json and
 * data/fingerprints.json.
 *
 *   npm run corpus                      build, print the report and a summary, write the outputs
 *   npm run corpus -- --check           exit 1 if the committed outputs differ from a fresh build
 *   npm run corpus -- --variants <id>   print an entry's names as the matcher reads them, the
 *                                       generated transliteration variants (path ending ~) included
 *   npm run corpus -- --add DIR --out FILE [--workers N] [--id ID] [--title TEXT] [--pack-version N]
 *                                       build a corpus pack from every file under DIR (saved
 *                                       pages, .txt, .md, .jsonl, packs), read with the gazetteer;
 *                                       refused files are listed by name with the reason
 *
 * On errors nothing is written and the process exits 1 with the list. The logic lives in
 * lib/kb/build.ts; this file only reads and writes files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildKnowledgeBase,
  entryVariants,
  formatReport,
  serializeOutputs,
  type BuildResult,
  type CorpusInput,
  type InputFile,
} from '../lib/kb/build';
import { formatSummary } from '../lib/kb/report';
import { corpusPackOf, STARTER_PACK_ID, STARTER_PACK_TITLE } from '../lib/kb/corpus-pack';
import { parsePack, serialisePack, type CorpusPack } from '../lib/corpus/pack';
import type { ContrastsFile } from '../lib/kb/contrasts';
import type { Source } from '../lib/recognition/sources';
import { serializeFingerprints } from '../lib/recognition/serialize';
import { buildFolderPack } from './corpus/folder-pack';
import { formatBytes, MAX_COLLECTION_FILE_BYTES } from '../lib/corpus/limits';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const KB_FILE = 'data/kb.json';
export const MATCHER_FILE = 'data/matcher.json';
/** Curated contrasts live beside the gazetteer but are not entries. */
const CONTRASTS_NAME = 'contrasts.json';
/** Text fingerprints of the documents, for recognising a page as one of them. */
export const FINGERPRINTS_FILE = 'data/fingerprints.json';
/** The starter corpus as a corpus pack: what the extension installs. */
export const STARTER_PACK_FILE = 'data/starter-pack.json';

/**
 * The starter pack's text. Its `packVersion` goes up by one whenever anything else in it
 * changes, so that a device holding an older starter corpus upgrades it (and only then).
 */
export function starterPackText(result: BuildResult, input: CorpusInput, root = PROJECT_ROOT): string | undefined {
  const sources = (JSON.parse(readFileSync(join(root, 'data/sources.json'), 'utf8')) as { sources: Source[] }).sources;
  const curated = (input.contrasts?.data ?? { contrasts: [], disagreements: [] }) as ContrastsFile;
  const packWith = (packVersion: number): CorpusPack | undefined =>
    corpusPackOf(result, {
      id: STARTER_PACK_ID,
      title: STARTER_PACK_TITLE,
      packVersion,
      description: 'Five 2020 articles about the US–Iraq strategic dialogue and Iran’s influence in Iraq, from Iranian-opposition, Israeli and Iranian state-affiliated outlets, with the curated names, backgrounds and contrasts.',
      sources,
      contrasts: curated.contrasts,
      disagreements: curated.disagreements,
    });
  const file = join(root, STARTER_PACK_FILE);
  const previous = existsSync(file) ? parsePack(readFileSync(file, 'utf8')) : undefined;
  const version = previous?.ok ? previous.pack.packVersion : 0;
  const same = packWith(Math.max(version, 1));
  if (!same) return undefined;
  const text = serialisePack(same);
  if (previous?.ok && serialisePack(previous.pack) === text) return text;
  return serialisePack(packWith(version + 1)!);
}

/** Reads documents.json, the seeds it names, and every data/gazetteer/*.json (sorted by name). */
export function readCorpusInput(root = PROJECT_ROOT): CorpusInput {
  const readJson = (file: string): InputFile => {
    const text = readFileSync(join(root, file), 'utf8');
    try {
      return { file, data: JSON.parse(text) as unknown };
    } catch (error) {
      // Valibot cannot point into text that does not parse: name the file and stop here.
      throw new Error(`${file}: not valid JSON — ${(error as Error).message}`, { cause: error });
    }
  };
  const documents = readJson('data/documents.json');
  const seedDir = 'data/seeds';
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(join(root, seedDir)).sort()) seeds[name] = readFileSync(join(root, seedDir, name), 'utf8');
  const gazetteerDir = join(root, 'data/gazetteer');
  const gazetteer = existsSync(gazetteerDir)
    ? readdirSync(gazetteerDir)
        .filter((name) => name.endsWith('.json') && name !== CONTRASTS_NAME)
        .sort()
        .map((name) => readJson(relative(root, join(gazetteerDir, name))))
    : [];
  const contrastsFile = join(gazetteerDir, CONTRASTS_NAME);
  const contrasts = existsSync(contrastsFile) ? readJson(relative(root, contrastsFile)) : undefined;
  const blockers = existsSync(join(root, 'data/blockers.json')) ? readJson('data/blockers.json') : undefined;
  const eventCues = existsSync(join(root, 'data/event-cues.json')) ? readJson('data/event-cues.json') : undefined;
  const topicWords = existsSync(join(root, 'data/topic-words.json')) ? readJson('data/topic-words.json') : undefined;
  const synonyms = existsSync(join(root, 'data/synonyms.json')) ? readJson('data/synonyms.json') : undefined;
  const countries = existsSync(join(root, 'data/countries.json')) ? readJson('data/countries.json') : undefined;
  const institutionNouns = existsSync(join(root, 'data/institution-nouns.json')) ? readJson('data/institution-nouns.json') : undefined;
  return {
    documents,
    seeds,
    gazetteer,
    seedDir,
    ...(contrasts ? { contrasts } : {}),
    ...(blockers ? { blockers } : {}),
    ...(eventCues ? { eventCues } : {}),
    ...(topicWords ? { topicWords } : {}),
    ...(synonyms ? { synonyms } : {}),
    ...(countries ? { countries } : {}),
    ...(institutionNouns ? { institutionNouns } : {}),
  };
}

export interface CheckResult {
  upToDate: boolean;
  /** Output files that are missing or differ from a fresh build. */
  stale: string[];
  result: BuildResult;
}

/** Do the committed outputs equal a fresh build? The unit tests call this too. */
export function checkOutputs(root = PROJECT_ROOT): CheckResult {
  const input = readCorpusInput(root);
  const result = buildKnowledgeBase(input);
  const pack = starterPackText(result, input, root);
  if (!result.kb || !result.matcher || !pack) {
    return { upToDate: false, stale: [KB_FILE, MATCHER_FILE, FINGERPRINTS_FILE, STARTER_PACK_FILE], result };
  }
  const fresh = serializeOutputs({ kb: result.kb, matcher: result.matcher });
  const stale = (
    [
      [KB_FILE, fresh.kb],
      [MATCHER_FILE, fresh.matcher],
      [FINGERPRINTS_FILE, serializeFingerprints(result.kb.documents)],
      [STARTER_PACK_FILE, pack],
    ] as const
  )
    .filter(([file, text]) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== text)
    .map(([file]) => file);
  return { upToDate: stale.length === 0, stale, result };
}

function main(argv: string[]): number | Promise<number> {
  if (argv.includes('--add')) return addFolder(argv);
  const variantsAt = argv.indexOf('--variants');
  if (variantsAt >= 0) {
    const id = argv[variantsAt + 1];
    if (!id) {
      console.error('usage: npm run corpus -- --variants <entity-id>');
      return 1;
    }
    const variants = entryVariants(readCorpusInput(), id);
    if (!variants) {
      console.error(`no gazetteer entry "${id}"`);
      return 1;
    }
    console.log(`${id}: ${variants.length} names (key: the name as the matcher compares it; · marks punctuation that breaks a name)`);
    for (const v of variants) console.log(`  ${v.specificity.padEnd(9)} ${v.path.padEnd(14)} ${JSON.stringify(v.text)} → ${JSON.stringify(v.key)}`);
    return 0;
  }

  if (argv.includes('--check')) {
    const { upToDate, stale, result } = checkOutputs();
    if (result.report.errors.length) {
      console.error(formatReport(result.report));
      return 1;
    }
    if (!upToDate) {
      console.error(`Out of date: ${stale.join(', ')}. Run \`npm run corpus\` and commit the result.`);
      return 1;
    }
    console.log(`${STARTER_PACK_FILE}, ${KB_FILE}, ${MATCHER_FILE} and ${FINGERPRINTS_FILE} are up to date.`);
    return 0;
  }

  const input = readCorpusInput();
  const result = buildKnowledgeBase(input);
  const report = formatReport(result.report);
  const pack = starterPackText(result, input);
  if (!result.kb || !result.matcher || !pack) {
    console.error(report);
    return 1;
  }
  if (report) console.log(report);
  const out = serializeOutputs({ kb: result.kb, matcher: result.matcher });
  writeFileSync(join(PROJECT_ROOT, KB_FILE), out.kb);
  writeFileSync(join(PROJECT_ROOT, MATCHER_FILE), out.matcher);
  writeFileSync(join(PROJECT_ROOT, FINGERPRINTS_FILE), serializeFingerprints(result.kb.documents));
  writeFileSync(join(PROJECT_ROOT, STARTER_PACK_FILE), pack);
  if (result.report.summary) console.log(formatSummary(result.report.summary));
  if (result.variants?.length) {
    const generated = result.variants.reduce((n, c) => n + c.generated, 0);
    const dropped = result.variants.reduce((n, c) => n + c.dropped, 0);
    console.log(
      `Generated spellings (transliteration, script, US/U.S.): ${generated} spellings for ${result.variants.length} entries ` +
        `(${dropped} dropped as colliding; list one entry's with --variants <id>).`,
    );
  }
  return 0;
}

/** How a skipped document repeats one already in the pack, by how it was recognised. */
const DUPLICATE_WORDS: Record<string, string> = {
  address: 'the same address as',
  text: 'the same text as',
  id: 'the same id as',
  document: 'the same article as',
  copy: 'a copy of (or copied in)',
};

const ADD_USAGE = 'usage: npm run corpus -- --add DIR --out FILE [--workers N] [--id ID] [--title TEXT] [--pack-version N]';

async function addFolder(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dir = option('--add');
  const out = option('--out');
  const workers = option('--workers');
  const packVersion = Number(option('--pack-version') ?? '1');
  if (!dir || !out || (workers !== undefined && !(Number(workers) >= 1)) || !Number.isInteger(packVersion) || packVersion < 1) {
    console.error(ADD_USAGE);
    return 1;
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${dir} is not a folder`);
    return 1;
  }
  const folderName = basename(resolve(dir));
  const started = performance.now();
  const build = await buildFolderPack(dir, {
    id: option('--id') ?? packIdFrom(folderName),
    title: option('--title') ?? folderName,
    packVersion,
    ...(workers ? { workers: Number(workers) } : {}),
    gazetteer: readCorpusInput(),
  });
  const seconds = (performance.now() - started) / 1000;
  for (const r of build.refused) console.error(`refused ${r.name}${r.line ? ` line ${r.line}` : ''}: ${r.reason}`);
  for (const d of build.duplicates) console.error(`skipped ${d.name}${d.line ? ` line ${d.line}` : ''} ("${d.title}"): ${DUPLICATE_WORDS[d.kind] ?? 'the same document as'} ${d.of}`);
  for (const note of build.notes) console.error(`note: ${note}`);
  if (!build.pack) {
    console.error(`No document could be built from the ${build.files} files in ${dir}; nothing written.`);
    return 1;
  }
  const text = serialisePack(build.pack);
  writeFileSync(out, text);
  const { documents, derived } = build.pack;
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_COLLECTION_FILE_BYTES) {
    console.error(
      `note: ${out} is ${formatBytes(bytes, true)}, larger than the ${formatBytes(MAX_COLLECTION_FILE_BYTES)} Your documents imports in one file: build the folder in parts (a few thousand documents each) to import it`,
    );
  }
  const { readMs, extractMs, mergeMs } = build.timings;
  console.log(
    `${out}: ${documents.length} documents, ${derived!.passages.length} passages, ${derived!.mentions.length} mentions ` +
      `(${formatBytes(bytes)}) from ${build.files} files in ${seconds.toFixed(1)} s with ${build.workers} workers ` +
      `(reading ${(readMs / 1000).toFixed(1)} s, extracting ${(extractMs / 1000).toFixed(1)} s, merging ${(mergeMs / 1000).toFixed(1)} s); ` +
      `${build.duplicates.length} duplicates skipped, ${build.refused.length} refused.`,
  );
  return 0;
}

/** A folder's name as a pack id ("Iraq 2023/" → "iraq-2023"). */
function packIdFrom(name: string): string {
  const id = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
  return id || 'documents';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => (process.exitCode = code),
      (error: unknown) => {
        console.error((error as Error).message);
        process.exitCode = 1;
      },
    );
}
