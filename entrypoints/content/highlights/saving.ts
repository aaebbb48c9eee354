/**
 * Saving a highlight: the reader's selection (context menu, keyboard command) or the sentence
 * around a mention (the card's Save), described by its quote, context and position in the
 * page's selectable text, sent to the background, and confirmed by a toast that takes a note
 * — or says why it was not saved and keeps the highlight for Retry.
 *
 * A passage across paragraphs keeps the BLOCK_BREAK between them, so it is stored, exported and
 * shown as paragraphs. The card's Save keeps one sentence of the mention's own block: a heading
 * or a paragraph with no full stop is not run into the next.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describe } from '../../../lib/highlights/selectors';
import { sentenceAround } from '../../../lib/highlights/sentence';
import type { HighlightDraft } from '../../../lib/messages';
import { blockAround } from '../../../lib/page/blocks';
import { isOwnUi, OWN_UI_TAG } from '../../../lib/page/dom-elements';
import { rangeOffsets, type PageText } from '../../../lib/page/dom-page-text';
import type { HighlightRow } from '../../../lib/storage/types';
import { ask } from '../background-client';
import { highlightText } from './anchors';
import type { HighlightUi } from './ui';

/** The longest quote a highlight keeps (the background refuses longer). */
const MAX_QUOTE = 20_000;
const TOAST_MS = 8000;

type ToastProps = Parameters<HighlightUi['showToast']>[0];

export interface SavingDeps {
  /** Saved: the background's row (a passage saved before answers the existing highlight). */
  onSaved(row: HighlightRow): void;
  /** A note typed in the toast, already sent to the background. */
  onNote(id: string, note: string): void;
}

export class HighlightSaver {
  private toastTimer = 0;
  private toastBusy = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly ui: HighlightUi,
    private readonly deps: SavingDeps,
  ) {}

  /** Context menu / keyboard command: save what the reader selected. */
  saveSelection(): boolean {
    // The toast follows whatever happens: load the page UI while the selection is read and saved.
    this.ui.preload();
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (!range || range.collapsed || insideOwnUi(range.commonAncestorContainer)) {
      this.fail('select some text on the page first.');
      return false;
    }
    const page = highlightText();
    const offsets = rangeOffsets(page, range);
    const trimmed = offsets && trim(page.text, offsets);
    if (!trimmed || trimmed.end <= trimmed.start) {
      this.fail('this part of the page holds no text Backstory can keep (a form field or a graphic).');
      return false;
    }
    void this.save(page, trimmed);
    return true;
  }

  /** The card's Save: the sentence around the mention, inside the mention's block. */
  saveAround(mention: AbstractRange): boolean {
    this.ui.preload();
    const page = highlightText();
    const offsets = rangeOffsets(page, mention);
    if (!offsets) return false;
    const block = blockAround(page.text, offsets.start, offsets.end);
    const sentence = sentenceAround(page.text.slice(block.start, block.end), offsets.start - block.start, offsets.end - block.start);
    void this.save(page, { start: block.start + sentence.start, end: block.start + sentence.end });
    return true;
  }

  stop(): void {
    clearTimeout(this.toastTimer);
  }

  private async save(page: PageText, { start, end }: { start: number; end: number }): Promise<void> {
    if (end <= start) return;
    if (end - start > MAX_QUOTE) {
      this.fail('the selection is too long for one highlight.');
      return;
    }
    const { quote, position } = describe(page.text, start, end);
    await this.send({
      url: location.href,
      canonicalUrl: canonicalUrl(),
      title: document.title.slice(0, 2000),
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      note: '',
    });
  }

  /** Send a draft; on failure the toast keeps it, and Retry sends it again. */
  private async send(draft: HighlightDraft): Promise<void> {
    const result = await ask('highlights/save', draft).catch(() => undefined);
    if (this.ctx.isInvalid) return;
    if (!result || !result.ok) {
      const error = result ? result.error : 'Backstory is not responding; try again in a moment.';
      const canRetry = result ? result.retry : true;
      await this.ui.showToast(this.toastProps({ kind: 'failed', quote: draft.quote, error, canRetry }, () => void this.send(draft)));
      return;
    }
    const row = result.highlight;
    this.deps.onSaved(row);
    await this.ui.showToast(this.toastProps({ kind: 'saved', quote: row.quote, note: '' }, undefined, row.id));
  }

  private fail(error: string): void {
    void this.ui.showToast(this.toastProps({ kind: 'failed', quote: '', error, canRetry: false }));
  }

  private toastProps(state: ToastProps['state'], retry?: () => void, id?: string): ToastProps {
    this.scheduleToastClose();
    return {
      state,
      onNote: (note) => {
        if (!id) return;
        void ask('highlights/note', { id, note }).catch(() => undefined);
        this.deps.onNote(id, note);
        this.scheduleToastClose();
      },
      onRetry: () => retry?.(),
      onClose: () => this.ui.hideToast(),
      onBusy: (busy) => {
        this.toastBusy = busy;
        if (!busy) this.scheduleToastClose();
      },
    };
  }

  private scheduleToastClose(): void {
    clearTimeout(this.toastTimer);
    this.toastTimer = this.ctx.setTimeout(() => {
      if (!this.toastBusy) this.ui.hideToast();
    }, TOAST_MS);
  }
}

/** The page's canonical address when it declares one (highlights follow an article, not a tracking URL). */
export function canonicalUrl(): string {
  const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  const href = link?.href;
  if (href && /^https?:\/\//i.test(href)) return href;
  return location.href.split('#')[0]!;
}

function insideOwnUi(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return !!el?.closest(OWN_UI_TAG) || (el !== null && isOwnUi(el));
}

/** Leading and trailing white space (and breaks) of a selection is not part of what the reader meant. */
function trim(text: string, { start, end }: { start: number; end: number }) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
