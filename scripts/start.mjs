#!/usr/bin/env node
/**
 * `npm start`: build Backstory and open Chromium with it on a demo news article.
 *
 * 1. `npm run corpus` if the knowledge base (data/kb.json) has not been built yet;
 * 2. `wxt build` → .output/chrome-mv3;
 * 3. serve test/pages/ on 127.0.0.1 and open demo.html in Chromium with the extension loaded,
 *    until the browser is closed.
 * Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY) it renders the demo headless
 * with a card open, saves a screenshot and says how to load the extension by hand.
 *
 * The browser plumbing is the e2e harness's (test/e2e/harness.ts), loaded through tsx, so the
 * demo and the tests start the extension the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line = '') => console.log(line);

function run(command, args) {
  say(`\n> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\n\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const manualLoad = (extensionDir) => [
  'To try Backstory in your own Chrome or Chromium:',
  '  1. open chrome://extensions and switch on "Developer mode" (top right);',
  `  2. click "Load unpacked" and choose ${extensionDir};`,
  '  3. open any http(s) news page and rest the pointer on a marked name (file:// pages are not scanned).',
];

const harness = await tsImport('../test/e2e/harness.ts', import.meta.url);
const demo = await tsImport('../test/e2e/demo-page.ts', import.meta.url);
const extensionDir = relative(process.cwd(), harness.EXTENSION_DIR) || harness.EXTENSION_DIR;

if (!existsSync(join(root, 'data', 'kb.json'))) run('npm', ['run', 'corpus']);
run(join(root, 'node_modules', '.bin', 'wxt'), ['build']);

const browserPath = harness.findChromium();
if (!browserPath) {
  say('\nBackstory is built, but no Chromium or Chrome was found to open it in.');
  say('Install one, then run `npm start` again:');
  say('  Debian/Ubuntu: sudo apt-get install chromium');
  say('  Fedora:        sudo dnf install chromium');
  say('  macOS:         brew install --cask chromium   (or install Google Chrome)');
  say('  anywhere:      set CHROMIUM_PATH=/path/to/chrome if it is installed somewhere unusual.');
  say();
  for (const line of manualLoad(extensionDir)) say(line);
  process.exit(1);
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (noDisplay) await headlessDemo();
else await openForTheReader();

/** With a screen: a real window on the demo page, open until the reader closes the browser. */
async function openForTheReader() {
  let session;
  try {
    session = await harness.launchWithExtension({ headless: false, viewport: null });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nCould not open ${browserPath}: ${message.split('\n')[0]}`);
    if (/Missing X server|cannot open display/i.test(message)) {
      console.error(`The display "${process.env.DISPLAY}" cannot be opened. Unset DISPLAY for the headless demo instead.`);
    }
    say();
    for (const line of manualLoad(extensionDir)) say(line);
    process.exit(1);
  }
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  const url = `${session.pages.origin}/${demo.DEMO_PAGE}`;
  await page.goto(url);
  say(`\nBackstory is running in ${browserPath} on ${url}`);
  say('Rest the pointer on a marked name to see its card; the toolbar puzzle icon has the popup (pin it).');
  say('Close the browser window to stop.');
  const stop = async () => {
    await session.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  session.context.once('close', stop);
}

/** Without a screen: show that it works with a screenshot, and how to load it by hand. */
async function headlessDemo() {
  say('\nNo display here (Linux without DISPLAY or WAYLAND_DISPLAY), so no browser window can open.');
  say('Rendering the demo page headless instead, with a card open.');
  const session = await harness.launchWithExtension({ headless: true });
  let cardOpened = false;
  let shot;
  try {
    const page = await harness.openTestPage(session, demo.DEMO_PAGE);
    await harness.waitForMentions(page);
    await harness.hoverText(page, demo.DEMO_HOVER.text);
    cardOpened = await harness
      .card(page)
      .waitFor({ state: 'visible', timeout: 5_000 })
      .then(() => true, () => false);
    // Let the card's entrance transition finish, so the picture shows it as a reader sees it.
    await page.waitForTimeout(400);
    shot = await harness.saveScreenshot(page, 'start-demo.png');
  } catch (error) {
    console.error(`\nThe headless demo did not complete: ${error instanceof Error ? error.message : error}`);
  } finally {
    await session.close();
  }
  say();
  if (shot) say(`Screenshot: ${shot}${cardOpened ? '' : ' (the card did not open: see the page as rendered)'}`);
  say();
  for (const line of manualLoad(extensionDir)) say(line);
  process.exit(shot && cardOpened ? 0 : 1);
}
