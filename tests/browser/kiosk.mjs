// Kiosk mode (/kiosk?site=…&idle=…) in headless Chromium: the assistant opens at once and fills
// the screen with larger text; the resident changes the language and a preference and asks a
// question; after the inactivity time an announced warning takes focus to "Keep going", which
// keeps everything; the next time the screen is cleared — transcript back to the greeting,
// language and preferences back to the kiosk's, nothing in storage — and "Clear the screen"
// does the same at once. axe-core finds zero violations in each state.
//
// Usage: node tests/browser/kiosk.mjs --url http://127.0.0.1:PORT/kiosk?site=riverton&idle=5
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed).

import process from 'node:process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, deepFocus, fail, urlArgument, waitUntil } from './support.mjs';

const WAIT_MS = 15_000;

async function axe(page, state) {
  const lines = await axeViolations(page);
  if (lines.length) fail(`axe found violations ${state}:\n${lines.join('\n')}`);
  console.log(`  axe (${state}): no violations`);
}

/** What the kiosk shows now. */
async function state(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#wayfinder-widget')?.shadowRoot;
    const dialog = root?.querySelector('#wf-dialog');
    const warning = root?.querySelector('#wf-idle');
    const rect = dialog?.getBoundingClientRect();
    const widgetKeys = (s) => Object.keys(s).filter((k) => k.startsWith('wayfinder:')).length;
    return {
      open: Boolean(dialog && !dialog.hidden),
      fills: Boolean(rect && rect.width >= window.innerWidth - 1 && rect.height >= window.innerHeight - 1),
      classes: dialog ? [...dialog.classList] : [],
      lang: dialog?.getAttribute('lang') || '',
      messages: root ? root.querySelectorAll('#wf-log .message').length : 0,
      userMessages: root ? root.querySelectorAll('#wf-log .message.user').length : 0,
      warning: Boolean(warning && !warning.hidden),
      warningText: root?.querySelector('#wf-idle-text')?.textContent || '',
      announced: root?.querySelector('#wf-announcer')?.textContent || '',
      launcherHidden: Boolean(root?.querySelector('#launcher')?.hidden),
      closeText: (root?.querySelector('#wf-close')?.textContent || '').trim(),
      storage: localStorage.length + sessionStorage.length,
      widgetStorage: widgetKeys(localStorage) + widgetKeys(sessionStorage),
    };
  });
}

async function expectState(page, check, what, ms = WAIT_MS) {
  const ok = await waitUntil(async () => check(await state(page)), ms);
  if (!ok) fail(`${what}; the kiosk shows ${JSON.stringify(await state(page))}`);
}

async function main() {
  const url = urlArgument('usage: node kiosk.mjs --url http://127.0.0.1:PORT/kiosk?site=riverton&idle=5');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });

    await expectState(page, (s) => s.open && s.messages === 1, 'the kiosk did not open with its greeting');
    let s = await state(page);
    if (!s.fills) fail('the kiosk dialog does not fill the screen');
    if (!s.classes.includes('kiosk') || !s.classes.includes('large')) fail(`expected kiosk and larger text: ${s.classes}`);
    if (!s.launcherHidden) fail('the launcher shows on a kiosk');
    if (!/clear/i.test(s.closeText)) fail(`the close button should read "Clear the screen": ${s.closeText}`);
    const small = await page.evaluate(() => {
      const root = document.querySelector('#wayfinder-widget').shadowRoot;
      return [...root.querySelectorAll('button, input, textarea, select')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        // Checkboxes and radio buttons are labelled: the label row is the 44 px target.
        .filter(({ el }) => !/^(checkbox|radio)$/.test(el.type))
        .map(({ el, r }) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(r.width)}x${Math.round(r.height)}`);
    });
    const tooSmall = small;
    if (tooSmall.length) fail(`targets smaller than 44 px on the kiosk: ${tooSmall.join(', ')}`);
    console.log('  opens full screen with larger text');
    await axe(page, 'kiosk open');

    // The resident picks Spanish and high contrast, then asks a question (by touch and keys).
    await page.locator('#wf-lang-button').tap();
    await page.locator('#wf-langs button[data-lang="es"]').tap();
    await expectState(page, (st) => st.lang === 'es', 'the language did not switch to Spanish');
    await page.locator('#wf-prefs-button').tap();
    await page.locator('#wf-prefs input[data-pref="high-contrast"]').check();
    await page.locator('#wf-input').fill('¿cuándo pasa la basura?');
    await page.locator('#wf-input').press('Enter');
    await expectState(page, (st) => st.messages >= 3, 'no answer to the question');
    s = await state(page);
    if (s.widgetStorage !== 0) fail(`the kiosk wrote to storage: ${JSON.stringify(s)}`);
    if (!s.classes.includes('contrast')) fail('high contrast did not apply');
    console.log('  language, preference and a question: nothing stored');

    // Inactivity: the warning, announced, with focus on "Keep going".
    await expectState(page, (st) => st.warning, 'no inactivity warning');
    s = await state(page);
    if (!s.warningText) fail('the warning has no text');
    await expectState(page, (st) => st.announced.includes(st.warningText), 'the warning was not announced', 3_000);
    const focused = await deepFocus(page);
    if (focused.id !== 'wf-keep') fail(`focus should be on "Keep going", found ${focused.description}`);
    console.log(`  warning announced, focus on Keep going: ${s.warningText}`);
    await axe(page, 'kiosk warning');
    await page.keyboard.press('Enter');
    s = await state(page);
    if (s.warning || s.messages < 3 || s.lang !== 'es') fail(`"Keep going" did not keep the screen: ${JSON.stringify(s)}`);
    if ((await deepFocus(page)).id !== 'wf-input') fail('focus should return to the question box after "Keep going"');
    console.log('  Keep going keeps everything');

    // Inactivity again, and no answer: the screen is cleared.
    await expectState(page, (st) => st.warning, 'no second inactivity warning');
    await expectState(
      page,
      (st) => !st.warning && st.messages === 1 && st.userMessages === 0 && st.lang === 'en',
      'the screen was not cleared after the warning',
    );
    s = await state(page);
    if (s.storage !== 0) fail(`storage is not empty after the reset: ${JSON.stringify(s)}`);
    if (s.classes.includes('contrast') || !s.classes.includes('large')) fail(`preferences were not reset: ${s.classes}`);
    if ((await deepFocus(page)).id !== 'wf-input') fail('focus should be in the question box after the reset');
    console.log('  cleared: greeting only, English, larger text, storage empty');
    await axe(page, 'kiosk after reset');

    // "Clear the screen" clears at once.
    await page.locator('#wf-input').fill('library hours');
    await page.locator('#wf-input').press('Enter');
    await expectState(page, (st) => st.userMessages === 1, 'the second question did not show');
    await page.locator('#wf-close').tap();
    await expectState(page, (st) => st.messages === 1 && st.userMessages === 0, '"Clear the screen" did not clear it', 5_000);
    console.log('  Clear the screen clears at once');
    if (errors.length) fail(`console errors: ${errors.join('\n')}`);
    console.log('kiosk: ok');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
