/**
 * Mentions on this page, the part every page boots: asks the background for the token gate and
 * the site's settings, and while the gate (name-gate.ts) says the page names nobody Backstory
 * knows, does nothing more than wait for a change of the page's that may bring a name. Once it
 * may, the matcher is asked for and, at the same time, the spotting (page-mentions.ts: the
 * spotter, the marks, the card) is loaded with the spotting pipeline (`pipeline/load`), so a page
 * naming nobody never parses that code. A paused Backstory costs the page one small message.
 */
import { TokenGate } from '../../lib/engine/token-gate';
import type { TokenGateData } from '../../lib/engine/types';
import type { ContentToBackground, Response, SiteSettings } from '../../lib/messages';
import { ask } from './background-client';
import { injectedScript } from './injected-script';
import type { MentionsState, PageMentions } from './page-mentions';
import type { Feature, PageParts, Teardown } from './page-parts';
import { whenPageMayName } from './name-gate';
import { registeredPipeline } from './pipeline-contract';

export type MentionsFeature = Feature<'page/mentions' | 'page/reveal' | 'settings/changed' | 'card/open-at-caret' | 'page/site' | 'kb/changed'>;

const loadSpotting = injectedScript('pipeline/load', registeredPipeline, 'Backstory could not load its spotting on this page');

export function initMentions(page: PageParts, deps: { saveAround(mention: AbstractRange): boolean }): MentionsFeature {
  const mentions = new Mentions(page, deps);
  void mentions.boot();
  return {
    answers: {
      'page/mentions': () => mentions.spotting?.counts() ?? [],
      'page/reveal': ({ entity, index }) => ({ ok: mentions.spotting?.reveal(entity, index) ?? false }),
      'settings/changed': async ({ settings }) => {
        await mentions.applySettings(settings);
        return { ok: true as const };
      },
      'card/open-at-caret': () => ({ ok: mentions.spotting?.openAtCaret() ?? false }),
      // "This site" in the popup's settings is the page's own host.
      'page/site': () => ({ host: location.hostname }),
      'kb/changed': async ({ matcherChanged }) => {
        await mentions.knowledgeChanged(matcherChanged);
        return { ok: true as const };
      },
    },
    teardown: () => mentions.stop(),
  };
}

class Mentions {
  private gate: TokenGate | null = null;
  private gateData: TokenGateData | null = null;
  /** Stops waiting for the page to name someone; null while not waiting. */
  private stopWaiting: Teardown | null = null;
  /** The spotting, once loaded (the gate let the page through once). */
  spotting: PageMentions | null = null;
  private readonly state: MentionsState;

  constructor(
    private readonly page: PageParts,
    deps: { saveAround(mention: AbstractRange): boolean },
  ) {
    this.state = { settings: { enabled: false, suppressed: [] }, saveAround: (mention) => deps.saveAround(mention) };
  }

  async boot(): Promise<void> {
    const answer = await this.ask('gate/get');
    if (!answer || this.page.ctx.isInvalid) return;
    this.state.settings = answer.settings;
    this.gateData = answer.gate;
    if (answer.settings.enabled) this.startWhenNamed();
  }

  /** Spot once the page may name someone (at once, or after a change of the page's). */
  private startWhenNamed(): void {
    if (!this.gateData) return;
    this.gate ??= new TokenGate(this.gateData);
    this.stopWaiting?.();
    this.stopWaiting = whenPageMayName(this.gate, this.page.watcher, () => {
      this.stopWaiting = null;
      void this.startSpotting();
    });
  }

  private async startSpotting(): Promise<void> {
    // The matcher is asked for while the spotting loads; the spotting waits for it only if it
    // has none unpacked yet.
    let matcher: Promise<MatcherAnswer | null> | null = null;
    const askMatcher = () => (matcher ??= this.ask('matcher/get'));
    if (!this.spotting) {
      void askMatcher();
      let pipeline;
      try {
        pipeline = await loadSpotting();
      } catch (error) {
        // The background may be restarting: the next change of settings or names tries again.
        console.warn('[backstory]', error);
        return;
      }
      if (this.page.ctx.isInvalid) return;
      this.spotting ??= new pipeline.PageMentions(this.page, this.state);
    }
    await this.spotting.startSpotting(askMatcher);
  }

  stop(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
    this.spotting?.stop();
  }

  async applySettings(settings: SiteSettings): Promise<void> {
    const before = this.state.settings;
    this.state.settings = settings;
    if (!settings.enabled) {
      this.stop();
      return;
    }
    const spotting = this.spotting?.isSpotting ? this.spotting : null;
    const restored = before.suppressed.some((id) => !settings.suppressed.includes(id));
    if (!spotting || restored) {
      // Resuming, or a name is no longer suppressed: its mentions were never kept, scan afresh.
      this.stop();
      if (spotting) await this.startSpotting();
      else this.startWhenNamed();
      return;
    }
    spotting.suppress(settings.suppressed);
  }

  /**
   * A document was added or removed, or the names changed: cached cards are stale; new names
   * mean a new gate, and the new matcher only if the page may name one of them; either way the
   * page may now be (or no longer be) one of the corpus's documents.
   */
  async knowledgeChanged(matcherChanged: boolean): Promise<void> {
    this.spotting?.forgetCards();
    if (!matcherChanged) {
      await this.spotting?.recogniseAgain();
      return;
    }
    const answer = await this.ask('gate/get');
    if (!answer || this.page.ctx.isInvalid) return;
    this.stop();
    this.spotting?.forgetMatcher();
    this.gate = null;
    this.gateData = answer.gate;
    this.state.settings = answer.settings;
    if (answer.settings.enabled) this.startWhenNamed();
  }

  /** The gate or the matcher, with this site's settings; one retry while the worker starts. */
  private async ask<K extends 'gate/get' | 'matcher/get'>(type: K): Promise<Response<ContentToBackground, K> | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // Both take the page's url; the table types each answer.
        return (await ask(type as 'gate/get', { url: location.href })) as Response<ContentToBackground, K>;
      } catch {
        // The background's service worker may still be starting; one retry, then give up quietly.
        await new Promise((resolve) => this.page.timers.setTimeout(() => resolve(null), 1000));
      }
    }
    return null;
  }
}

type MatcherAnswer = Response<ContentToBackground, 'matcher/get'>;
