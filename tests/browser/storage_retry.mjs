// A question sent while the server cannot store it, in headless Chromium. The test that runs
// this script holds the server's database locked, so the server answers 503
// `storage_unavailable` (nothing stored). The widget must not show an error yet: its status
// says it is trying again, the live region says so too, axe-core finds no violation in that
// state, and once the database is free again the same question is answered without the
// resident doing anything. No error message is shown and the question box stays empty.
//
// The script prints `retrying shown` when the widget is waiting to try again: the test frees
// the database then.
//
// Usage: node tests/browser/storage_retry.mjs --url http://127.0.0.1:PORT/
// Exit status: 0 when every check passes, 1 when one fails (the reason is printed).

import process from 'node:process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, fail, urlArgument, waitUntil } from './support.mjs';

/** The server waits 5 s for the locked database before refusing; then up to 5 s more. */
const REFUSED_WITHIN_MS = 20_000;
/** The widget's first wait is 5 s; the answer then needs a moment. */
const ANSWERED_WITHIN_MS = 20_000;
const QUESTION = 'When is the library open?';
const RETRYING = 'The assistant is briefly unavailable. Trying again in a few seconds…';

/** The widget's visible status, live region and messages, read through its shadow root. */
async function widgetState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#wayfinder-widget')?.shadowRoot;
    const status = root?.querySelector('#wf-status');
    return {
      status: status && !status.hidden ? status.textContent : null,
      announced: root?.querySelector('#wf-announcer')?.textContent ?? '',
      bot: [...(root?.querySelectorAll('#wf-log .message.bot:not(.greeting)') ?? [])].map((m) => ({
        error: m.classList.contains('error'),
        text: m.textContent.trim().slice(0, 120),
      })),
      input: root?.querySelector('#wf-input')?.value ?? null,
    };
  });
}

async function main() {
  const url = urlArgument('usage: node storage_retry.mjs --url http://127.0.0.1:PORT/');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    const refusals = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/ask') && response.status() === 503) {
        refusals.push(response.headers()['retry-after']);
      }
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('button#launcher').click();
    await page.locator('#wf-input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('#wf-input').fill(QUESTION);
    await page.keyboard.press('Enter');

    // 1. Refused: the widget says it is trying again, and shows no error.
    const waiting = await waitUntil(async () => {
      const state = await widgetState(page);
      return state.status === RETRYING ? state : null;
    }, REFUSED_WITHIN_MS);
    if (!waiting) {
      fail(`the status never said it was trying again: ${JSON.stringify(await widgetState(page))}`);
    }
    console.log('retrying shown');
    if (refusals.length !== 1 || refusals[0] !== '5') {
      fail(`expected one 503 with Retry-After: 5 before the status changed, saw ${JSON.stringify(refusals)}`);
    }
    if (waiting.bot.length) fail(`a bot message appeared while waiting: ${JSON.stringify(waiting.bot)}`);
    const announced = await waitUntil(async () => (await widgetState(page)).announced === RETRYING, 3_000);
    if (!announced) fail(`the live region did not say it was trying again: ${JSON.stringify(await widgetState(page))}`);
    const violations = await axeViolations(page);
    if (violations.length) fail(`axe found violations while waiting to try again:\n${violations.join('\n')}`);
    console.log('  axe (waiting to try again): no violations');

    // 2. The database is free again (the test saw the line above): answered by itself.
    const answered = await waitUntil(async () => {
      const state = await widgetState(page);
      return state.bot.length ? state : null;
    }, ANSWERED_WITHIN_MS);
    if (!answered) fail(`no reply after the database was freed: ${JSON.stringify(await widgetState(page))}`);
    if (answered.bot.length !== 1 || answered.bot[0].error) {
      fail(`expected one answer and no error, got ${JSON.stringify(answered.bot)}`);
    }
    if (!/library/i.test(answered.bot[0].text)) fail(`the answer is not about the library: ${answered.bot[0].text}`);
    const settled = await waitUntil(async () => (await widgetState(page)).status === null, 3_000);
    if (!settled) fail(`the status stayed visible after the answer: ${JSON.stringify(await widgetState(page))}`);
    if (answered.input !== '') fail(`the question box should stay empty, it holds ${JSON.stringify(answered.input)}`);
    console.log(`answered after ${refusals.length} refusal(s): ${answered.bot[0].text.slice(0, 60)}`);
    console.log('storage retry: ok');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
