/**
 * Backstory on one page: the page's shared parts (one MutationObserver, one pointer tracker)
 * and the features wired on them — saved highlights, drawn whether or not spotting is on for the
 * site, and mentions, whose card saves through the highlights. Each feature's `init` returns its
 * teardown and its answers to the extension's messages; everything is owned by `ctx`, so an
 * extension reload or update leaves nothing behind on the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { initHighlights } from './highlights';
import { listenToExtension } from './inbox';
import { initMentions } from './mentions';
import { pageParts } from './page-parts';

export function startSession(ctx: ContentScriptContext): void {
  const page = pageParts(ctx);
  const highlights = initHighlights(page);
  const mentions = initMentions(page, { saveAround: (mention) => highlights.saveAround(mention) });
  listenToExtension(ctx, { ...highlights.answers, ...mentions.answers });
  ctx.onInvalidated(() => {
    mentions.teardown();
    highlights.teardown();
    page.watcher.stop();
  });
}
