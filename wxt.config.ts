import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { preactNoHtmlSink } from './scripts/build/preact-no-html-sink';
import { readabilityNoHtmlSink } from './scripts/build/readability-no-html-sink';

// Backstory's build. Chrome MV3 by default, Firefox MV3 with `-b firefox`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Context while you read the news: who is who, and how outlets disagree about them. Everything stays on your device.',
    // storage: settings and suppressed names; contextMenus: "Save highlight to Backstory" and
    // "Add this page to Backstory"; offscreen (Chrome): the document that hosts the builder's
    // Worker, which a service worker cannot create (no install warning);
    // host access to http(s) pages comes from the content script's matches; scripting: the page
    // UI (card, toast, markers) is injected into a frame on first need (no extra install warning).
    permissions: ['storage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The same origins as the content script's matches, declared so that they can be checked
    // and requested (permissions.contains/request): Firefox MV3 may install without them and
    // the onboarding page asks for them (lib/platform.ts). Chrome grants them at install, as
    // it already did for the matches, so this adds no new access there.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show the Backstory card for the next name after the cursor',
      },
      // Saved highlights.
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text as a Backstory highlight',
      },
      // Alt+Shift+D(ocument): Alt+Shift+A is Chrome's "focus inactive dialogs" (Windows, Linux);
      // Alt+Shift+D is no shortcut of Chrome's or Firefox's.
      'add-page': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Add the page you are reading to Backstory',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.local',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // the background reads the starter pack when it installs or restores it
    // (entrypoints/background/shipped-corpus.ts) instead of evaluating it, inlined in its
    // bundle, at every service-worker start.
    'build:publicAssets': (wxt, files) => {
      for (const name of ['starter-pack']) {
        files.push({ absoluteSrc: resolve(wxt.config.root, 'data', `${name}.json`), relativeDest: `data/${name}.json` });
      }
    },
  },
  vite: () => ({
    // No innerHTML sink in the bundles (Preact's and Readability's): web-ext lint stays clean.
    plugins: [preactNoHtmlSink(), readabilityNoHtmlSink()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: {
      alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    },
    build: {
      target: 'es2022',
      // lib/ is DOM-free engine code with no import-time effects and no getters read for their
      // effect, so a bundle keeps only what it uses of it: the content script imports the message
      // tables, and would otherwise keep every schema the extension pages' messages reach (corpus
      // packs, learned names), about 3.5 kB gz of its 30 kB budget. Schema helpers that build on
      // valibot are marked @__NO_SIDE_EFFECTS__ for the same reason.
      rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]lib[\\/][^?]*\.ts$/.test(id), propertyReadSideEffects: false } },
    },
  }),
});
