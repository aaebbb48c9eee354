/**
 * Where the save confirmation and the hover note live on the page: one `<backstory-ui>`
 * shadow host of their own, created the first time either is shown (most pages never need it).
 * The drawing is in the page UI, loaded on first need (./page-ui-loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightNoteProps } from '../../components/highlights/HighlightNote';
import type { HighlightToastProps } from '../../components/highlights/HighlightToast';
import type { HighlightsUiState, UiSurface } from './page-ui-contract';
import { loadPageUi } from './page-ui-loader';

export class HighlightUi {
  private ui: Promise<UiSurface<HighlightsUiState>> | null = null;
  private surface: UiSurface<HighlightsUiState> | null = null;
  private toast: HighlightToastProps | null = null;
  private note: HighlightNoteProps | null = null;
  /** A new toast replaces the old one: the key makes Preact start its state afresh. */
  private toastKey = 0;

  constructor(private ctx: ContentScriptContext) {}

  async showToast(props: HighlightToastProps): Promise<void> {
    this.toast = props;
    this.toastKey++;
    if (await this.mounted()) this.render();
  }

  hideToast(): void {
    this.toast = null;
    this.render();
  }

  async showNote(props: HighlightNoteProps): Promise<void> {
    this.note = props;
    if (await this.mounted()) this.render();
  }

  hideNote(): void {
    if (!this.note) return;
    this.note = null;
    this.render();
  }

  /** Start loading the page UI early (the pointer rests on a highlight; its note may follow). */
  preload(): void {
    this.mount().catch(() => undefined);
  }

  /** False when the page UI could not load: there is nowhere to show anything this time. */
  private async mounted(): Promise<boolean> {
    try {
      await this.mount();
      return true;
    } catch (error) {
      console.warn('[backstory]', error);
      return false;
    }
  }

  private mount(): Promise<UiSurface<HighlightsUiState>> {
    this.ui ??= loadPageUi()
      .then((ui) => ui.highlights(this.ctx))
      .then((surface) => (this.surface = surface))
      .catch((error: unknown) => {
        // Not remembered: the next toast or note tries again.
        this.ui = null;
        throw error;
      });
    return this.ui;
  }

  private render(): void {
    this.surface?.render({ toast: this.toast, toastKey: this.toastKey, note: this.note });
  }
}
