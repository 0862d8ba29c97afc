// Keyboard-only walk through the Wayfinder widget in headless Chromium, with axe-core
// accessibility checks in every state.
//
// Usage: node tests/browser/widget_flow.mjs --url http://127.0.0.1:PORT/
//
// Environment:
//   CHROMIUM             Chromium executable (default /usr/bin/chromium)
//   WAYFINDER_ARTIFACTS  folder for screenshots (written on failure, and of the open widget)
//
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed), 2 on bad usage.

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { AXE_OPTIONS, CHROMIUM, CHROMIUM_ARGS, loadAxe, waitUntil } from './support.mjs';


const ARTIFACTS = process.env.WAYFINDER_ARTIFACTS || '';
/** Longest wait for the widget to show something (loading the wasm, answering). */
const WAIT_MS = 10_000;
/** Longest the whole flow may take before it is reported as hung. */
const TOTAL_MS = 120_000;
const MAX_TABS = 60;

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

const EN_QUESTION = 'when is trash picked up';
const ES_QUESTION = '¿cómo pago mi factura de agua?';

/** A failed expectation: its message is the reason printed for the step. */
class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  let url = '';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--url') {
      url = argv[i + 1] || '';
      i += 1;
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (arg === '--help' || arg === '-h') {
      return { help: true };
    } else {
      return { error: `unknown argument: ${arg}` };
    }
  }
  if (!url) {
    return { error: 'missing --url' };
  }
  try {
    new URL(url);
  } catch {
    return { error: `not a URL: ${url}` };
  }
  return { url };
}

// ---- helpers running in the page ------------------------------------------------------------

/**
 * Describes the deep active element (following open shadow roots): which element has focus,
 * and whether it is the launcher or the text input of the widget.
 */
async function deepActive(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      el = el.shadowRoot.activeElement;
    }
    if (!el) {
      return { description: '(nothing)', id: '', inWidget: false, dataLang: null };
    }
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const inWidget = Boolean(host && host.id === 'wayfinder-widget');
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    for (const cls of el.classList) description += `.${cls}`;
    if (host) description = `${host.tagName.toLowerCase()}#${host.id} >> ${description}`;
    return { description, id: el.id, inWidget, dataLang: el.getAttribute('data-lang') };
  });
}

async function expectFocusOn(page, id, what) {
  const ok = await waitUntil(async () => {
    const active = await deepActive(page);
    return active.inWidget && active.id === id;
  }, 5_000);
  if (!ok) {
    const active = await deepActive(page);
    fail(`expected focus on ${what} (#${id} in the widget), but it is on ${active.description}`);
  }
}

async function launcherExpanded(page) {
  return page.locator('button#launcher').getAttribute('aria-expanded');
}

async function expectExpanded(page, expected) {
  const ok = await waitUntil(async () => (await launcherExpanded(page)) === expected, 5_000);
  if (!ok) {
    fail(
      `expected aria-expanded="${expected}" on the launcher, found ` +
        `${JSON.stringify(await launcherExpanded(page))}`,
    );
  }
}

/** Injects axe-core (without a script tag, so a strict page CSP does not block it). */
async function injectAxe(page) {
  if (!(await loadAxe(page))) fail('axe-core did not load into the page');
}

async function expectNoAxeViolations(page, state) {
  await injectAxe(page);
  const violations = await page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, AXE_OPTIONS);
  if (violations.length === 0) {
    console.log(`  axe (${state}): no violations`);
    return;
  }
  const lines = [`axe found ${violations.length} violation(s) ${state}:`];
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`      at ${JSON.stringify(node.target)}`);
      if (node.summary) {
        lines.push(...node.summary.split('\n').map((line) => `        ${line}`));
      }
    }
  }
  fail(lines.join('\n'));
}

async function botMessageCount(page) {
  return page.locator('#wf-log .message.bot').count();
}

/** Describes the newest bot message for checks and failure messages. */
async function lastBotMessage(page) {
  return page.locator('#wf-log .message.bot').last().evaluate((el) => {
    const source = el.querySelector('a.source');
    const reviewed = el.querySelector('time.reviewed');
    return {
      lang: el.getAttribute('lang'),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300),
      sourceHref: source ? source.getAttribute('href') : null,
      reviewedDatetime: reviewed ? reviewed.getAttribute('datetime') : null,
      hasReviewed: Boolean(reviewed),
    };
  });
}

function primaryLanguage(tag) {
  return (tag || '').toLowerCase().split('-')[0];
}

/** Types `question` into the focused input, presses Enter and waits for a new bot message. */
async function ask(page, question) {
  await expectFocusOn(page, 'wf-input', 'the text input');
  const value = await page.locator('#wf-input').inputValue();
  if (value !== '') {
    fail(`expected an empty #wf-input before typing, it holds ${JSON.stringify(value)}`);
  }
  const before = await botMessageCount(page);
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  const after = await waitUntil(async () => (await botMessageCount(page)) > before);
  if (!after) {
    fail(
      `no new .message.bot appeared in #wf-log within ${WAIT_MS / 1000} s after asking ` +
        `${JSON.stringify(question)} (bot messages: ${before} before, ` +
        `${await botMessageCount(page)} now)`,
    );
  }
  const user = await page
    .locator('#wf-log .message.user')
    .last()
    .evaluate((el) => ({ lang: el.getAttribute('lang'), text: el.textContent || '' }))
    .catch(() => null);
  if (!user || !user.text.includes(question)) {
    fail(`the transcript shows no .message.user with the question ${JSON.stringify(question)}`);
  }
  if (!user.lang) {
    fail(`the user message ${JSON.stringify(question)} has no lang attribute`);
  }
  return lastBotMessage(page);
}

function expectAnswer(message, lang, question) {
  const shown = JSON.stringify(message.text);
  if (primaryLanguage(message.lang) !== lang) {
    fail(
      `expected lang="${lang}" on the answer to ${JSON.stringify(question)}, found ` +
        `lang=${JSON.stringify(message.lang)} (message: ${shown})`,
    );
  }
  if (message.sourceHref === null) {
    fail(`the answer to ${JSON.stringify(question)} has no a.source link (message: ${shown})`);
  }
  if (!message.sourceHref.startsWith('https://')) {
    fail(
      `the a.source link of the answer to ${JSON.stringify(question)} should start with ` +
        `https://, it is ${JSON.stringify(message.sourceHref)}`,
    );
  }
}

// ---- the flow -------------------------------------------------------------------------------

async function flow(page, url, step) {
  await step('1. page loads, launcher visible, no axe violations', async () => {
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load' });
    } catch (error) {
      fail(`cannot load ${url}: ${error.message.split('\n')[0]}`);
    }
    if (!response) fail(`no response loading ${url}`);
    if (!response.ok()) fail(`loading ${url} answered HTTP ${response.status()}`);
    try {
      await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
    } catch {
      const host = await page.locator('#wayfinder-widget').count();
      fail(
        host === 0
          ? `no <div id="wayfinder-widget"> appeared within ${WAIT_MS / 1000} s (did ` +
              '/widget/widget.js load?)'
          : `#wayfinder-widget exists but its button#launcher is not visible within ` +
              `${WAIT_MS / 1000} s`,
      );
    }
    const launcher = await page.locator('button#launcher').evaluate((el) => ({
      haspopup: el.getAttribute('aria-haspopup'),
      expanded: el.getAttribute('aria-expanded'),
      shadowOpen: el.getRootNode() instanceof ShadowRoot,
    }));
    if (!launcher.shadowOpen) fail('the launcher is not inside the widget\'s open shadow root');
    if (launcher.haspopup !== 'dialog') {
      fail(`expected aria-haspopup="dialog" on the launcher, found ${JSON.stringify(launcher.haspopup)}`);
    }
    if (launcher.expanded !== 'false') {
      fail(`expected aria-expanded="false" on the closed launcher, found ${JSON.stringify(launcher.expanded)}`);
    }
    await expectNoAxeViolations(page, 'with the widget closed');
  });

  await step('2. Tab reaches the launcher, Enter opens the dialog', async () => {
    let reached = false;
    let active = await deepActive(page);
    const visited = [];
    for (let i = 0; i < MAX_TABS && !reached; i += 1) {
      await page.keyboard.press('Tab');
      active = await deepActive(page);
      visited.push(active.description);
      reached = active.inWidget && active.id === 'launcher';
    }
    if (!reached) {
      fail(
        `pressing Tab ${MAX_TABS} times never focused the launcher; focus went to: ` +
          `${[...new Set(visited)].join(', ')}`,
      );
    }
    await page.keyboard.press('Enter');
    try {
      await page.locator('#wf-dialog').waitFor({ state: 'visible', timeout: WAIT_MS });
    } catch {
      fail(`#wf-dialog did not become visible within ${WAIT_MS / 1000} s after Enter on the launcher`);
    }
    const dialog = await page.locator('#wf-dialog').evaluate((el) => ({
      role: el.getAttribute('role'),
      labelledby: el.getAttribute('aria-labelledby') || '',
      title: (el.getRootNode().getElementById('wf-title') || {}).textContent || '',
    }));
    if (dialog.role !== 'dialog') fail(`#wf-dialog has role=${JSON.stringify(dialog.role)}, expected "dialog"`);
    if (!dialog.labelledby.split(/\s+/).includes('wf-title')) {
      fail(`#wf-dialog should be aria-labelledby="wf-title", found ${JSON.stringify(dialog.labelledby)}`);
    }
    if (!dialog.title.trim()) fail('the dialog heading #wf-title is missing or empty');
    await expectExpanded(page, 'true');
    await expectFocusOn(page, 'wf-input', 'the text input');
  });

  await step('2b. Enter or Escape taken by an input method sends nothing and closes nothing', async () => {
    // With a Chinese, Japanese or Korean keyboard, Enter picks the characters being
    // composed. Chromium marks that keydown isComposing; Safari has ended the composition
    // already and only gives the key code 229. The widget's handlers run during
    // dispatchEvent, so a question sent by mistake would be on screen when it returns.
    await page.keyboard.type('library');
    const outcomes = await page.locator('#wf-input').evaluate((input) => {
      const log = input.getRootNode().getElementById('wf-log');
      const dialog = input.getRootNode().getElementById('wf-dialog');
      const results = [];
      for (const [key, init] of [
        ['Enter', { isComposing: true }],
        ['Enter', { keyCode: 229 }],
        ['Escape', { isComposing: true }],
        ['Escape', { keyCode: 229 }],
      ]) {
        const event = new KeyboardEvent('keydown', {
          key, bubbles: true, cancelable: true, composed: true, ...init,
        });
        input.dispatchEvent(event);
        results.push({
          key,
          init: JSON.stringify(init),
          keyCode: event.keyCode,
          value: input.value,
          users: log.querySelectorAll('.message.user').length,
          open: !dialog.hidden,
        });
      }
      return results;
    });
    for (const o of outcomes) {
      if (o.init.includes('229') && o.keyCode !== 229) {
        fail(`the browser did not keep keyCode 229 on a synthetic keydown (got ${o.keyCode})`);
      }
      if (o.value !== 'library' || o.users !== 0) {
        fail(
          `${o.key} with ${o.init} acted on the question: the input holds ${JSON.stringify(o.value)}, ` +
            `${o.users} question(s) in the transcript`,
        );
      }
      if (!o.open) fail(`${o.key} with ${o.init} closed the dialog`);
    }
    for (let i = 0; i < 'library'.length; i += 1) await page.keyboard.press('Backspace');
    if ((await page.locator('#wf-input').inputValue()) !== '') fail('could not empty #wf-input again');
  });

  await step('3. English question gets a sourced, announced answer', async () => {
    const message = await ask(page, EN_QUESTION);
    expectAnswer(message, 'en', EN_QUESTION);
    if (!message.hasReviewed) {
      fail(`the answer to ${JSON.stringify(EN_QUESTION)} has no time.reviewed (message: ${JSON.stringify(message.text)})`);
    }
    if (!message.reviewedDatetime) {
      fail('the time.reviewed of the answer has no datetime attribute');
    }
    const announcer = page.locator('#wf-announcer');
    if ((await announcer.count()) !== 1) fail('there is no #wf-announcer live region');
    const live = await announcer.getAttribute('aria-live');
    if (live !== 'polite') fail(`#wf-announcer should have aria-live="polite", found ${JSON.stringify(live)}`);
    const announced = await waitUntil(
      async () => ((await announcer.textContent()) || '').trim(),
      5_000,
    );
    if (!announced) fail('#wf-announcer stayed empty: the new answer was not announced');
    console.log(`  announced: ${JSON.stringify(announced.slice(0, 120))}`);
    await expectNoAxeViolations(page, 'with an answer shown');
  });

  await step('4. Spanish question gets a Spanish answer', async () => {
    const message = await ask(page, ES_QUESTION);
    expectAnswer(message, 'es', ES_QUESTION);
    await screenshot(page, 'widget-flow-open.png');
  });

  await step('5. Escape closes the dialog and returns focus to the launcher', async () => {
    await page.keyboard.press('Escape');
    try {
      await page.locator('#wf-dialog').waitFor({ state: 'hidden', timeout: 5_000 });
    } catch {
      fail('#wf-dialog is still visible after Escape');
    }
    await expectExpanded(page, 'false');
    await expectFocusOn(page, 'launcher', 'the launcher');
    await expectNoAxeViolations(page, 'after closing the widget');
  });

  await step('6. reopened dialog: the language menu opens from the keyboard', async () => {
    await page.keyboard.press('Enter');
    try {
      await page.locator('#wf-dialog').waitFor({ state: 'visible', timeout: 5_000 });
    } catch {
      fail('#wf-dialog did not open again after Enter on the launcher');
    }
    await expectFocusOn(page, 'wf-input', 'the text input');
    await tabUntil(
      page,
      'Shift+Tab',
      (active) => active.inWidget && active.id === 'wf-lang-button',
      'the language button #wf-lang-button',
    );
    // The UI follows the language of the last reply until the resident picks one.
    const uiLang = await page.locator('#wf-dialog').getAttribute('lang');
    const label = await page.locator('#wf-lang-button').evaluate((el) => {
      const root = el.getRootNode();
      const parts = (el.getAttribute('aria-labelledby') || '')
        .split(/\s+/)
        .map((id) => ((root.getElementById(id) || {}).textContent || '').trim());
      const current = el.parentElement.parentElement.querySelector('#wf-langs [aria-current="true"]');
      return { parts, current: current ? current.textContent : null };
    });
    const expected = [localeText(uiLang, 'language-button'), label.current];
    if (!label.current || JSON.stringify(label.parts) !== JSON.stringify(expected)) {
      fail(
        `the language button should be named ${JSON.stringify(expected.join(' '))} (UI language ` +
          `${uiLang}), it is ${JSON.stringify(label.parts.join(' '))}`,
      );
    }
    await page.keyboard.press('Enter');
    await expectDisclosure(page, 'wf-lang-button', 'wf-langs', true);
    await page.keyboard.press('Escape');
    await expectDisclosure(page, 'wf-lang-button', 'wf-langs', false);
    if (!(await page.locator('#wf-dialog').isVisible())) {
      fail('the first Escape should close only the language menu, but it closed the dialog');
    }
    await expectFocusOn(page, 'wf-lang-button', 'the language button after Escape');
    await page.keyboard.press('Enter');
    await expectDisclosure(page, 'wf-lang-button', 'wf-langs', true);
    const items = await page.locator('#wf-langs button[data-lang]').evaluateAll((buttons) =>
      buttons.map((b) => ({ tag: b.dataset.lang, lang: b.getAttribute('lang'), dir: b.getAttribute('dir') })),
    );
    if (items.length !== 12) fail(`expected 12 languages in #wf-langs, found ${items.length}`);
    const unmarked = items.filter((item) => item.lang !== item.tag);
    if (unmarked.length) fail(`language items without their own lang: ${JSON.stringify(unmarked)}`);
    const arabic = items.find((item) => item.tag === 'ar');
    if (!arabic || arabic.dir !== 'rtl') fail(`the Arabic item should have dir="rtl": ${JSON.stringify(arabic)}`);
    await expectNoAxeViolations(page, 'with the language menu open');
  });

  await step('7. choosing Español switches the dialog to Spanish', async () => {
    await tabUntil(
      page,
      'Tab',
      (active) => active.inWidget && active.dataLang === 'es',
      'the Español item of the language menu',
    );
    await page.keyboard.press('Enter');
    const title = localeText('es', 'dialog-title');
    const switched = await waitUntil(
      async () => ((await page.locator('#wf-title').textContent()) || '').trim() === title,
    );
    if (!switched) {
      const shown = await page.locator('#wf-title').textContent();
      fail(`after choosing Español the title should be ${JSON.stringify(title)}, it is ${JSON.stringify(shown)}`);
    }
    const dialogLang = await page.locator('#wf-dialog').getAttribute('lang');
    if (dialogLang !== 'es') fail(`expected lang="es" on #wf-dialog, found ${JSON.stringify(dialogLang)}`);
    await expectDisclosure(page, 'wf-lang-button', 'wf-langs', false);
    await expectFocusOn(page, 'wf-lang-button', 'the language button');
    const stored = await page.evaluate(() => localStorage.getItem('wayfinder:lang'));
    if (stored !== 'es') fail(`expected localStorage "wayfinder:lang" to be "es", found ${JSON.stringify(stored)}`);
  });

  await step('8. larger text turns on from the keyboard', async () => {
    await tabUntil(
      page,
      'Tab',
      (active) => active.inWidget && active.id === 'wf-prefs-button',
      'the settings button #wf-prefs-button',
    );
    await page.keyboard.press('Enter');
    await expectDisclosure(page, 'wf-prefs-button', 'wf-prefs', true);
    await tabUntil(
      page,
      'Tab',
      (active) => active.inWidget && active.id === 'wf-pref-large-text',
      'the larger text toggle #wf-pref-large-text',
    );
    await page.keyboard.press('Space');
    const on = await waitUntil(async () => {
      const state = await largerTextState(page);
      return state.checked && state.large;
    }, 5_000);
    if (!on) {
      fail(`Space on the larger text toggle should tick it and enlarge the dialog: ${JSON.stringify(await largerTextState(page))}`);
    }
    await expectNoAxeViolations(page, 'with larger text on and the settings open');
  });

  await step('9. larger text and Español survive a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.locator('button#launcher').focus();
    await page.keyboard.press('Enter');
    try {
      await page.locator('#wf-dialog').waitFor({ state: 'visible', timeout: WAIT_MS });
    } catch {
      fail('#wf-dialog did not open after the reload');
    }
    const state = await largerTextState(page);
    if (!state.checked) fail('after the reload the larger text toggle is off again');
    if (!state.large) fail('after the reload the dialog lost its larger text');
    const dialogLang = await page.locator('#wf-dialog').getAttribute('lang');
    if (dialogLang !== 'es') fail(`after the reload expected lang="es" on #wf-dialog, found ${JSON.stringify(dialogLang)}`);
  });
}

/** The value of message `id` in `locales/<lang>/widget.ftl`. */
function localeText(lang, id) {
  const source = readFileSync(path.join(LOCALES, lang, 'widget.ftl'), 'utf8');
  const match = source.match(new RegExp(`^${id} = (.*)$`, 'm'));
  if (!match) fail(`locales/${lang}/widget.ftl has no message ${id}`);
  return match[1].trim();
}

/** Presses `key` until `reached(active)` holds for the deep active element. */
async function tabUntil(page, key, reached, what) {
  const visited = [];
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press(key);
    const active = await deepActive(page);
    visited.push(active.description);
    if (reached(active)) return;
  }
  fail(
    `pressing ${key} ${MAX_TABS} times never reached ${what}; focus went to: ` +
      `${[...new Set(visited)].join(', ')}`,
  );
}

async function expectDisclosure(page, buttonId, panelId, open) {
  const expected = open ? 'true' : 'false';
  const ok = await waitUntil(async () => {
    const state = await disclosureState(page, buttonId, panelId);
    return state.expanded === expected && state.visible === open;
  }, 5_000);
  if (!ok) {
    const state = await disclosureState(page, buttonId, panelId);
    fail(
      `expected #${buttonId} aria-expanded="${expected}" and #${panelId} ` +
        `${open ? 'visible' : 'hidden'}, found aria-expanded=${JSON.stringify(state.expanded)} ` +
        `and #${panelId} ${state.visible ? 'visible' : 'hidden'}`,
    );
  }
}

async function disclosureState(page, buttonId, panelId) {
  return {
    expanded: await page.locator(`#${buttonId}`).getAttribute('aria-expanded'),
    visible: await page.locator(`#${panelId}`).isVisible(),
  };
}

async function largerTextState(page) {
  return page.locator('#wf-pref-large-text').evaluate((input) => ({
    checked: input.checked,
    large: input.closest('#wf-dialog').classList.contains('large'),
  }));
}

async function screenshot(page, name) {
  if (!ARTIFACTS) return '';
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, name);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch (error) {
    console.error(`  (could not write screenshot ${name}: ${error.message})`);
    return '';
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.error) {
    if (args.error) console.error(`widget flow: ${args.error}`);
    console.error('usage: node tests/browser/widget_flow.mjs --url http://127.0.0.1:PORT/');
    return args.help ? 0 : 2;
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    console.error(`widget flow: FAILED: cannot launch Chromium at ${CHROMIUM}: ${error.message}`);
    return 1;
  }

  const pageErrors = [];
  let current = 'starting';
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const where = msg.location()?.url;
        pageErrors.push(`console error: ${msg.text()}${where ? ` (${where})` : ''}`);
      }
    });
    page.on('requestfailed', (request) => {
      pageErrors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });

    const step = async (name, run) => {
      current = name;
      try {
        await run();
      } catch (error) {
        const reason = error instanceof FlowError ? error.message : `unexpected error: ${error.stack || error}`;
        console.error(`widget flow: FAILED at step ${name}\n${reason}`);
        for (const line of pageErrors) console.error(`  ${line}`);
        const shot = await screenshot(page, 'widget-flow-failure.png');
        if (shot) console.error(`  screenshot: ${shot}`);
        throw new FlowError('reported');
      }
      console.log(`widget flow: ${name}: ok`);
    };

    const timer = setTimeout(() => {
      console.error(`widget flow: FAILED: timed out after ${TOTAL_MS / 1000} s during step ${current}`);
      for (const line of pageErrors) console.error(`  ${line}`);
      process.exit(1);
    }, TOTAL_MS);
    timer.unref();

    await flow(page, args.url, step);
    for (const line of pageErrors) console.log(`  note: ${line}`);
    console.log('widget flow: ok');
    return 0;
  } catch (error) {
    if (!(error instanceof FlowError)) {
      console.error(`widget flow: FAILED during ${current}: ${error.stack || error}`);
    }
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
