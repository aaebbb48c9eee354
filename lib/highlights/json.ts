/**
 * Highlights as a JSON file the reader can keep and import again: complete (every field of
 * every highlight) and versioned. Import validates the whole file before touching anything and
 * merges without duplicates. DOM-free and storage-free: `planImport` says what to write, the
 * caller writes it in one transaction.
 */
import * as v from 'valibot';
import type { HighlightRow } from '../storage/types';

export const EXPORT_FORMAT = 'backstory-highlights';
export const EXPORT_VERSION = 1;
/** A file larger than this is not a highlights export (10k highlights are ~5 MB). */
export const MAX_IMPORT_CHARS = 20_000_000;

export interface HighlightsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  highlights: HighlightRow[];
}

export function toJson(highlights: readonly HighlightRow[], now: Date): string {
  const file: HighlightsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    highlights: [...highlights].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const highlightRowSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
    url: v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i)),
    canonicalUrl: v.pipe(v.string(), v.maxLength(8192), v.url(), v.regex(/^https?:/i)),
    title: text(2000),
    quote: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
    prefix: text(200),
    suffix: text(200),
    start: offset,
    end: offset,
    note: text(20_000),
    entities: v.pipe(v.array(text(128)), v.maxLength(1000)),
    createdAt: time,
    updatedAt: time,
    tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(100)),
    site: text(1000),
    anchor: v.optional(v.strictObject({ status: v.picklist(['anchored', 'orphan']), at: time })),
  }),
  v.check((h) => h.end > h.start, 'end must be after start'),
);

const exportSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  exportedAt: v.string(),
  highlights: v.array(v.unknown()),
});

export type ParsedImport = { ok: true; highlights: HighlightRow[] } | { ok: false; error: string };

/** Parse a file the reader chose; every problem is reported in words, and nothing is partial. */
export function parseImport(fileText: string): ParsedImport {
  if (fileText.length > MAX_IMPORT_CHARS) return { ok: false, error: 'The file is too large to be a Backstory export.' };
  let data: unknown;
  try {
    data = JSON.parse(fileText);
  } catch {
    return { ok: false, error: 'The file is not JSON.' };
  }
  const file = v.safeParse(exportSchema, data);
  if (!file.success) {
    const isOurs = typeof data === 'object' && data !== null && (data as { format?: unknown }).format === EXPORT_FORMAT;
    return {
      ok: false,
      error: isOurs ? 'The file is damaged: it is missing parts of a Backstory export.' : 'This is not a Backstory highlights export.',
    };
  }
  if (file.output.version > EXPORT_VERSION) {
    return { ok: false, error: `The file is from a newer Backstory (format version ${file.output.version}); update Backstory to import it.` };
  }
  const highlights: HighlightRow[] = [];
  for (const [i, raw] of file.output.highlights.entries()) {
    const row = v.safeParse(highlightRowSchema, raw);
    if (!row.success) {
      const issue = row.issues[0];
      const field = issue ? v.getDotPath(issue) : null;
      return { ok: false, error: `Highlight ${i + 1} is invalid${field ? ` (${field})` : ''}: ${issue?.message ?? 'unknown problem'}. Nothing was imported.` };
    }
    highlights.push(row.output);
  }
  return { ok: true, highlights };
}

export interface ImportPlan {
  /** Rows to write (new ones and newer versions of existing ones). */
  put: HighlightRow[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merge imported highlights into the existing ones without duplicates: the same id, or the
 * same passage of the same page (canonical URL + quote + position) saved twice, is one highlight.
 * Of two versions of one highlight the more recently updated wins.
 */
export function planImport(existing: readonly HighlightRow[], imported: readonly HighlightRow[]): ImportPlan {
  const byId = new Map(existing.map((h) => [h.id, h]));
  const byPassage = new Map(existing.map((h) => [passageKey(h), h]));
  const plan: ImportPlan = { put: [], added: 0, updated: 0, unchanged: 0 };
  for (const incoming of imported) {
    const current = byId.get(incoming.id) ?? byPassage.get(passageKey(incoming));
    if (!current) {
      plan.put.push(incoming);
      plan.added++;
    } else if (incoming.updatedAt > current.updatedAt && !sameRow(current, { ...incoming, id: current.id })) {
      plan.put.push({ ...incoming, id: current.id, createdAt: Math.min(current.createdAt, incoming.createdAt) });
      plan.updated++;
    } else {
      plan.unchanged++;
      continue;
    }
    const written = plan.put[plan.put.length - 1]!;
    byId.set(written.id, written);
    byPassage.set(passageKey(written), written);
  }
  return plan;
}

function passageKey(h: HighlightRow): string {
  return JSON.stringify([h.canonicalUrl, h.quote, h.start, h.end]);
}

function sameRow(a: HighlightRow, b: HighlightRow): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

/** Key order does not make two rows different. */
function normalised(h: HighlightRow): unknown[] {
  return Object.keys(h)
    .sort()
    .map((k) => [k, h[k as keyof HighlightRow]]);
}
