/**
 * `npm run corpus`: corpus + gazetteer → data/kb.json and data/matcher.json.
 *
 *   npm run corpus                      build, print the report and a summary, write the outputs
 *   npm run corpus -- --check           exit 1 if the committed outputs differ from a fresh build
 *   npm run corpus -- --variants <id>   print an entry's names as the matcher reads them, the
 *                                       generated transliteration variants (path ending ~) included
 *
 * On errors nothing is written and the process exits 1 with the list. The logic lives in
 * lib/kb/build.ts; this file only reads and writes files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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
import { serializeFingerprints } from '../lib/recognition/serialize';
import { buildTokenGate } from '../lib/engine/token-gate';
import type { MatcherData } from '../lib/engine/types';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const KB_FILE = 'data/kb.json';
export const MATCHER_FILE = 'data/matcher.json';
/** The matcher's token gate, sent to pages before the matcher (lib/engine/token-gate.ts). */
export const TOKEN_GATE_FILE = 'data/token-gate.json';
/** Curated contrasts live beside the gazetteer but are not entries. */
const CONTRASTS_NAME = 'contrasts.json';
/** Text fingerprints of the documents, for recognising a page as one of them. */
export const FINGERPRINTS_FILE = 'data/fingerprints.json';

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
  const result = buildKnowledgeBase(readCorpusInput(root));
  if (!result.kb || !result.matcher) return { upToDate: false, stale: [KB_FILE, MATCHER_FILE, TOKEN_GATE_FILE, FINGERPRINTS_FILE], result };
  const fresh = serializeOutputs({ kb: result.kb, matcher: result.matcher });
  const stale = (
    [
      [KB_FILE, fresh.kb],
      [MATCHER_FILE, fresh.matcher],
      [TOKEN_GATE_FILE, serializeTokenGate(result.matcher)],
      [FINGERPRINTS_FILE, serializeFingerprints(result.kb.documents)],
    ] as const
  )
    .filter(([file, text]) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== text)
    .map(([file]) => file);
  return { upToDate: stale.length === 0, stale, result };
}

function serializeTokenGate(matcher: MatcherData): string {
  return `${JSON.stringify(buildTokenGate(matcher), null, 2)}\n`;
}

function main(argv: string[]): number {
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
    console.log(`${KB_FILE}, ${MATCHER_FILE}, ${TOKEN_GATE_FILE} and ${FINGERPRINTS_FILE} are up to date.`);
    return 0;
  }

  const result = buildKnowledgeBase(readCorpusInput());
  const report = formatReport(result.report);
  if (!result.kb || !result.matcher) {
    console.error(report);
    return 1;
  }
  if (report) console.log(report);
  const out = serializeOutputs({ kb: result.kb, matcher: result.matcher });
  writeFileSync(join(PROJECT_ROOT, KB_FILE), out.kb);
  writeFileSync(join(PROJECT_ROOT, MATCHER_FILE), out.matcher);
  writeFileSync(join(PROJECT_ROOT, TOKEN_GATE_FILE), serializeTokenGate(result.matcher));
  writeFileSync(join(PROJECT_ROOT, FINGERPRINTS_FILE), serializeFingerprints(result.kb.documents));
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
