/**
 * The builder's thread: a dedicated Worker, so that extracting, learning names and computing
 * contrasts never hold up a card's answer, the popup or *Your documents* (measured: an
 * extension page's long task delays every other extension page in Chrome, and Firefox's event
 * page shares its thread with them; a Worker has its own). Chrome's offscreen document creates it
 * (a service worker cannot), Firefox's event page directly (entrypoints/background/builder-host.ts).
 *
 * It opens the same IndexedDB database as the background (same origin) and is its one writer;
 * it has no `browser.*`, so it asks the background for the source registry and the reader's
 * reviews (lib/builder-thread).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { messageTask } from '../../lib/builder-thread/message-task';
import { postTargetPort, type PostTarget } from '../../lib/builder-thread/port';
import { serveBuilder } from '../../lib/builder-thread/server';
import { shippedBuilder } from './builder';

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as PostTarget & { location: Location };
  serveBuilder(postTargetPort(scope), shippedBuilder(scope.location.href, messageTask()));
});
