/**
 * Where the save confirmation and the hover note live on the page: one `<backstory-ui>`
 * shadow host of their own, created the first time either is shown (most pages never need it).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HighlightNote, type HighlightNoteProps } from '../../components/highlights/HighlightNote';
import { HighlightToast, type HighlightToastProps } from '../../components/highlights/HighlightToast';
import css from '../../components/highlights/highlights-ui.css?inline';
import { OWN_UI_TAG } from './chunks';

export class HighlightUi {
  private ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private container: HTMLElement | null = null;
  private toast: HighlightToastProps | null = null;
  private note: HighlightNoteProps | null = null;
  /** A new toast replaces the old one: the key makes Preact start its state afresh. */
  private toastKey = 0;

  constructor(private ctx: ContentScriptContext) {}

  async showToast(props: HighlightToastProps): Promise<void> {
    this.toast = props;
    this.toastKey++;
    await this.mount();
    this.render();
  }

  hideToast(): void {
    this.toast = null;
    this.render();
  }

  async showNote(props: HighlightNoteProps): Promise<void> {
    this.note = props;
    await this.mount();
    this.render();
  }

  hideNote(): void {
    if (!this.note) return;
    this.note = null;
    this.render();
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: OWN_UI_TAG,
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css,
      onMount: (container) => {
        this.container = container;
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
        this.container = null;
      },
    }).then((ui) => {
      ui.mount();
      return ui;
    });
    return this.ui;
  }

  private render(): void {
    if (!this.container) return;
    render(
      <>
        {this.toast && <HighlightToast key={this.toastKey} {...this.toast} />}
        {this.note && <HighlightNote {...this.note} />}
      </>,
      this.container,
    );
  }
}
