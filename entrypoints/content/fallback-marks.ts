/**
 * Marks for browsers without the CSS Custom Highlight API: each mention's text is wrapped in
 * `<mark data-backstory-mention>`. This changes the page's DOM (and costs a relayout), so it
 * is only the fallback; `clear()` unwraps and normalises the parents, leaving the page's text
 * as it was. Our own DOM writes run through `quietly` so the page observer ignores them.
 */
import { styleTreeOf } from './shadow-styles';
import type { Timers } from '../../lib/page/hover-intent';
import type { MentionMarks } from './marks';
import type { Segment } from '../../lib/page/dom-page-text';
import type { SpottedMention } from './spotted';

const FLASH_MS = 1600;

export class FallbackMarks implements MentionMarks {
  private marksOf = new Map<SpottedMention, HTMLElement[]>();
  private flashTimer = 0;

  constructor(
    private timers: Timers,
    private quietly: (write: () => void) => void = (write) => write(),
  ) {}

  add(mentions: readonly SpottedMention[]): void {
    if (mentions.length === 0) return;
    this.quietly(() => {
      // Wrap from the end of each text node backwards: splitting a node keeps its head, so
      // the offsets of earlier segments in the same node stay valid.
      const byNode = new Map<Text, { mention: SpottedMention; segment: Segment }[]>();
      for (const mention of mentions) {
        for (const segment of mention.segments) {
          const list = byNode.get(segment.node) ?? [];
          list.push({ mention, segment });
          byNode.set(segment.node, list);
        }
      }
      const wrapped = new Map<SpottedMention, HTMLElement[]>();
      for (const work of byNode.values()) {
        work.sort((a, b) => b.segment.from - a.segment.from);
        // Marks in a web component's shadow tree need the mark rules adopted there.
        if (work[0]) styleTreeOf(work[0].segment.node);
        for (const { mention, segment } of work) {
          const mark = wrap(segment, mention.entity.id);
          if (!mark) continue;
          const list = wrapped.get(mention) ?? [];
          list.push(mark);
          wrapped.set(mention, list);
        }
      }
      for (const [mention, marks] of wrapped) {
        marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
        this.marksOf.set(mention, marks);
        rebase(mention, marks);
      }
    });
  }

  remove(mentions: readonly SpottedMention[]): void {
    const marks = mentions.flatMap((m) => {
      const list = this.marksOf.get(m) ?? [];
      this.marksOf.delete(m);
      return list;
    });
    if (marks.length) this.quietly(() => unwrapAll(marks));
  }

  clear(): void {
    const marks = [...this.marksOf.values()].flat();
    this.marksOf.clear();
    if (marks.length) this.quietly(() => unwrapAll(marks));
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  flash(mention: SpottedMention): void {
    const marks = this.marksOf.get(mention) ?? [];
    this.quietly(() => marks.forEach((m) => m.setAttribute('data-backstory-flash', '')));
    this.timers.clearTimeout(this.flashTimer);
    this.flashTimer = this.timers.setTimeout(
      () => this.quietly(() => marks.forEach((m) => m.removeAttribute('data-backstory-flash'))),
      FLASH_MS,
    );
  }
}

function wrap({ node, from, to }: Segment, entity: string): HTMLElement | null {
  const parent = node.parentNode;
  if (!parent || from >= to || to > node.length) return null;
  if (to < node.length) node.splitText(to);
  const target = from > 0 ? node.splitText(from) : node;
  const mark = document.createElement('mark');
  mark.setAttribute('data-backstory-mention', entity);
  parent.insertBefore(mark, target);
  mark.appendChild(target);
  return mark;
}

/** After wrapping, the mention's text lives in new nodes: point its range and segments there. */
function rebase(mention: SpottedMention, marks: HTMLElement[]): void {
  const segments: Segment[] = [];
  for (const mark of marks) {
    const text = mark.firstChild;
    if (text instanceof Text) segments.push({ node: text, from: 0, to: text.length });
  }
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return;
  mention.segments = segments;
  mention.range = new StaticRange({
    startContainer: first.node,
    startOffset: 0,
    endContainer: last.node,
    endOffset: last.to,
  });
}

function unwrapAll(marks: readonly HTMLElement[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  // Merge the text nodes wrapping split apart, so the page sees the nodes it had.
  for (const parent of parents) parent.normalize();
}
