/**
 * Deciding what to rescan after the page changed: the scan chunks that hold the changes, new
 * subtrees added above any chunk, and a sweep for chunks that left the page. A burst of more
 * than BURST_RECORDS records rescans the changes' common ancestor once instead
 * (PERFORMANCE.md: one rescan is cheaper than a thousand small ones).
 */
export const BURST_RECORDS = 1000;

/** The parts of a MutationRecord the plan reads (tests build these by hand). */
export interface ChangeRecord {
  type: string;
  target: Node;
  addedNodes: ArrayLike<Node>;
  removedNodes: ArrayLike<Node>;
}

export interface RescanPlan {
  /** Roots to rescan: their old chunks are dropped, then they are split and scanned afresh. */
  roots: Element[];
  /** Some chunks may have left the page: drop those whose root is disconnected. */
  sweep: boolean;
}

export interface PlanContext {
  /** Is this element the root of a chunk scanned earlier? */
  isChunk(el: Element): boolean;
  /** Changes here never matter: Backstory's own UI, scripts, styles. */
  isIgnored(el: Element): boolean;
}

export function planRescan(records: readonly ChangeRecord[], context: PlanContext): RescanPlan {
  const relevant = records.map(asHostChange).filter((r) => !ownChange(r, context));
  if (relevant.length === 0) return { roots: [], sweep: false };

  if (relevant.length > BURST_RECORDS) {
    const root = commonAncestor(relevant.map((r) => r.target));
    const chunk = root && closestChunk(root, context);
    return { roots: chunk ? [chunk] : root ? [root] : [], sweep: true };
  }

  const roots = new Set<Element>();
  let sweep = false;
  for (const record of relevant) {
    const el = elementOf(record.target);
    if (!el || !el.isConnected) {
      sweep = true;
      continue;
    }
    const chunk = closestChunk(el, context);
    if (chunk) {
      // Additions and removals inside a chunk are the chunk's business: rescanning it covers both.
      roots.add(chunk);
      continue;
    }
    // Above every chunk (the body, a list of articles): new content becomes new roots, and the
    // parent itself when it now holds text of its own.
    if (record.type === 'characterData') roots.add(el);
    for (const node of Array.from(record.addedNodes)) {
      if (node instanceof Element) {
        if (!context.isIgnored(node) && node.isConnected) roots.add(node);
      } else if (node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '') {
        roots.add(el);
      }
    }
    if (record.removedNodes.length > 0) sweep = true;
  }
  return { roots: outermost(roots), sweep };
}

/**
 * A change inside an open shadow tree is a change to the text of its outermost host
 * in the page: scan chunks never start inside shadow trees (a host is read whole), so that
 * host's chunk, or the host itself, is what to rescan, and a rescan drops what left.
 */
function asHostChange(record: ChangeRecord): ChangeRecord {
  let root = record.target.getRootNode();
  if (!isShadowRoot(root)) return record;
  let host: Element = root.host;
  for (root = host.getRootNode(); isShadowRoot(root); root = host.getRootNode()) host = root.host;
  return { type: 'characterData', target: host, addedNodes: [], removedNodes: [] };
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (node as ShadowRoot).host instanceof Element;
}

function ownChange(record: ChangeRecord, context: PlanContext): boolean {
  const el = elementOf(record.target);
  if (el && insideIgnored(el, context)) return true;
  if (record.type !== 'childList') return false;
  // Our UI host being added to or removed from the body.
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && context.isIgnored(n));
}

function insideIgnored(el: Element, context: PlanContext): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (context.isIgnored(e)) return true;
  return false;
}

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

function closestChunk(el: Element, context: PlanContext): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (context.isChunk(e)) return e;
  return null;
}

/** Drop roots inside other roots: rescanning the outer one covers them. */
function outermost(roots: Set<Element>): Element[] {
  return [...roots].filter((root) => {
    for (let e = root.parentElement; e; e = e.parentElement) if (roots.has(e)) return false;
    return true;
  });
}

export function commonAncestor(nodes: readonly Node[]): Element | null {
  let common: Element | null = null;
  for (const node of nodes) {
    const el = elementOf(node);
    if (!el || !el.isConnected) continue;
    if (!common) common = el;
    while (common && !common.contains(el)) common = common.parentElement;
    if (!common) return null;
  }
  return common;
}
