/**
 * How much a sentence says about the entity it mentions, so that an account (what one document
 * says about an entity) opens with the passages that characterise it rather than the ones that
 * merely name it.
 *
 * Surface patterns around the mention, no parser: good enough to rank a few passages per
 * document, and easy to explain when a curator asks why a quote was chosen. The patterns are
 * exported because lib/accounts cuts the characterising phrase itself out with the same ones.
 */

export const Characterisation = {
  /** Named in passing: "the withdrawal of US troops from Iraq". */
  Bare: 0,
  /** The subject of an action: "Khamenei ordered ...", "the PMU played a role ...". */
  Subject: 1,
  /** Speaks, or carries a title: "Kayhan added: ...", "Iraqi Prime Minister Mustafa al-Kazemi". */
  SpeaksOrTitled: 2,
  /** Described: "X is/was/has been ...", "X, the former director of ...", "known as X". */
  Described: 3,
} as const;
export type Characterisation = (typeof Characterisation)[keyof typeof Characterisation];

/** An optional bracketed abbreviation or a short parenthetical between the name and what follows. */
const ASIDE = String.raw`(?:\s*\([^)]{0,40}\))?`;
export const APPOSITIVE = new RegExp(
  String.raw`^${ASIDE}\s*,\s*(?:the|a|an|one of|former|then|now|once|who|whose|which|also|head of|leader of|commander of)\b`,
  'iu',
);
/** An inserted clause may sit between the name and its verb: "Al-Kazemi, the new prime minister, has said". */
const CLAUSE = String.raw`(?:\s*,[^,]{0,100},)?`;
export const COPULA = new RegExp(
  String.raw`^${ASIDE}${CLAUSE}\s+(?:(?:has|have|had)\s+(?:been|become)|is|was|are|were|remains|remained|became|becomes|seems|appears)\b`,
  'iu',
);
export const NAMED_AS = /\b(?:known as|called|named|dubbed|described as|labelled|labeled)\s+(?:the\s+)?$/iu;
const SAYING_VERBS = String.raw`(?:said|says|stated|declared|announced|noted|added|wrote|stressed|told|warned|claimed|denounced|insisted|argued|vowed|reported|asserted|emphasi[sz]ed|accused|called)`;
export const SAYS = new RegExp(String.raw`^${ASIDE}${CLAUSE}\s+(?:(?:has|have|had|also|then|publicly)\s+)*${SAYING_VERBS}\b`, 'iu');
export const SAID_BY = new RegExp(String.raw`\b(?:${SAYING_VERBS}|according to)\s+(?:the\s+)?$`, 'iu');
export const TITLE_BEFORE =
  /\b(?:president|minister|premier|leader|general|commander|speaker|secretary|director|envoy|representative|ambassador|chief|head|ayatollah|spokes(?:man|woman|person)|cleric)(?:\s+of\s+\p{Lu}\p{L}*)?\s+$/iu;
const AUXILIARY = String.raw`(?:has|have|had|will|would|can|could|may|might|must|should|did|does|do|also|then|now|still|never)`;
export const ACTS = new RegExp(String.raw`^${ASIDE}\s+(?:${AUXILIARY}\s+)*(?:${AUXILIARY}\b|\p{Ll}+ed\b)`, 'u');
/** After these the name is an object, not the actor: "missile forces from Iran attacked". */
export const PREPOSITION_BEFORE = /\b(?:of|in|from|to|with|by|for|on|at|into|against|over|between|about|towards?|through|under)\s+(?:the\s+)?$/iu;
export const POSSESSIVE_AFTER = /^['’]s?\b/u;

/**
 * Scores the mention `sentence.slice(start, end)` of an entity in its sentence.
 */
export function characterise(sentence: string, start: number, end: number): Characterisation {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  if (POSSESSIVE_AFTER.test(after)) return Characterisation.Bare;
  // After a preposition the name is inside another phrase: what follows is about that phrase.
  const headOfPhrase = !PREPOSITION_BEFORE.test(before);
  if (APPOSITIVE.test(after) || (headOfPhrase && COPULA.test(after)) || NAMED_AS.test(before)) return Characterisation.Described;
  if (SAYS.test(after) || SAID_BY.test(before) || TITLE_BEFORE.test(before)) return Characterisation.SpeaksOrTitled;
  if (headOfPhrase && ACTS.test(after)) return Characterisation.Subject;
  return Characterisation.Bare;
}

export interface ScoredPassage {
  id: string;
  /** Position in the document, for a stable order among equals. */
  order: number;
  score: Characterisation;
}

/** Most characterising first; equals keep the document's order. */
export function rankPassages(passages: readonly ScoredPassage[]): string[] {
  return [...passages].sort((a, b) => b.score - a.score || a.order - b.order).map((p) => p.id);
}
