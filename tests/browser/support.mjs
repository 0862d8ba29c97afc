// What every browser test shares: the Chromium to run and its flags, axe-core's rules, loading
// axe into a page under a strict CSP, and polling for a condition.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);

/** Debian's Chromium unless CHROMIUM says otherwise. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags for headless runs on CI machines and sandboxes. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** WCAG 2.0–2.2 A and AA, plus axe's best practices: zero violations required everywhere. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe.run options for [`AXE_TAGS`]. */
export const AXE_OPTIONS = { runOnly: { type: 'tag', values: AXE_TAGS } };

/**
 * Loads axe-core into `page` by evaluating its source (a script tag would be blocked by the
 * page's CSP); returns whether `window.axe` is there.
 */
export async function loadAxe(page) {
  if (await page.evaluate(() => typeof window.axe !== 'undefined')) return true;
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(() => typeof window.axe !== 'undefined');
}

/** Polls `check` (an async function returning a truthy value when satisfied) for `ms`. */
export async function waitUntil(check, ms = 10_000, interval = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
