/**
 * Where the save confirmation and the hover note live on the page: one `<backstory-ui>`
 * shadow host of their own, created the first time either is shown (most pages never need it).
 * The drawing is in the page UI, loaded on first need (../page-ui-loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightNoteProps } from '../../../components/highlights/HighlightNote';
import type { HighlightToastProps } from '../../../components/highlights/HighlightToast';
import type { HighlightsUiState } from '../page-ui-contract';
import { LazySurface } from '../page-ui-loader';

export class HighlightUi {
  private readonly surface: LazySurface<HighlightsUiState>;
  private toast: HighlightToastProps | null = null;
  private note: HighlightNoteProps | null = null;
  /** A new toast replaces the old one: the key makes Preact start its state afresh. */
  private toastKey = 0;

  constructor(ctx: ContentScriptContext) {
    this.surface = new LazySurface((ui) => ui.highlights(ctx));
  }

  /** The shadow host the toast and note render in (the pointer over it keeps the note open). */
  isHost(target: EventTarget | null): boolean {
    return this.surface.isHost(target);
  }

  async showToast(props: HighlightToastProps): Promise<void> {
    this.toast = props;
    this.toastKey++;
    if (await this.surface.mount()) this.render();
  }

  hideToast(): void {
    this.toast = null;
    this.render();
  }

  async showNote(props: HighlightNoteProps): Promise<void> {
    this.note = props;
    if (await this.surface.mount()) this.render();
  }

  hideNote(): void {
    if (!this.note) return;
    this.note = null;
    this.render();
  }

  /** Start loading the page UI early (the pointer rests on a highlight; its note may follow). */
  preload(): void {
    this.surface.preload();
  }

  private render(): void {
    this.surface.current?.render({ toast: this.toast, toastKey: this.toastKey, note: this.note });
  }
}
