/**
 * Export → import of highlights: the JSON file is complete and versioned; import refuses
 * malformed and foreign files with a reason and merges good ones without duplicates.
 */
import { describe, expect, it } from 'vitest';
import { parseImport, planImport, toJson } from '../../lib/highlights/json';
import { sampleHighlights } from './sample-highlights';

const [a, b, c] = sampleHighlights;

describe('JSON export and import', () => {
  it('round-trips every field of every highlight', () => {
    const parsed = parseImport(toJson(sampleHighlights, new Date('2026-01-02T03:04:05Z')));
    expect(parsed).toEqual({ ok: true, highlights: [...sampleHighlights].sort((x, y) => x.createdAt - y.createdAt) });
  });

  it.each([
    ['not JSON', '{"format": "backstory-highlights",', /not JSON/],
    ['another app’s JSON', JSON.stringify({ annotations: [] }), /not a Backstory highlights export/],
    ['a newer format', JSON.stringify({ format: 'backstory-highlights', version: 99, exportedAt: '', highlights: [] }), /newer Backstory/],
    [
      'a highlight with a javascript: URL',
      JSON.stringify({ format: 'backstory-highlights', version: 1, exportedAt: '', highlights: [{ ...a, url: 'javascript:alert(1)' }] }),
      /Highlight 1 is invalid \(url\)/,
    ],
    [
      'a highlight missing its quote',
      JSON.stringify({ format: 'backstory-highlights', version: 1, exportedAt: '', highlights: [b, { ...a, quote: undefined }] }),
      /Highlight 2 is invalid \(quote\).*Nothing was imported/,
    ],
  ])('refuses %s and says why', (_what, file, message) => {
    const parsed = parseImport(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('merges without duplicates: same id or same passage is one highlight, the newer edit wins', () => {
    const sameIdOlder = { ...a!, note: 'old note', updatedAt: a!.updatedAt - 10 };
    const samePassageNewId = { ...b!, id: 'other-id', note: 'edited elsewhere', updatedAt: b!.updatedAt + 10 };
    const plan = planImport([a!, b!], [sameIdOlder, samePassageNewId, c!]);
    expect(plan).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.put.map((h) => [h.id, h.note])).toEqual([
      [b!.id, 'edited elsewhere'],
      [c!.id, c!.note],
    ]);
  });

  it('importing the same file twice adds nothing the second time', () => {
    const first = planImport([], sampleHighlights);
    expect(first.added).toBe(sampleHighlights.length);
    const second = planImport(first.put, sampleHighlights);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: sampleHighlights.length, put: [] });
  });
});
