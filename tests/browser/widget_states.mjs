// The Wayfinder widget in every state a resident can meet, in headless Chromium, with axe-core
// (WCAG 2.0–2.2 A/AA and best practices) finding zero violations in each: choices, an error,
// offline, a handoff, dark mode, forced colours, 200 % and 400 % zoom, a 320 px wide phone, a
// tall phone (whose dialog must take the height above the launcher), and right-to-left
// (Arabic). At narrow widths it also checks nothing scrolls sideways and every control is at
// least 24 × 24 CSS px.
//
// Usage: node tests/browser/widget_states.mjs --url http://127.0.0.1:PORT/
// Exit status: 0 when every state passes, 1 when one fails (the reason is printed).

import process from 'node:process';

import { chromium } from 'playwright-core';

import { AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, fail, loadAxe, urlArgument } from './support.mjs';

const WAIT_MS = 10_000;

/**
 * Runs axe-core. `skip` lists rules that do not apply in a state: under forced colours the
 * colours are the resident's own system colours, so `color-contrast` measures their theme,
 * not ours (WCAG 1.4.3 leaves user-chosen colours out).
 */
async function axe(page, state, skip = []) {
  if (!(await loadAxe(page))) fail('axe-core did not load into the page');
  const violations = await page.evaluate(
    async ([tags, skipped]) => {
      const rules = Object.fromEntries(skipped.map((id) => [id, { enabled: false }]));
      const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules });
      return results.violations.map(
        (v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    },
    [AXE_TAGS, skip],
  );
  if (violations.length) fail(`axe found ${violations.length} violation(s) ${state}:\n  ${violations.join('\n  ')}`);
  console.log(`  axe (${state}): no violations`);
}

/** Opens the page and the widget, with focus in the question box. */
async function openWidget(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  const launcher = page.locator('button#launcher');
  await launcher.waitFor({ state: 'visible', timeout: WAIT_MS });
  await launcher.click();
  await page.locator('#wf-input').waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Asks `question` and waits for a new bot message (or an error) to appear. */
async function ask(page, question) {
  const before = await page.locator('#wf-log .message').count();
  await page.locator('#wf-input').fill(question);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (n) => {
      const root = document.querySelector('#wayfinder-widget')?.shadowRoot;
      const log = root?.querySelector('#wf-log');
      return log && log.querySelectorAll('.message').length > n + 1;
    },
    before,
    { timeout: WAIT_MS },
  );
}

/** Fails when the page scrolls sideways or a visible widget control is smaller than 24 px. */
async function checkLayout(page, state) {
  const problems = await page.evaluate(() => {
    const found = [];
    const scroller = document.scrollingElement;
    if (scroller.scrollWidth > window.innerWidth + 1) {
      found.push(`the page scrolls sideways (${scroller.scrollWidth} > ${window.innerWidth})`);
    }
    const root = document.querySelector('#wayfinder-widget')?.shadowRoot;
    for (const el of root ? root.querySelectorAll('button, a[href], input, textarea, select') : []) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // Links inside text are exempt from the target size criterion.
      if (el.tagName === 'A' && el.closest('p, li, .answer')) continue;
      if (box.width < 24 || box.height < 24) {
        found.push(`${el.tagName.toLowerCase()}#${el.id || ''}.${el.className} is ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
      }
      if (box.right > window.innerWidth + 1 || box.left < -1) {
        found.push(`${el.tagName.toLowerCase()}#${el.id || ''} sticks out of the viewport`);
      }
    }
    return found;
  });
  if (problems.length) fail(`layout ${state}:\n  ${problems.join('\n  ')}`);
  console.log(`  layout (${state}): ok`);
}

const STATES = [
  {
    name: 'with choices offered',
    async run(page) {
      await ask(page, 'pay');
      const choices = await page.locator('#wf-log .choices button, #wf-log button.choice').count();
      if (choices < 2) fail(`expected choice buttons after "pay", found ${choices}`);
    },
  },
  {
    name: 'with a handoff and its actions',
    async run(page) {
      await ask(page, 'zebrafish aquarium tickets');
    },
  },
  {
    name: 'with an error shown',
    async run(page) {
      await ask(page, 'x'.repeat(1001));
      const alert = await page.evaluate(() => {
        const root = document.querySelector('#wayfinder-widget').shadowRoot;
        return (root.querySelector('#wf-log .message:last-child')?.textContent || '').trim();
      });
      if (!alert) fail('no error message after a too-long question');
    },
  },
  {
    name: 'offline',
    async run(page, context) {
      await context.setOffline(true);
      try {
        await ask(page, 'library hours');
      } finally {
        await context.setOffline(false);
      }
    },
  },
  {
    name: 'in dark mode, settings open',
    media: { colorScheme: 'dark' },
    async run(page) {
      await ask(page, 'library hours');
      await page.locator('#wf-prefs-button').click();
      const help = page.locator('#wf-help');
      await help.waitFor({ state: 'visible', timeout: WAIT_MS });
      const href = await help.getAttribute('href');
      if (!/\/help\?site=riverton&lang=en$/.test(href || '')) {
        fail(`the text-only page link should point to /help?site=riverton&lang=en, found ${JSON.stringify(href)}`);
      }
    },
  },
  {
    name: 'in forced colors',
    media: { forcedColors: 'active' },
    skip: ['color-contrast'],
    async run(page) {
      await ask(page, 'library hours');
    },
  },
  { name: 'at 200 % zoom', viewport: { width: 640, height: 400 }, layout: true, async run(page) { await ask(page, 'library hours'); } },
  { name: 'at 400 % zoom', viewport: { width: 320, height: 256 }, layout: true, async run(page) { await ask(page, 'library hours'); } },
  { name: 'on a 320 px wide phone', viewport: { width: 320, height: 640 }, layout: true, async run(page) { await ask(page, 'pay'); } },
  {
    name: 'on a tall phone (390 × 844)',
    viewport: { width: 390, height: 844 },
    layout: true,
    async run(page) {
      await ask(page, 'pay');
      // The dialog takes the height above the launcher, not a desktop-sized 600 px of it.
      const { top, bottom, launcher } = await page.evaluate(() => {
        const root = document.querySelector('#wayfinder-widget').shadowRoot;
        const panel = root.querySelector('[role=dialog]').getBoundingClientRect();
        return { top: panel.top, bottom: panel.bottom, launcher: root.querySelector('#launcher').getBoundingClientRect().top };
      });
      if (top > 24) fail(`the dialog starts ${top.toFixed(0)} px from the top of a phone screen`);
      if (bottom > launcher) fail(`the dialog (bottom ${bottom.toFixed(0)}) covers the launcher (top ${launcher.toFixed(0)})`);
    },
  },
  {
    name: 'in Arabic, right to left',
    async run(page) {
      await page.locator('#wf-lang-button').click();
      await page.locator('#wf-langs button[data-lang="ar"]').click();
      await page.waitForFunction(
        () => document.querySelector('#wayfinder-widget').shadowRoot.querySelector('#wf-dialog').getAttribute('dir') === 'rtl',
        null,
        { timeout: WAIT_MS },
      ).catch(() => {});
      const dir = await page.evaluate(() =>
        document.querySelector('#wayfinder-widget').shadowRoot.querySelector('#wf-dialog').getAttribute('dir'),
      );
      if (dir !== 'rtl') fail(`the dialog should be dir="rtl" in Arabic, found ${JSON.stringify(dir)}`);
      // What the resident types takes its own direction, whatever the interface's.
      const input = page.locator('#wf-input');
      for (const [text, expected] of [['library hours', 'ltr'], ['متى', 'rtl']]) {
        await input.fill(text);
        const typed = await input.evaluate((el) => getComputedStyle(el).direction);
        if (typed !== expected) {
          fail(`the question box shows ${JSON.stringify(text)} ${typed}, expected ${expected}`);
        }
      }
      await input.fill('');
      await ask(page, 'متى يتم جمع القمامة');
    },
  },
];

async function main() {
  const url = urlArgument('usage: node widget_states.mjs --url http://127.0.0.1:PORT/');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let failed = false;
  try {
    for (const state of STATES) {
      const context = await browser.newContext({
        viewport: state.viewport || { width: 1280, height: 800 },
        locale: 'en-US',
        colorScheme: state.media?.colorScheme || 'light',
        forcedColors: state.media?.forcedColors || 'none',
      });
      const page = await context.newPage();
      try {
        await openWidget(page, url);
        await state.run(page, context);
        await axe(page, state.name, state.skip || []);
        if (state.layout) await checkLayout(page, state.name);
        console.log(`ok: ${state.name}`);
      } catch (error) {
        failed = true;
        console.log(`FAILED: ${state.name}: ${error.message}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (failed) process.exit(1);
  console.log('widget states: ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
