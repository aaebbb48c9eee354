/**
 * Page recognition: the page's text fingerprint (built from the text the spotter reads chunk by
 * chunk, page-fingerprint.ts) goes to the background, which says whether the page is a corpus
 * document, a copy of one, or from a known outlet; the paragraphs the corpus's accounts quote
 * get a quiet marker (cited-markers.ts). Only pages where Backstory marked something ask: a
 * corpus document or a copy always names the corpus's people, and every other page is spared
 * the message.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Box } from '../../components/card/position';
import type { MatcherEntity } from '../../lib/engine/types';
import type { PageRecognition } from '../../lib/messages';
import { ask } from './background-client';
import { CitedMarkers, type CitedMarker } from './cited-markers';
import { PageFingerprint } from './page-fingerprint';

export interface RecognitionDeps {
  /** Cards loaded before the page was recognised lack "This page": drop them. */
  forgetCards(): void;
  openCard(entity: MatcherEntity, anchor: Box): void;
}

export class Recognition {
  private fingerprint = new PageFingerprint();
  private answer: PageRecognition | null = null;
  private markers: CitedMarkers | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly entities: readonly MatcherEntity[],
    private readonly deps: RecognitionDeps,
  ) {}

  /** The spotter's text of one chunk, as it reads it. */
  addChunkText(root: Element, text: string): void {
    this.fingerprint.add(root, text);
  }

  /** Spotting starts afresh (resumed, a name restored): so does the fingerprint. */
  reset(): void {
    this.fingerprint = new PageFingerprint();
  }

  /** After a scan pass that found mentions: tell the background what the page's text is now. */
  async recognise(): Promise<void> {
    if (this.ctx.isInvalid) return;
    const page = this.fingerprint.takeChanged();
    if (!page) return;
    let answer: PageRecognition | undefined;
    try {
      answer = await ask('page/recognise', page);
    } catch {
      // The background is restarting: cards show the usual accounts; the next rescan asks again.
    }
    // Refused (logged by the background) or unanswered: keep what we had.
    if (!answer || this.ctx.isInvalid) return;
    const before = JSON.stringify(this.answer?.thisPage ?? null);
    this.answer = answer;
    if (JSON.stringify(answer.thisPage) !== before) this.deps.forgetCards();
    await this.markCitedParagraphs(answer);
  }

  /** The corpus changed (a document added or removed): the same text may be another answer now. */
  async recogniseAgain(): Promise<void> {
    this.fingerprint.forgetSent();
    await this.recognise();
  }

  stop(): void {
    void this.markers?.show([]);
  }

  /** Quiet markers beside the page's paragraphs that the accounts quote. */
  private async markCitedParagraphs(recognition: PageRecognition): Promise<void> {
    const entities = new Map(this.entities.map((e) => [e.id, e]));
    const markers: CitedMarker[] = [];
    const marked = new Set<Element>();
    for (const cited of recognition.cited) {
      const element = this.fingerprint.chunkShowing(cited.shingles);
      const entity = cited.entities.map((id) => entities.get(id)).find((e) => e !== undefined);
      // One marker per element: a chunk showing several quoted paragraphs opens the first.
      if (!element || !entity || marked.has(element)) continue;
      marked.add(element);
      markers.push({ element, para: cited.para, entity: { id: entity.id, name: entity.name } });
    }
    if (markers.length === 0 && !this.markers) return;
    this.markers ??= new CitedMarkers(this.ctx, (entity, anchor) => {
      const full = entities.get(entity.id);
      if (full) this.deps.openCard(full, anchor);
    });
    await this.markers.show(markers);
  }
}
