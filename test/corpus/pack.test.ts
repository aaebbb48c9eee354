// Corpus packs: what export writes, import reads back to the byte; what a damaged or future pack
// gets is a message that says where the problem is; and the format holds the real starter corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import contrastsJson from '../../data/gazetteer/contrasts.json';
import documentsJson from '../../data/documents.json';
import kbJson from '../../data/kb.json';
import sourcesJson from '../../data/sources.json';
import { documentFingerprint } from '../../lib/corpus/identity';
import { MAX_DOCUMENTS_PER_IMPORT } from '../../lib/corpus/limits';
import { checkPack, parsePack, serialisePack, type CorpusPack, type PackDocument } from '../../lib/corpus/pack';
import type { GazetteerEntry, KnowledgeBase } from '../../lib/kb/types';
import { fixtureText } from './saved-pages';

const SAMPLE = fixtureText('packs/sample-pack.json');

function sample(): CorpusPack {
  const parsed = parsePack(SAMPLE);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pack;
}

/** A deep copy of the sample with `edit` applied to its JSON value. */
function edited(edit: (pack: CorpusPack) => void): string {
  const value = JSON.parse(SAMPLE) as CorpusPack;
  edit(value);
  return JSON.stringify(value);
}

/** Writes what the types forbid: a damaged pack is the point. */
function set(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

const reason = (text: string) => {
  const result = parsePack(text);
  return result.ok ? 'accepted' : result.reason;
};

/** The five seeds, their gazetteer, contrasts and sources as a pack, the way the starter pack will be. */
function starterPack(): CorpusPack {
  const kb = kbJson as unknown as KnowledgeBase;
  const gazetteer = join(__dirname, '../../data/gazetteer');
  const entities = readdirSync(gazetteer)
    .filter((f) => f !== 'contrasts.json' && f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(gazetteer, f), 'utf8')) as { entries: GazetteerEntry[] }).entries);
  const documents: PackDocument[] = documentsJson.documents.map((meta) => ({
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    published: meta.date,
    dateNote: meta.dateNote,
    perspective: meta.perspective,
    evidence: meta.evidence,
    origin: { kind: 'file', name: meta.file, format: 'txt' },
    paragraphs: kb.documents.find((d) => d.id === meta.id)!.paragraphs,
  }));
  return {
    format: 'backstory-corpus-pack',
    version: 1,
    id: 'starter-us-iraq-2020',
    title: 'Starter corpus: the US–Iraq talks, 2020',
    packVersion: 1,
    perspectives: documentsJson.perspectives,
    sources: sourcesJson.sources,
    entities,
    contrasts: contrastsJson.contrasts,
    disagreements: contrastsJson.disagreements,
    documents,
    derived: {
      extractionKey: `test-${kb.version.slice(0, 12)}`,
      passages: kb.passages,
      mentions: kb.entities.flatMap((e) =>
        e.accounts.map((a) => ({ entity: e.id, doc: a.doc, count: e.mentions[a.doc] ?? 1, passages: a.passages })),
      ),
      fingerprints: documents.map((d) => documentFingerprint(d)),
    },
  };
}

describe('corpus pack round trip', () => {
  it('the sample pack file reads and writes back byte for byte', () => {
    expect(serialisePack(sample())).toBe(SAMPLE);
  });

  it('export → import → export is byte-identical for the starter corpus, derived rows included', () => {
    const exported = serialisePack(starterPack());
    const imported = parsePack(exported);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.pack.documents).toHaveLength(5);
    expect(imported.pack.entities.length).toBeGreaterThan(50);
    expect(imported.pack.documents[0]!.paragraphs).toEqual((kbJson as unknown as KnowledgeBase).documents[0]!.paragraphs);
    expect(serialisePack(imported.pack)).toBe(exported);
  });

  it('keeps the automatic contrasts and disagreements the builder found, as kb.json has them', () => {
    const text = readFileSync(join(__dirname, '../../data/starter-pack.json'), 'utf8');
    const imported = parsePack(text);
    if (!imported.ok) throw new Error(imported.reason);
    const kb = kbJson as unknown as KnowledgeBase;
    const contrasts = kb.entities.flatMap((e) => e.automaticContrasts ?? []);
    expect(contrasts.length).toBeGreaterThan(0);
    expect(imported.pack.derived?.automaticContrasts).toEqual(contrasts);
    const disagreements = new Map(kb.entities.flatMap((e) => e.automaticDisagreements ?? []).map((d) => [d.id, d]));
    expect(imported.pack.derived?.automaticDisagreements).toEqual([...disagreements.values()]);
    expect(serialisePack(imported.pack)).toBe(text);
  });

  it('refuses automatic contrasts about an entity or document the pack does not have', () => {
    const text = readFileSync(join(__dirname, '../../data/starter-pack.json'), 'utf8');
    const pack = JSON.parse(text) as CorpusPack;
    const first = pack.derived!.automaticContrasts![0]!;
    expect(reason(JSON.stringify({ ...pack, derived: { ...pack.derived, automaticContrasts: [{ ...first, entity: 'nobody-known' }] } }))).toBe(
      'derived.automaticContrasts[0] names the entity "nobody-known", which is not in this pack',
    );
    const elsewhere = { ...first, positions: [{ ...first.positions[0], doc: 'not-here' }, first.positions[1]] };
    expect(reason(JSON.stringify({ ...pack, derived: { ...pack.derived, automaticContrasts: [elsewhere] } }))).toBe(
      'derived.automaticContrasts[0].positions[0] cites the document "not-here", which is not in this pack',
    );
  });

  it('writes the same bytes however the pack object was put together', () => {
    const pack = sample();
    const shuffled = Object.fromEntries(Object.entries(pack).reverse()) as unknown as CorpusPack;
    shuffled.documents = pack.documents.map((d) => Object.fromEntries(Object.entries(d).reverse()) as unknown as PackDocument);
    expect(serialisePack(shuffled)).toBe(SAMPLE);
  });

  it('is one list item per line, so packs diff document by document', () => {
    const lines = SAMPLE.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('"format": "backstory-corpus-pack",');
    expect(lines.filter((l) => l.startsWith('{"id":"rockets-test-kadhimi","title"'))).toHaveLength(1);
    expect(SAMPLE.endsWith('}\n')).toBe(true);
  });

  it('never writes a pack that import would refuse', () => {
    const pack = sample();
    pack.documents[0]!.perspective = 'nowhere';
    expect(() => serialisePack(pack)).toThrow(/documents\[0\] names the perspective "nowhere"/);
  });
});

describe('corpus pack refusals', () => {
  it('a pack from a newer Backstory says so', () => {
    expect(reason(fixtureText('packs/future-pack.json'))).toBe(
      'pack version 3 is newer than this Backstory understands (it reads version 1); update Backstory to import it',
    );
  });

  it('names the place of a problem in the structure', () => {
    expect(reason(edited((p) => set(p.documents[1]!, 'paragraphs', 'one long string')))).toBe('documents[1].paragraphs is not a list of paragraphs');
    expect(reason(edited((p) => set(p.documents[0]!, 'title', '')))).toBe('documents[0].title: the title is empty');
    expect(reason(edited((p) => set(p.entities[1]!, 'type', 'animal')))).toMatch(/^entities\[1\]\.type: type "animal" is not one of/);
    expect(reason(edited((p) => set(p.documents[0]!, 'colour', 'red')))).toMatch(/^documents\[0\]\.colour/);
    expect(reason(edited((p) => set(p, 'documents', undefined)))).toMatch(/^documents/);
    expect(reason(edited((p) => (p.derived!.fingerprints[0]!.paragraphs[0]![0] = -1)))).toBe(
      'derived.fingerprints[0].paragraphs is not a list of lists of shingle hashes',
    );
  });

  it('checks that the pack holds together', () => {
    expect(reason(edited((p) => (p.documents[1]!.id = p.documents[0]!.id)))).toBe('documents[1] repeats the id "rockets-test-kadhimi"');
    expect(reason(edited((p) => (p.entities[0]!.background[0]!.cites[1] = 'elsewhere:3')))).toBe(
      'entities[0].background[0].cites[1] cites the document "elsewhere", which is not in this pack',
    );
    expect(reason(edited((p) => (p.contrasts[0]!.positions[1]!.doc = 'elsewhere')))).toBe(
      'contrasts[0].positions[1] cites the document "elsewhere", which is not in this pack',
    );
    expect(reason(edited((p) => (p.derived!.mentions[0]!.doc = 'elsewhere')))).toMatch(/^derived\.mentions\[0\] cites the document "elsewhere"/);
    expect(reason(edited((p) => (p.sources[0]!.perspective = 'unlabelled')))).toMatch(/^sources\[0\] names the perspective "unlabelled"/);
    expect(reason(edited((p) => (p.entities[0]!.links![0]!.to = 'nobody')))).toBe(
      'entities[0].links[0] names the entity "nobody", which is not in this pack',
    );
  });

  it('refuses what is not a pack, or not JSON', () => {
    expect(reason('{"documents": []}')).toBe('not a Backstory corpus pack (no "format": "backstory-corpus-pack")');
    expect(reason('{"format": "backstory-corpus-pack", "version": "one"}')).toBe('the pack has no format version');
    expect(reason('{"format": ')).toMatch(/^not valid JSON \(/);
  });

  it(`holds at most ${MAX_DOCUMENTS_PER_IMPORT.toLocaleString('en-US')} documents`, () => {
    const pack = JSON.parse(SAMPLE) as CorpusPack;
    delete pack.derived;
    pack.entities = [];
    pack.contrasts = [];
    pack.documents = Array.from({ length: MAX_DOCUMENTS_PER_IMPORT + 1 }, (_, i) => ({ id: `doc-${i}`, title: 'T', paragraphs: ['Text.'] }));
    expect(checkPack(pack)).toEqual({ ok: false, reason: 'documents has more than 10,000 documents' });
  });

  it('carries the reader’s keep/dismiss on automatic contrasts, and refuses a malformed one', () => {
    const pack = sample();
    expect(pack.decisions?.contrasts).toEqual([
      {
        id: 'auto-contrast:kataib-hezbollah:d-5c1e0b7a9f3d2e41+rockets-test-kadhimi',
        decision: 'kept',
        decidedAt: '2020-06-16T10:00:00.000Z',
        entities: ['kataib-hezbollah'],
        docs: ['d-5c1e0b7a9f3d2e41', 'rockets-test-kadhimi'],
      },
    ]);
    const dismissed = { ...pack.decisions!.contrasts![0]!, decision: 'dismissed' as const, decidedAt: '2020-07-01T00:00:00.000Z' };
    const written = serialisePack({ ...pack, decisions: { ...pack.decisions, contrasts: [dismissed] } });
    expect(parsePack(written)).toMatchObject({ ok: true, pack: { decisions: { contrasts: [dismissed] } } });
    // A pack without any stays without: the list is optional.
    const { contrasts: _c, ...others } = pack.decisions!;
    expect(parsePack(serialisePack({ ...pack, decisions: others }))).toMatchObject({ ok: true, pack: { decisions: { learnedNames: others.learnedNames } } });
    expect(reason(edited((p) => set(p.decisions!.contrasts![0]!, 'decision', 'maybe')))).toMatch(/^decisions\.contrasts\[0\]\.decision/);
    expect(reason(edited((p) => set(p.decisions!, 'contrasts', [['not', 'a', 'record']])))).toMatch(/^decisions\.contrasts\[0\]/);
  });

  it('carries the reader’s edits of learned names, and refuses one it cannot apply', () => {
    expect(sample().decisions?.learnedNames).toEqual([
      { kind: 'reject', entity: { id: 'learned:radwaniyah', keys: ['radwaniyah'] } },
      { kind: 'retype', entity: { id: 'learned:jurf-al-sakhar', keys: ['jurf al sakhar'] }, type: 'place' },
    ]);
    expect(reason(edited((p) => set(p.decisions!, 'learnedNames', [{ kind: 'reject', name: 'Radwaniyah' }])))).toMatch(/^decisions\.learnedNames\[0\]\.entity: /);
    expect(reason(edited((p) => set(p.decisions!, 'learnedNames', [{ kind: 'retype', entity: { id: 'x', keys: ['x'] }, type: 'planet' }])))).toMatch(/^decisions\.learnedNames\[0\]\.type: .*"planet"/);
  });
});
