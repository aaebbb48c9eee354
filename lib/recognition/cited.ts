/**
 * Which paragraphs of a recognised page the corpus's accounts quote: when the page is
 * document D, the passage of D that the knowledge base puts first in an entity's account (the
 * one a card would quote for D) is the page's own sentence set against the other documents.
 * Only that lead passage counts, and only for people, organisations and events that documents
 * of at least two perspectives describe (a contrast exists): nearly every paragraph of a
 * document has *some* passage in some account (places like Iraq or Washington lead everywhere),
 * and a marker beside every paragraph would not be quiet. The reader can go from such a paragraph
 * to that contrast. (Curated contrasts, data/gazetteer/contrasts.json, will add to
 * these; today the knowledge base's account passages are what cites a paragraph.)
 */
import type { KnowledgeBase } from '../kb/types';

export interface CitedParagraph {
  /** 1-based paragraph of the document. */
  para: number;
  /** Entities whose account quotes it, in knowledge-base order. */
  entities: string[];
}

/** Paragraphs of `doc` quoted by an account, limited to `carried` (those the page shows). */
export function citedParagraphs(
  kb: Pick<KnowledgeBase, 'entities' | 'passages'>,
  doc: string,
  carried: readonly number[],
): CitedParagraph[] {
  const onPage = new Set(carried);
  const paraOf = new Map(kb.passages.filter((p) => p.doc === doc).map((p) => [p.id, p.para]));
  const byPara = new Map<number, string[]>();
  for (const entity of kb.entities) {
    if (entity.type === 'place' || new Set(entity.accounts.map((a) => a.perspective)).size < 2) continue;
    for (const account of entity.accounts) {
      if (account.doc !== doc) continue;
      const lead = account.passages[0];
      const para = lead === undefined ? undefined : paraOf.get(lead);
      if (para === undefined || !onPage.has(para)) continue;
      const list = byPara.get(para) ?? [];
      if (!list.includes(entity.id)) list.push(entity.id);
      byPara.set(para, list);
    }
  }
  return [...byPara].sort(([a], [b]) => a - b).map(([para, entities]) => ({ para, entities }));
}
