/**
 * `npm run spot -- FILE...`: the mentions Backstory would mark in HTML or text files, one JSON
 * object per line: {"file","entity","name","type","text","start","end"}, offsets in the page's
 * visible text. The content script's own code: its page text (lib/page/dom-page-text.ts) and its
 * spotting pipeline (PageSpotting in lib/engine/evidence.ts), the whole page as one text.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { loadMatcher, type Matcher } from '../lib/engine/matcher';
import { spotText } from '../lib/engine/evidence';
import type { MatcherData } from '../lib/engine/types';
import type { EntityType } from '../lib/kb/types';
import { readPageText } from '../lib/page/dom-page-text';

export interface SpotLine {
  file: string;
  entity: string;
  name: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
}

// A path, not a file URL: tests read the matcher from a happy-dom window, whose URL is not Node's.
const DEFAULT_MATCHER = join(import.meta.dirname, '..', 'data', 'matcher.json');

/** A readable failure: printed without a stack trace, exit code 1. */
export class SpotError extends Error {}

export async function readMatcher(path = DEFAULT_MATCHER): Promise<Matcher> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch {
    throw new SpotError(`No matcher at ${path}: run \`npm run corpus\` first to build it.`);
  }
  try {
    return loadMatcher(JSON.parse(json) as MatcherData);
  } catch (error) {
    throw new SpotError(`Cannot load the matcher at ${path}: ${(error as Error).message}`);
  }
}

function isHtml(file: string, content: string): boolean {
  return /\.html?$/i.test(file) || content.trimStart().startsWith('<');
}

/** The page's visible text, read the way the content script reads it. */
export function visibleText(file: string, content: string): string {
  if (!isHtml(file, content)) return content;
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    const document = new window.DOMParser().parseFromString(content, 'text/html');
    return readPageText(document.body as unknown as Node).text;
  } finally {
    void window.happyDOM.close();
  }
}

/** Every mention in each file, in order. */
export async function spotFiles(files: readonly string[], matcher: Matcher): Promise<SpotLine[]> {
  const lines: SpotLine[] = [];
  for (const file of files) {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch {
      throw new SpotError(`Cannot read ${file}: no such file or not readable.`);
    }
    const text = visibleText(file, content);
    for (const m of spotText(matcher, text)) {
      const entity = matcher.entities[m.entity]!;
      lines.push({ file, entity: entity.id, name: entity.name, type: entity.type, text: text.slice(m.start, m.end), start: m.start, end: m.end });
    }
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((a) => a !== '--');
  if (files.length === 0) {
    console.error('Usage: npm run spot -- FILE...   (HTML or text files)');
    return 1;
  }
  try {
    const matcher = await readMatcher(process.env.BACKSTORY_MATCHER);
    const lines = await spotFiles(files, matcher);
    process.stdout.write(lines.map((l) => JSON.stringify(l) + '\n').join(''));
    return 0;
  } catch (error) {
    if (error instanceof SpotError) {
      console.error(`spot: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
