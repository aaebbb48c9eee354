/**
 * Backstory's content script, on every http(s) page. Boot stays small: the dictionary arrives
 * by message from the background (nothing from `data/` is bundled here) and is only unpacked
 * when spotting is on for this site.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import './mentions.css';
import './highlights.css';
import { startSession } from './session';
import { shouldRunInThisFrame } from './frames';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // mentions.css goes into the manifest (page CSP cannot block it); the card's CSS is inlined
  // into its shadow root, so WXT never fetches a stylesheet from the page.
  cssInjectionMode: 'manifest',
  // Same-origin iframes are read too; frames.ts keeps cross-origin ones out.
  allFrames: true,
  main(ctx) {
    if (!shouldRunInThisFrame()) return;
    startSession(ctx);
  },
});
