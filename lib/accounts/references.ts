/**
 * Passages that refer to an entity without naming it, by a definite description of what it is:
 * after a document has named the US–Iraq Strategic Dialogue, "the new talks" and "these talks"
 * are that dialogue; after the Iraqi parliament's vote, "the decision" is that vote. News
 * prose does this constantly, and an account that misses it misses what the document says
 * about the entity in its own words. Only the head nouns of the entity's own names count
 * ("talks", "dialogue", "militias", "decision"), only in a document that names it, and never a
 * head another entity of the same document shares, unless the document's title names one of
 * them: the title says what the document is about. People are left out: "the prime
 * minister" needs more than a head noun. DOM-free.
 */
import type { Span } from './mentions';

/** Heads too general to stand for one entity. */
const GENERIC = new Set([
  'forces', 'force', 'group', 'groups', 'government', 'people', 'state', 'country', 'party', 'movement', 'organization',
  'organisation', 'table', 'units', 'unit', 'council', 'ministry', 'office', 'army', 'city', 'region', 'troops', 'officials',
]);
const PREPOSITION = /^(?:to|of|on|in|for|against|with|by|from|between)$/u;

/** The head noun of a name, when it is a common noun: "US-Iraq strategic talks" → "talks", "decision to withdraw foreign troops" → "decision". */
export function headNoun(name: string): string | null {
  const words = name.split(/\s+/u).filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
  if (!/^\p{Ll}[\p{Ll}-]{3,}$/u.test(head) || GENERIC.has(head)) return null;
  return head;
}

export function headNouns(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((n) => headNoun(n) ?? []));
}

/** Where `text` refers to something by a definite description with one of `heads`: "the new talks", "these talks". */
const regexes = new Map<string, RegExp>();

function referenceRegex(heads: ReadonlySet<string>): RegExp {
  const alternatives = [...heads].sort().join('|'); // heads are lower-case letters and hyphens: nothing to escape
  let re = regexes.get(alternatives);
  if (!re) {
    re = new RegExp(String.raw`\b(?:[Tt]he|[Tt]hese|[Tt]his|[Tt]hose)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}?(?:${alternatives})\b`, 'gu');
    regexes.set(alternatives, re);
  }
  return re;
}

export function definiteReferences(text: string, heads: ReadonlySet<string>): Span[] {
  if (heads.size === 0) return [];
  const re = referenceRegex(heads);
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    // "the talks of Vienna" names other talks.
    if (/^\s+(?:of|in|at)\s+\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface DocumentPassage {
  id: string;
  text: string;
  /** Entities the knowledge base found named in the passage. */
  entities: readonly string[];
}

/**
 * Per entity of the document, the passages that refer to it by a definite description (and do not name it), with where. `headsOf` gives an entity's head
 * nouns (empty for people). Passages in document order.
 */
export function referencesInDocument(
  passages: readonly DocumentPassage[],
  headsOf: (entity: string) => ReadonlySet<string>,
  /** Entities the document's title names: its subject takes a head that others share ("Iran Is Terrified of the June 11 Talks"). */
  subjects: readonly string[] = [],
): Map<string, { passage: string; spans: Span[] }[]> {
  const firstNamed = new Map<string, number>();
  passages.forEach((p, i) => p.entities.forEach((e) => firstNamed.has(e) || firstNamed.set(e, i)));
  // A head two entities of the document share stands for neither.
  const owners = new Map<string, string[]>();
  for (const entity of firstNamed.keys()) for (const h of headsOf(entity)) owners.set(h, [...(owners.get(h) ?? []), entity]);
  const out = new Map<string, { passage: string; spans: Span[] }[]>();
  for (const [entity, first] of firstNamed) {
    const ownsHead = (h: string) => {
      const all = owners.get(h)!;
      if (all.length === 1) return true;
      const titled = all.filter((e) => subjects.includes(e));
      return titled.length === 1 && titled[0] === entity;
    };
    const heads = new Set([...headsOf(entity)].filter(ownsHead));
    if (heads.size === 0) continue;
    // Anywhere in a document that names it: a column may say "these talks" before it names them.
    for (let i = 0; i < passages.length; i++) {
      if (i === first) continue;
      const p = passages[i]!;
      if (p.entities.includes(entity)) continue;
      const spans = definiteReferences(p.text, heads);
      if (spans.length) out.set(entity, [...(out.get(entity) ?? []), { passage: p.id, spans }]);
    }
  }
  return out;
}
