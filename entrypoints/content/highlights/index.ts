/**
 * Saved highlights on this page, drawn whether or not spotting is on for the site: load this
 * page's highlights and anchor them (anchors.ts), draw them (drawing.ts), report orphans
 * (orphans.ts), save new ones (saving.ts), and show a highlight's note on hover (hover-note.ts).
 * Costs a page with no highlights one message and nothing else.
 */
import { ask } from '../background-client';
import type { Feature, PageParts } from '../page-parts';
import { HighlightAnchors } from './anchors';
import { drawHighlights, eraseHighlights, revealHighlight } from './drawing';
import { HoverNote } from './hover-note';
import { OrphanReport } from './orphans';
import { canonicalUrl, HighlightSaver } from './saving';
import { HighlightUi } from './ui';

export type HighlightsFeature = Feature<'highlights/save-selection' | 'highlights/reveal' | 'highlights/refresh'> & {
  /** The card's Save: the sentence around a mention. */
  saveAround(mention: AbstractRange): boolean;
};

export function initHighlights(page: PageParts): HighlightsFeature {
  const ui = new HighlightUi(page.ctx);
  const orphans = new OrphanReport(page.timers, () => ({ ids: anchors.highlights.map((r) => r.id), anchored: anchors.anchored }));
  const note = new HoverNote(page, ui, (id) => void remove(id));
  const anchors: HighlightAnchors = new HighlightAnchors(page, () => {
    drawHighlights(anchors.anchored.values());
    note.update(anchors.anchored);
    orphans.update();
  });
  const saver = new HighlightSaver(page.ctx, ui, {
    onSaved: (row) => void anchors.add(row),
    onNote: (id, text) => {
      const row = anchors.highlights.find((r) => r.id === id);
      if (row) row.note = text;
    },
  });

  /** Fetch this page's highlights and draw them; the background may ask to reveal one. */
  const load = async () => {
    const answer = await ask('highlights/for-page', { url: location.href, canonicalUrl: canonicalUrl() }).catch(() => null);
    if (!answer || page.ctx.isInvalid) return;
    await anchors.replace(answer.highlights);
    if (answer.reveal) reveal(answer.reveal);
  };
  const reveal = (id: string) => {
    const anchored = anchors.anchored.get(id);
    return anchored !== undefined && revealHighlight(anchored, (fn, ms) => page.timers.setTimeout(fn, ms));
  };
  const remove = async (id: string) => {
    const answer = await ask('highlights/remove', { id }).catch(() => undefined);
    if (!answer?.ok) return;
    orphans.forget(id);
    anchors.remove(id);
  };

  void load();
  return {
    saveAround: (mention) => saver.saveAround(mention),
    answers: {
      'highlights/save-selection': () => ({ ok: saver.saveSelection() }),
      'highlights/reveal': ({ id }) => ({ ok: reveal(id) }),
      'highlights/refresh': async () => {
        await load();
        return { ok: true as const };
      },
    },
    teardown: () => {
      anchors.stop();
      note.stop();
      orphans.stop();
      saver.stop();
      eraseHighlights();
    },
  };
}
