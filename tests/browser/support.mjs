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

/** Fails the check being run with `message` (the script prints it and exits with 1). */
export function fail(message) {
  throw new Error(message);
}

/**
 * The value of the script's `--url` argument; without one, prints `usage` (the whole usage
 * line, e.g. `usage: node theme.mjs --url http://127.0.0.1:PORT/`) and exits with 2.
 */
export function urlArgument(usage) {
  const i = process.argv.indexOf('--url');
  if (i < 0 || !process.argv[i + 1]) {
    console.error(usage);
    process.exit(2);
  }
  return process.argv[i + 1];
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

/**
 * Describes the focused element, following open shadow roots (the widget lives in one): its
 * tag, id, classes, name, type, value, checked state, accessible label and text.
 */
export async function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { description: '(body)', tag: '', classes: [] };
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    for (const cls of el.classList) description += `.${cls}`;
    return {
      description,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      classes: [...el.classList],
      name: el.getAttribute('name') || '',
      type: el.getAttribute('type') || '',
      value: 'value' in el ? el.value : '',
      checked: Boolean(el.checked),
      label: el.getAttribute('aria-label') || '',
      text: (el.textContent || '').trim().slice(0, 80),
      describedby: el.getAttribute('aria-describedby') || '',
      invalid: el.getAttribute('aria-invalid') || '',
    };
  });
}

/**
 * Presses `key` (Tab by default) until `reached(await deepFocus(page))` holds, at most `max`
 * times; returns the focused element's description, or throws an Error naming what focus
 * visited instead.
 */
export async function pressUntil(page, reached, what, { key = 'Tab', max = 60 } = {}) {
  let focused = await deepFocus(page);
  if (reached(focused)) return focused;
  const visited = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    focused = await deepFocus(page);
    visited.push(focused.description);
    if (reached(focused)) return focused;
  }
  throw new Error(`pressing ${key} ${max} times never reached ${what}; focus went to: ${[...new Set(visited)].join(', ')}`);
}

/** axe-core's violations on `page` (loaded first), each as readable lines; empty when none. */
export async function axeViolations(page) {
  if (!(await loadAxe(page))) return ['axe-core did not load into the page'];
  const violations = await page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, AXE_OPTIONS);
  const lines = [];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help}`);
    for (const node of v.nodes) {
      lines.push(`    at ${JSON.stringify(node.target)}`);
      if (node.summary) lines.push(...node.summary.split('\n').map((line) => `      ${line}`));
    }
  }
  return lines;
}
