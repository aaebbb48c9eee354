/**
 * Painting highlights inside shadow trees. A `::highlight()` rule styles only ranges
 * in its own tree, so the page-level mentions.css (injected through the manifest) leaves ranges
 * in a web component's shadow tree unpainted. Each open shadow root that gets a mark adopts one
 * constructed sheet with the same rules, appended after the component's own sheets, never
 * replacing them. Roots without marks are left alone. (Saved highlights anchor in the
 * page's light DOM only, so their rules are not needed here yet.)
 */
import mentionsCss from './mentions.css?inline';

let sheet: CSSStyleSheet | null = null;
const styled = new WeakSet<ShadowRoot>();

/** Make sure the tree holding `node` paints Backstory's highlights (a no-op in the page itself). */
export function styleTreeOf(node: Node): void {
  const root = node.getRootNode();
  if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || !('host' in root) || styled.has(root as ShadowRoot)) return;
  const shadow = root as ShadowRoot;
  styled.add(shadow);
  try {
    sheet ??= makeSheet();
    adopt(shadow, sheet);
  } catch {
    // No constructable stylesheets: the marks stay spotted and hoverable, just unpainted.
  }
}

function adopt(shadow: ShadowRoot, added: CSSStyleSheet): void {
  try {
    // push() keeps the component's own sheets and their order in place.
    shadow.adoptedStyleSheets.push(added);
  } catch {
    // Engines (or content-script wrappers) whose array only takes a whole new one.
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, added];
  }
}

function makeSheet(): CSSStyleSheet {
  const made = new CSSStyleSheet();
  made.replaceSync(mentionsCss);
  return made;
}
