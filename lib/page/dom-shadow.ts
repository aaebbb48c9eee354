/**
 * Reading text inside open shadow roots: web components such as a news site's
 * `<article-body>` keep their prose in a shadow tree the light-DOM walker in dom-page-text.ts
 * never enters. This walks a host's shadow tree in composed (rendered) order: a `<slot>` shows the
 * light-DOM nodes assigned to it, or its own fallback content when none are, so slotted text is
 * read once, where it renders. Light children assigned to no slot are not rendered and not read.
 * Closed shadow roots are out of reach by design (`element.shadowRoot` is null for them).
 *
 * Kept apart from dom-page-text.ts so its hot loop only pays one `shadowRoot` read per element; this
 * module runs only on pages that have shadow hosts.
 */

// Numeric DOM constants: this file also runs under happy-dom in Node, without DOM globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** What the walk reports back to the extractor that owns the text being built. */
export interface ComposedSink {
  text(node: Text): void;
  /** A block element starts or ends: names never run across it. */
  blockBreak(): void;
  /** A `<br>`: a newline a name may run across. */
  lineBreak(): void;
  /** Subtrees not to read (the same rules as in the light DOM). */
  skipped(el: Element): boolean;
  isBlock(el: Element): boolean;
  /** Each open shadow root the walk enters, so the page watcher can observe it. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The element's open shadow root; null for closed roots and ordinary elements. */
export function openShadowRoot(el: Element): ShadowRoot | null {
  return el.shadowRoot;
}

/** Read the shadow tree of `host` (whose own skip and block checks the caller already did). */
export function walkShadowRoot(root: ShadowRoot, sink: ComposedSink): void {
  sink.onShadowRoot?.(root);
  walkChildren(root, sink);
}

function walkChildren(parent: Node, sink: ComposedSink): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) walkNode(child, sink);
}

function walkNode(node: Node, sink: ComposedSink): void {
  if (node.nodeType === TEXT_NODE) {
    sink.text(node as Text);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  if (sink.skipped(el)) return;
  if (el.localName === 'br') {
    sink.lineBreak();
    return;
  }
  const block = sink.isBlock(el);
  if (block) sink.blockBreak();
  const shadow = openShadowRoot(el);
  if (shadow) {
    // A nested component: its rendered content is its own shadow tree, a block of its own.
    sink.blockBreak();
    walkShadowRoot(shadow, sink);
    sink.blockBreak();
  } else if (el.localName === 'slot') {
    walkSlot(el as HTMLSlotElement, sink);
  } else {
    walkChildren(el, sink);
  }
  if (block) sink.blockBreak();
}

function walkSlot(slot: HTMLSlotElement, sink: ComposedSink): void {
  const assigned = typeof slot.assignedNodes === 'function' ? slot.assignedNodes() : [];
  if (assigned.length === 0) {
    walkChildren(slot, sink);
    return;
  }
  // A slot assigned another slot (a component inside a component) is resolved by walkNode.
  for (const node of assigned) walkNode(node, sink);
}
