/**
 * Saved pages for the ingest tests, parsed the way the CLI parses them (happy-dom's DOMParser,
 * scripts and styles never loaded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHtmlParser } from '../../scripts/corpus/html-parser';

export const FIXTURES = join(__dirname, '../fixtures/corpus');

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export function parseHtml(markup: string): Document {
  return createHtmlParser()(markup);
}
