// Theming by the city in headless Chromium: the demo page with `data-color="#7fdbff"` (a light
// blue that fails 4.5:1 on white) and `data-title="Ask Riverton"`, served by the real server
// under its strict policy (only the script tag's attributes are changed on the way). The
// launcher and the dialog use the corrected colour (the same in both), axe-core finds no
// colour-contrast (or any other) violation, light and dark; forced colours ignore the colour;
// an invalid colour is ignored with a console warning.
//
// Usage: node tests/browser/theme.mjs --url http://127.0.0.1:PORT/
// Exit status: 0 when every check passes, 1 when one fails (the reason is printed).

import process from 'node:process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, fail, urlArgument, waitUntil } from './support.mjs';

const WAIT_MS = 15_000;
const DEFAULT_LIGHT = '#1549a8';

/** WCAG contrast of two `rgb(r, g, b)` or `#rrggbb` colours. */
function contrast(a, b) {
  const channels = (c) =>
    c.startsWith('#') ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+/g).slice(0, 3).map(Number);
  const lum = (c) =>
    channels(c).reduce((sum, v, i) => {
      const s = v / 255;
      const l = s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      return sum + [0.2126, 0.7152, 0.0722][i] * l;
    }, 0);
  const [x, y] = [lum(a) + 0.05, lum(b) + 0.05];
  return x > y ? x / y : y / x;
}

function hex(rgb) {
  return `#${rgb.match(/\d+/g).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Opens the demo page with the script tag's `attributes` added, keeping the server's headers. */
async function openWith(context, url, attributes) {
  const page = await context.newPage();
  const warnings = [];
  const violations = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-site="riverton"', `data-site="riverton" ${attributes}`);
    await route.fulfill({ response, body });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
  return { page, warnings, violations };
}

/** The launcher's colours and the dialog's accent custom properties. */
async function colours(page) {
  return page.evaluate(() => {
    const host = document.querySelector('#wayfinder-widget');
    const launcher = host.shadowRoot.querySelector('#launcher');
    const style = getComputedStyle(host);
    const l = getComputedStyle(launcher);
    return {
      accent: style.getPropertyValue('--wf-accent').trim(),
      onAccent: style.getPropertyValue('--wf-on-accent').trim(),
      launcherBg: l.backgroundColor,
      launcherFg: l.color,
      label: launcher.textContent.trim(),
      title: host.shadowRoot.querySelector('#wf-title')?.textContent || '',
    };
  });
}

async function openDialog(page) {
  await page.locator('button#launcher').click();
  await page.locator('#wf-input').waitFor({ state: 'visible', timeout: WAIT_MS });
  await page.locator('#wf-input').fill('library hours');
  await page.locator('#wf-input').press('Enter');
  const answered = await waitUntil(
    () => page.evaluate(() => document.querySelector('#wayfinder-widget').shadowRoot.querySelectorAll('#wf-log .message').length >= 3),
    WAIT_MS,
  );
  if (!answered) fail('no answer in the themed dialog');
}

async function axe(page, state) {
  const lines = await axeViolations(page);
  if (lines.length) fail(`axe found violations ${state}:\n${lines.join('\n')}`);
  console.log(`  axe (${state}): no violations`);
}

async function main() {
  const url = urlArgument('usage: node theme.mjs --url http://127.0.0.1:PORT/');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page, violations } = await openWith(context, url, 'data-color="#7fdbff" data-title="Ask Riverton"');

    // The launcher, before the assistant loads: corrected, with readable text.
    let c = await colours(page);
    if (c.label !== 'Ask Riverton') fail(`the launcher should read "Ask Riverton": ${c.label}`);
    if (hex(c.launcherBg) === '#7fdbff') fail('the launcher shows the uncorrected colour');
    if (contrast(c.launcherBg, '#ffffff') < 4.5) fail(`launcher colour ${c.launcherBg} fails on white`);
    if (contrast(c.launcherBg, c.launcherFg) < 4.5) fail(`launcher text ${c.launcherFg} on ${c.launcherBg} fails`);
    console.log(`  launcher: ${hex(c.launcherBg)} with ${hex(c.launcherFg)} text`);

    await openDialog(page);
    // Away from the launcher, which shows its hover colour while the pointer is on it.
    await page.mouse.move(1, 1);
    await waitUntil(async () => {
      const now = await colours(page);
      return now.accent === hex(now.launcherBg);
    }, 3_000);
    c = await colours(page);
    if (!/^#[0-9a-f]{6}$/.test(c.accent) || c.accent === '#7fdbff') fail(`--wf-accent not corrected: ${c.accent}`);
    if (c.accent !== hex(c.launcherBg)) fail(`dialog accent ${c.accent} differs from the launcher's ${hex(c.launcherBg)}`);
    if (contrast(c.accent, '#ffffff') < 4.5 || contrast(c.accent, '#eef1f6') < 4.5) fail(`--wf-accent ${c.accent} fails`);
    if (contrast(c.accent, c.onAccent) < 4.5) fail(`--wf-on-accent ${c.onAccent} on ${c.accent} fails`);
    if (c.title !== 'Ask Riverton') fail(`the dialog heading should be "Ask Riverton": ${c.title}`);
    console.log(`  light: --wf-accent ${c.accent}, --wf-on-accent ${c.onAccent}`);
    await axe(page, 'themed, light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await waitUntil(async () => {
      const now = await colours(page);
      return now.accent === hex(now.launcherBg);
    }, 3_000);
    c = await colours(page);
    if (contrast(c.accent, '#1b1d21') < 4.5 || contrast(c.accent, '#272a31') < 4.5) fail(`dark --wf-accent ${c.accent} fails`);
    if (c.accent !== hex(c.launcherBg)) fail(`dark: dialog ${c.accent} and launcher ${hex(c.launcherBg)} differ`);
    console.log(`  dark: --wf-accent ${c.accent}`);
    await axe(page, 'themed, dark');

    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    c = await colours(page);
    if (c.accent !== DEFAULT_LIGHT) fail(`forced colours should ignore the city colour, --wf-accent is ${c.accent}`);
    console.log('  forced colours: the city colour is ignored');
    if (violations.length) fail(`CSP violations: ${violations.join('\n')}`);

    // An invalid colour: ignored, with a warning.
    const bad = await openWith(context, url, 'data-color="sky blue"');
    await waitUntil(() => bad.warnings.some((w) => w.includes('data-color')), 5_000);
    if (!bad.warnings.some((w) => w.includes('data-color'))) fail(`no console warning for an invalid colour: ${bad.warnings}`);
    c = await colours(bad.page);
    if (hex(c.launcherBg) !== DEFAULT_LIGHT) fail(`an invalid colour changed the launcher: ${c.launcherBg}`);
    console.log('  an invalid colour is ignored with a warning');
    console.log('theme: ok');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
