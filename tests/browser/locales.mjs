// Every UI language of the widget in headless Chromium, under a strict Content-Security-Policy.
//
// The demo page is served with exactly
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (the server's own policy for the page is replaced on the way, nothing else is changed) and
// with `<html lang>` set to each of the twelve UI languages in turn. In each language the
// widget is opened from the keyboard and asked a question written in that language; then:
//
// - the dialog takes the page's language (`lang`, and `dir="rtl"` for Arabic only), and its
//   launcher, input label and send button carry that language's own strings;
// - no message id is shown in place of a string anywhere in the widget (text or accessible
//   names), and no `{$variable}` is left unformatted;
// - the bot replies in the resident's language, also where the city has no content in it
//   (then the answer, if any, says it is in another language);
// - every bot message says its language, with the direction of that language (an English
//   answer inside the Arabic UI is left to right);
// - a review date, when the answer has one, is written in the UI language: in Haitian
//   Creole, which Chromium cannot write dates in, a resident who picked Kreyòl asks in
//   English and the English answer's date takes its month name from the Kreyòl strings;
// - axe-core (WCAG 2.0–2.2 A/AA, best practices) finds no violation;
// - the browser reports no CSP violation (neither a `securitypolicyviolation` event nor a
//   console message) from loading, opening, styling, fetching strings or answering.
//
// Usage: node tests/browser/locales.mjs --url http://127.0.0.1:PORT/
// Exit status: 0 when every check passes, 1 when one fails (the reason is printed).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, fail, pressUntil, urlArgument, waitUntil } from './support.mjs';

const WAIT_MS = 15_000;
const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

/** The policy a careful city would put on its pages (the widget needs no more). */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A question in each UI language, as a resident would type it. */
const QUESTIONS = {
  en: 'library hours',
  es: 'horario de la biblioteca',
  'zh-Hans': '图书馆开放时间',
  'zh-Hant': '圖書館開放時間',
  vi: 'giờ mở cửa thư viện',
  tl: 'oras ng aklatan',
  ko: '도서관 운영 시간',
  ar: 'ساعات عمل المكتبة',
  ru: 'часы работы библиотеки',
  ht: 'ki lè bibliyotèk la louvri',
  fr: 'horaires de la bibliothèque',
  pt: 'horário da biblioteca',
};

const RTL = new Set(['ar', 'fa', 'he', 'ur']);

/** The single-line messages of `locales/<lang>/widget.ftl` (id → text), and all its ids. */
function strings(lang) {
  const messages = new Map();
  for (const line of readFileSync(path.join(LOCALES, lang, 'widget.ftl'), 'utf8').split('\n')) {
    const m = line.match(/^([a-z][a-z0-9-]*) = (.*)$/);
    if (m) messages.set(m[1], m[2].trim());
    else {
      const open = line.match(/^([a-z][a-z0-9-]*) =\s*$/);
      if (open) messages.set(open[1], '');
    }
  }
  return messages;
}

/** The texts of the variants of select message `id` in `locales/<lang>/widget.ftl`. */
function variants(lang, id) {
  const source = readFileSync(path.join(LOCALES, lang, 'widget.ftl'), 'utf8');
  const block = source.split(`\n${id} =`)[1] || '';
  return [...block.split('\n}')[0].matchAll(/^\s*\*?\[[^\]]+\]\s*(.+)$/gm)].map((m) => m[1].trim());
}

const primary = (tag) => (tag || '').split('-')[0].toLowerCase();

/** What the widget shows and says, read from inside its shadow root. */
async function widgetState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#wayfinder-widget').shadowRoot;
    const dialog = root.querySelector('#wf-dialog');
    const names = [];
    for (const el of root.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) names.push(value);
      }
    }
    const label = (el) => (el ? (el.getAttribute('aria-label') || el.textContent || '').trim() : '');
    return {
      lang: dialog && dialog.getAttribute('lang'),
      dir: dialog && dialog.getAttribute('dir'),
      launcher: label(root.querySelector('#launcher')),
      inputLabel: (root.querySelector('label[for="wf-input"]') || {}).textContent || '',
      send: label(root.querySelector('#wf-send')),
      text: root.textContent || '',
      names,
      bots: [...root.querySelectorAll('[role=log] .message.bot')].map((m) => ({
        lang: m.getAttribute('lang'),
        dir: m.getAttribute('dir') || getComputedStyle(m).direction,
        text: (m.textContent || '').trim().slice(0, 160),
      })),
      reviewed: [...root.querySelectorAll('time.reviewed')].map((t) => t.textContent || ''),
    };
  });
}

/** Serves the page with `<html lang>` set to `lang` and the strict policy. */
async function openIn(context, url, lang) {
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<html lang="[^"]*"/, `<html lang="${lang}"`);
    const headers = { ...response.headers(), 'content-security-policy': STRICT_CSP };
    await route.fulfill({ response, body, headers });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  const policy = response && (await response.allHeaders())['content-security-policy'];
  if (policy !== STRICT_CSP) fail(`the page was served with policy ${JSON.stringify(policy)}`);
  await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
  return { page, violations };
}

async function checkLanguage(browser, url, lang, english) {
  const own = strings(lang);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    if (lang === 'ht') {
      // A resident who picked Kreyòl in the language menu on an earlier visit.
      await context.addInitScript(() => window.localStorage.setItem('wayfinder:lang', 'ht'));
    }
    const { page, violations } = await openIn(context, url, lang);
    await pressUntil(page, (focused) => focused.id === 'launcher', 'the launcher');
    await page.keyboard.press('Enter');
    await page.locator('#wf-input').waitFor({ state: 'visible', timeout: WAIT_MS });
    const greeted = await widgetState(page);
    await page.locator('#wf-input').fill(QUESTIONS[lang]);
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await widgetState(page)).bots.length > greeted.bots.length, WAIT_MS);
    // Let the answer's strings (and any fallback notice) settle before reading them.
    await page.waitForTimeout(300);
    const state = await widgetState(page);

    if (primary(state.lang) !== primary(lang) || (lang.startsWith('zh') && state.lang !== lang)) {
      fail(`the dialog should be lang="${lang}", found ${JSON.stringify(state.lang)}`);
    }
    const wantDir = RTL.has(primary(lang)) ? 'rtl' : 'ltr';
    if ((state.dir || 'ltr') !== wantDir) fail(`the dialog should be dir="${wantDir}", found ${JSON.stringify(state.dir)}`);
    for (const [id, shown] of [['launcher-label', state.launcher], ['send-button', state.send], ['input-label', state.inputLabel]]) {
      const expected = own.get(id);
      if (expected && !shown.includes(expected)) {
        fail(`${id} should read ${JSON.stringify(expected)}, the widget shows ${JSON.stringify(shown)}`);
      }
    }
    const everything = [state.text, ...state.names].join('\n');
    const leaked = [...english.keys()].filter((id) => id.includes('-') && new RegExp(`(^|[^a-z-])${id}([^a-z-]|$)`).test(everything));
    if (leaked.length) fail(`message ids shown instead of strings: ${leaked.join(', ')}`);
    if (/\{\s*\$|\{\?\?\?\}/.test(everything)) fail('an unformatted placeable is shown');
    for (const bot of state.bots) {
      if (!bot.lang) fail(`a bot message has no lang: ${JSON.stringify(bot.text)}`);
      const dir = RTL.has(primary(bot.lang)) ? 'rtl' : 'ltr';
      if (bot.dir !== dir) fail(`a ${bot.lang} message should be ${dir}, found ${bot.dir}: ${JSON.stringify(bot.text)}`);
    }
    const reply = state.bots[state.bots.length - 1];
    if (reply.lang !== lang) fail(`the reply to ${JSON.stringify(QUESTIONS[lang])} should be in ${lang}, found ${reply.lang}: ${JSON.stringify(reply.text)}`);
    if (lang === 'ht') {
      // The city has no Kreyòl content: an English answer, shown in the Kreyòl interface the
      // resident picked, with its review date in Kreyòl (the browser cannot write one).
      const before = state.bots.length;
      await page.locator('#wf-input').fill('library hours');
      await page.keyboard.press('Enter');
      await waitUntil(async () => (await widgetState(page)).bots.length > before, WAIT_MS);
      await page.waitForTimeout(300);
      Object.assign(state, await widgetState(page));
      if (state.lang !== 'ht') fail(`the Kreyòl interface the resident picked should stay, found lang=${JSON.stringify(state.lang)}`);
      const months = variants('ht', 'date-month');
      if (months.length !== 12) fail(`locales/ht/widget.ftl: date-month should have 12 variants, found ${months.length}`);
      for (const date of state.reviewed) {
        if (!months.some((m) => date.includes(m))) fail(`the review date ${JSON.stringify(date)} is not in Haitian Creole`);
      }
      if (!state.reviewed.length) fail('the Haitian Creole answer shows no review date to check');
    }
    const axe = await axeViolations(page);
    if (axe.length) fail(`axe-core found violations:\n${axe.join('\n')}`);
    if (violations.length) fail(`CSP violations:\n${violations.join('\n')}`);
    console.log(`  ${lang}: dialog ${state.lang} ${state.dir || 'ltr'}; reply in ${reply.lang}${state.reviewed.length ? `, reviewed ${state.reviewed[state.reviewed.length - 1]}` : ''}`);
  } finally {
    await context.close();
  }
}

async function main() {
  const url = urlArgument('usage: node locales.mjs --url http://127.0.0.1:PORT/');
  const english = strings('en');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const failures = [];
  try {
    for (const lang of Object.keys(QUESTIONS)) {
      try {
        await checkLanguage(browser, url, lang, english);
      } catch (err) {
        failures.push(`${lang}: ${err.message}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`locales: ${failures.length} of ${Object.keys(QUESTIONS).length} languages failed\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log(`locales: ok (${Object.keys(QUESTIONS).length} languages, strict CSP, no violations)`);
}

main().catch((err) => {
  console.error(`locales: ${err.stack || err}`);
  process.exit(1);
});
