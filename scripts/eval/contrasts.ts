/**
 * Automatic contrasts and disagreements of fact, measured against the curated ones of
 * `data/gazetteer/contrasts.json`, which are withheld: the knowledge base is rebuilt without
 * them and the automatic ones are computed from its accounts alone.
 *
 * Scoring, exactly:
 * - Positions and claims are compared by where their quotes lie in the document: the same
 *   document, the same paragraph, and character ranges that intersect (quotes located with the
 *   builder's own `findQuote`, whitespace and quote marks folded).
 * - A curated contrast is *recovered* when, for at least one entity it names, one of that
 *   entity's top two automatic contrasts sets against each other two positions that match two
 *   different positions of the curated contrast.
 * - A curated disagreement is *found* when some automatic disagreement has two claims with
 *   different values that match two different claims of the curated one.
 * Goal: ≥ 80 % of the curated contrasts recovered, and both disagreements found.
 */
import { knowledgeBaseContrasts } from '../../lib/contrasts/from-kb';
import type { AutoContrast, AutoDisagreement } from '../../lib/contrasts/types';
import type { Matcher } from '../../lib/engine/matcher';
import { buildKnowledgeBase, type CorpusInput } from '../../lib/kb/build';
import { buildContrasts, findQuote } from '../../lib/kb/contrasts';
import type { Contrast, FactDisagreement, KbDocument, KnowledgeBase } from '../../lib/kb/types';

export const TOP_PER_ENTITY = 2;

interface Located {
  doc: string;
  para: number;
  start: number;
  end: number;
}

function locateQuote(docs: ReadonlyMap<string, KbDocument>, doc: string, quote: string): Located | null {
  const d = docs.get(doc);
  const at = d ? findQuote(d.paragraphs, quote) : null;
  return at ? { doc, para: at.para, start: at.start, end: at.end } : null;
}

/** Same document, same paragraph, intersecting characters. */
function sameQuote(a: Located | null, b: Located | null): boolean {
  return !!a && !!b && a.doc === b.doc && a.para === b.para && a.start < b.end && b.start < a.end;
}

export interface ContrastScore {
  id: string;
  recovered: boolean;
  /** The automatic contrast that recovers it: entity, its rank among the entity's contrasts, the documents. */
  via?: { entity: string; rank: number; docs: [string, string] };
}

export interface DisagreementScore {
  id: string;
  found: boolean;
  via?: { id: string; values: string[] };
}

export interface ContrastsEvaluation {
  contrasts: ContrastScore[];
  recall: number;
  disagreements: DisagreementScore[];
  /** Automatic contrasts and disagreements over the whole corpus. */
  automatic: { contrasts: number; entities: number; disagreements: number };
}

/** The knowledge base as `npm run corpus` builds it, without the curated contrasts. */
export function withheldKnowledgeBase(input: CorpusInput): KnowledgeBase {
  const { contrasts: _withheld, ...rest } = input;
  const built = buildKnowledgeBase(rest);
  if (!built.kb) throw new Error(`the knowledge base does not build: ${built.report.errors.map((e) => e.message).join('; ')}`);
  return built.kb;
}

export function evaluateContrasts(input: CorpusInput, matcher: Matcher): ContrastsEvaluation {
  const kb = withheldKnowledgeBase(input);
  const docs = new Map(kb.documents.map((d) => [d.id, d]));
  if (!input.contrasts) throw new Error('no curated contrasts to measure against');
  const curated = buildContrasts(input.contrasts, kb.documents, new Set(kb.entities.map((e) => e.id)));
  const found = knowledgeBaseContrasts(kb, matcher, TOP_PER_ENTITY);
  const automatic = new Map([...found.byEntity].map(([id, c]) => [id, c.automatic]));
  const disagreements = found.disagreements;

  const contrasts = curated.contrasts.map((c) => scoreContrast(c, automatic, docs));
  const scoredDisagreements = curated.disagreements.map((d) => scoreDisagreement(d, disagreements, docs));
  return {
    contrasts,
    recall: contrasts.filter((c) => c.recovered).length / Math.max(1, contrasts.length),
    disagreements: scoredDisagreements,
    automatic: {
      contrasts: [...automatic.values()].reduce((n, l) => n + l.length, 0),
      entities: [...automatic.values()].filter((l) => l.length > 0).length,
      disagreements: disagreements.length,
    },
  };
}

function scoreContrast(c: Contrast, automatic: ReadonlyMap<string, AutoContrast[]>, docs: ReadonlyMap<string, KbDocument>): ContrastScore {
  const curated = c.positions.map((p) => locateQuote(docs, p.doc, p.quote));
  for (const entity of c.entities) {
    const list = automatic.get(entity) ?? [];
    for (const [rank, auto] of list.slice(0, TOP_PER_ENTITY).entries()) {
      const [x, y] = auto.positions.map((p) => locateQuote(docs, p.doc, p.quote));
      const matches = (l: Located | null) => curated.flatMap((k, i) => (sameQuote(l, k) ? [i] : []));
      const mx = matches(x!);
      const my = matches(y!);
      if (mx.some((i) => my.some((j) => j !== i))) {
        return { id: c.id, recovered: true, via: { entity, rank: rank + 1, docs: [auto.positions[0].doc, auto.positions[1].doc] } };
      }
    }
  }
  return { id: c.id, recovered: false };
}

function scoreDisagreement(d: FactDisagreement, automatic: readonly AutoDisagreement[], docs: ReadonlyMap<string, KbDocument>): DisagreementScore {
  const curated = d.claims.map((c) => locateQuote(docs, c.doc, c.quote));
  for (const auto of automatic) {
    const claims = auto.claims.map((c) => ({ at: locateQuote(docs, c.doc, c.quote), value: c.normalised }));
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        if (claims[i]!.value === claims[j]!.value) continue;
        const mi = curated.flatMap((k, n) => (sameQuote(claims[i]!.at, k) ? [n] : []));
        const mj = curated.flatMap((k, n) => (sameQuote(claims[j]!.at, k) ? [n] : []));
        if (mi.some((a) => mj.some((b) => a !== b))) return { id: d.id, found: true, via: { id: auto.id, values: auto.claims.map((c) => c.value) } };
      }
    }
  }
  return { id: d.id, found: false };
}

export function formatContrastsEvaluation(e: ContrastsEvaluation): string {
  const lines = [
    `Automatic contrasts vs the curated ones (contrasts.json withheld; top ${TOP_PER_ENTITY} per entity, same documents and overlapping quotes)`,
  ];
  for (const c of e.contrasts) {
    lines.push(`  ${c.recovered ? 'recovered' : 'missed   '}  ${c.id.padEnd(28)} ${c.via ? `via ${c.via.entity} #${c.via.rank}: ${c.via.docs.join(' vs ')}` : ''}`);
  }
  const recovered = e.contrasts.filter((c) => c.recovered).length;
  lines.push(`  recovered ${recovered} of ${e.contrasts.length} = ${(e.recall * 100).toFixed(0)} % (goal ≥ 80 %)`);
  lines.push('Automatic disagreements of fact vs the curated ones (two matching claims with different values)');
  for (const d of e.disagreements) {
    lines.push(`  ${d.found ? 'found ' : 'missed'}  ${d.id.padEnd(28)} ${d.via ? `${d.via.id}: ${d.via.values.join(' / ')}` : ''}`);
  }
  lines.push(`  found ${e.disagreements.filter((d) => d.found).length} of ${e.disagreements.length} (goal: both)`);
  lines.push(`Over the corpus: ${e.automatic.contrasts} automatic contrasts for ${e.automatic.entities} entities, ${e.automatic.disagreements} disagreements of fact`);
  return lines.join('\n');
}
