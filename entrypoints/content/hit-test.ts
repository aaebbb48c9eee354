/**
 * What text is under the pointer: the caret position at the point (a text node and an offset),
 * which the pointer tracker looks up in its layers' text indexes. Never `highlightsFromPoint`
 * and never the rectangles of every range: both grow with the number of marks (PERFORMANCE.md).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

type DocumentWithCaret = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The caret at a point. Without `shadowRoots` a caret in a shadow tree is retargeted to its
 * host's parent; the roots listed are looked into (Chromium ≥ 128, Firefox ≥ 129; engines
 * that ignore the option give the retargeted caret, which holds no mention).
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): CaretPoint | null {
  const d = doc as DocumentWithCaret;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The caret at a point when it is in text (a text node and an offset), or null. Off page text,
 * the point may be on a web component's: only then is it hit-tested for the shadow roots under
 * it, so pages without components pay nothing more.
 */
export function textCaretAt(doc: Document, x: number, y: number): { node: Text; offset: number } | null {
  let caret = caretAt(doc, x, y);
  if (caret && caret.node.nodeType !== Node.TEXT_NODE) {
    const roots = openShadowRootsAt(doc, x, y);
    if (roots.length > 0) caret = caretAt(doc, x, y, roots);
  }
  return caret && caret.node.nodeType === Node.TEXT_NODE ? { node: caret.node as Text, offset: caret.offset } : null;
}

/** The open shadow roots under a point, outermost first (nested components included). */
export function openShadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el?.shadowRoot && !roots.includes(el.shadowRoot)) {
    const root = el.shadowRoot;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}
