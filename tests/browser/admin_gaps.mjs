// The content admin pages (/admin) in headless Chromium: signing in, the knowledge gaps page
// and the trends page with axe-core checks (light, dark, forced colors, 320 px), and drafting
// an entry from a gap with the keyboard only.
//
// Usage: node tests/browser/admin_gaps.mjs --url http://127.0.0.1:PORT --email E --password P
//
// The account must be an admin of the site, and the site must have at least one knowledge gap
// (a question that was handed off or answered with choices) so the gaps page has a draft form.
// Prints `drafted: <path>` with the draft's path relative to the content folder, then
// `admin pages: ok`.
//
// Environment:
//   CHROMIUM             Chromium executable (default /usr/bin/chromium)
//   WAYFINDER_ARTIFACTS  folder for screenshots (written on failure)
//
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed), 2 on bad usage.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { chromium } from 'playwright-core';

import { AXE_OPTIONS, CHROMIUM, CHROMIUM_ARGS, loadAxe, waitUntil } from './support.mjs';


const ARTIFACTS = process.env.WAYFINDER_ARTIFACTS || '';
/** Longest wait for the page to show something. */
const WAIT_MS = 10_000;
/** Longest the whole flow may take before it is reported as hung. */
const TOTAL_MS = 120_000;
const MAX_TABS = 80;
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

/** A failed expectation: its message is the reason printed for the step. */
class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  const args = { url: '', email: '', password: '' };
  const names = ['url', 'email', 'password'];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const name = names.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) return { error: `unknown argument: ${arg}` };
    if (arg === `--${name}`) {
      args[name] = argv[i + 1] || '';
      i += 1;
    } else {
      args[name] = arg.slice(name.length + 3);
    }
  }
  for (const name of names) {
    if (!args[name]) return { error: `missing --${name}` };
  }
  try {
    new URL(args.url);
  } catch {
    return { error: `not a URL: ${args.url}` };
  }
  return args;
}

// ---- helpers ---------------------------------------------------------------------------------

/** Describes the focused element. */
async function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { description: '(body)', id: '', tag: '', text: '', name: '' };
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    for (const cls of el.classList) description += `.${cls}`;
    return {
      description,
      id: el.id,
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute('name') || '',
      text: (el.textContent || '').trim().slice(0, 60),
      inForm: Boolean(el.closest('form.draft-form')),
      visibleOutline: getComputedStyle(el).outlineStyle !== 'none',
    };
  });
}

/** Presses `key` until `reached(focused)` holds. */
async function tabUntil(page, reached, what, key = 'Tab') {
  const visited = [];
  let focused = await active(page);
  if (reached(focused)) return focused;
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press(key);
    focused = await active(page);
    visited.push(focused.description);
    if (reached(focused)) return focused;
  }
  fail(
    `pressing ${key} ${MAX_TABS} times never reached ${what}; focus went to: ` +
      `${[...new Set(visited)].join(', ')}`,
  );
  return null;
}

/** Injects axe-core (without a script tag, so the page's strict CSP does not block it). */
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
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`      at ${JSON.stringify(node.target)}`);
      if (node.summary) lines.push(...node.summary.split('\n').map((line) => `        ${line}`));
    }
  }
  fail(lines.join('\n'));
}

/** At 320 CSS pixels wide the page must not scroll sideways (tables and charts scroll in their own box). */
async function expectReflow(page, state) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > client + 1 &&
          !el.closest('.table-wrap, .chart') &&
          getComputedStyle(el).position !== 'absolute',
      )
      .map((el) => {
        let name = el.tagName.toLowerCase();
        if (el.id) name += `#${el.id}`;
        for (const cls of el.classList) name += `.${cls}`;
        return `${name} (${Math.round(el.getBoundingClientRect().right)} px)`;
      })
      .slice(0, 8);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  if (widths.scroll > widths.client) {
    fail(
      `at 320 px ${state} the page scrolls sideways: ${widths.scroll} px of content in ${widths.client} px; ` +
        `sticking out: ${widths.wide.join(', ')}`,
    );
  }
  if (before) await page.setViewportSize(before);
  console.log(`  reflow (${state}): no sideways scrolling at 320 px`);
}

/** Light, dark and forced colors, each checked by axe. */
async function expectColorSchemes(page, state) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await expectNoAxeViolations(page, `${state} in dark mode`);
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  await page.waitForTimeout(300);
  await expectNoAxeViolations(page, `${state} in forced colors`);
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  await page.waitForTimeout(300);
}

/** Opens `route`, checks status, CSP, one h1 and the landmarks. */
async function open(page, base, route, status = 200) {
  const response = await page.goto(new URL(route, base).href, { waitUntil: 'load' });
  if (!response || response.status() !== status) {
    fail(`GET ${route} answered ${response && response.status()}, expected ${status}`);
  }
  const csp = response.headers()['content-security-policy'] || '';
  for (const directive of CSP_DIRECTIVES) {
    if (!csp.includes(directive)) fail(`${route} should be served with ${directive} in its CSP; it has ${JSON.stringify(csp)}`);
  }
  const shape = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main').length,
    header: document.querySelectorAll('body > header').length,
    skip: Boolean(document.querySelector('a.skip-link[href="#main"]')),
  }));
  if (shape.h1 !== 1 || shape.main !== 1 || shape.header !== 1 || !shape.skip) {
    fail(`${route} should have one h1, one main, a header and a skip link; found ${JSON.stringify(shape)}`);
  }
  return response;
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

// ---- the flow --------------------------------------------------------------------------------

async function flow(ctx) {
  const { page, base, args, step } = ctx;

  await step('1. without a session /admin/gaps links to the sign-in', async () => {
    await open(page, base, '/admin/gaps', 401);
    const link = page.locator('main a[href="/staff"]');
    if ((await link.count()) !== 1) fail('the page should link to the staff console to sign in');
    await expectNoAxeViolations(page, 'on the sign-in page');
  });

  await step('2. signing in through the staff console API', async () => {
    const answer = await page.evaluate(async ({ email, password }) => {
      const response = await fetch('/staff/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    }, { email: args.email, password: args.password });
    if (answer.status !== 200) fail(`POST /staff/api/login answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    if (!answer.body || answer.body.role !== 'admin') fail(`the account is not an admin: ${JSON.stringify(answer.body)}`);
  });

  await step('3. the gaps page: groups of questions, no axe violations in any colour scheme', async () => {
    await open(page, base, '/admin/gaps');
    const groups = await page.locator('li.group').count();
    if (groups === 0) fail('the gaps page shows no groups; the test needs at least one knowledge gap');
    const forms = await page.locator('form.draft-form').count();
    if (forms !== groups) fail(`expected one draft form per group, found ${forms} forms for ${groups} groups`);
    await expectNoAxeViolations(page, 'on the gaps page');
    await expectReflow(page, 'on the gaps page');
    await expectColorSchemes(page, 'on the gaps page');
  });

  await step('4. drafting an entry from the first gap with the keyboard', async () => {
    const first = page.locator('li.group').first();
    const selectId = await first.locator('select[name="topic"]').getAttribute('id');
    const question = (await first.locator('h3').textContent()).trim();
    await page.keyboard.press('Tab');
    const skip = await active(page);
    if (!skip.description.includes('skip-link')) fail(`the first Tab should reach the skip link, it reached ${skip.description}`);
    const focused = await tabUntil(page, (f) => f.id === selectId, `the topic picker of the first gap (#${selectId})`);
    if (!focused.visibleOutline) fail('the focused topic picker has no visible outline');
    const before = await page.locator(`#${selectId}`).inputValue();
    if (before === '') await page.keyboard.press('ArrowDown');
    const topic = await page.locator(`#${selectId}`).inputValue();
    if (!topic) fail('ArrowDown on the topic picker did not choose a topic');
    await page.keyboard.press('Tab');
    const button = await active(page);
    if (button.tag !== 'button' || button.text !== 'Draft an entry from this') {
      fail(`Tab after the topic picker should reach "Draft an entry from this", it reached ${button.description} (${button.text})`);
    }
    await page.keyboard.press('Enter');
    const status = first.locator('.draft-status');
    const said = await waitUntil(async () => {
      const text = ((await status.textContent()) || '').trim();
      return /^Draft saved as /.test(text) || /not saved/.test(text) ? text : '';
    });
    if (!said || !said.startsWith('Draft saved as ')) fail(`the draft was not confirmed; the status says ${JSON.stringify(said)}`);
    const match = /^Draft saved as (\S+)\. /.exec(said);
    if (!match) fail(`unexpected confirmation: ${JSON.stringify(said)}`);
    const after = await active(page);
    if (after.tag !== 'button') fail(`focus should stay on the button after drafting, it is on ${after.description}`);
    console.log(`  drafted ${JSON.stringify(question)} under ${topic}`);
    console.log(`drafted: ${match[1]}`);
    await expectNoAxeViolations(page, 'after drafting');
  });

  await step('5. the trends page: charts with their data tables, no axe violations', async () => {
    await open(page, base, '/admin/trends');
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
        const labelled = (svg.getAttribute('aria-labelledby') || '').split(' ');
        const title = document.getElementById(labelled[0]);
        const box = svg.closest('.chart');
        const next = box && box.nextElementSibling;
        return {
          title: title ? title.textContent : '',
          desc: labelled[1] && document.getElementById(labelled[1]) ? document.getElementById(labelled[1]).textContent : '',
          table: Boolean(next && next.querySelector('table caption')),
          texts: svg.querySelectorAll('text').length,
        };
      }),
    );
    if (charts.length < 2) fail(`expected at least two charts on the trends page, found ${charts.length}`);
    for (const chart of charts) {
      if (!chart.title || !chart.desc) fail(`a chart has no title or description: ${JSON.stringify(chart)}`);
      if (!chart.table) fail(`the chart "${chart.title}" is not followed by its data table`);
      if (chart.texts < 3) fail(`the chart "${chart.title}" has no text labels`);
    }
    await expectNoAxeViolations(page, 'on the trends page');
    await expectReflow(page, 'on the trends page');
    await expectColorSchemes(page, 'on the trends page');
  });

  await step('6. the other admin pages have no axe violations', async () => {
    for (const route of ['/admin', '/admin/feedback', '/admin/coverage']) {
      await open(page, base, route);
      await expectNoAxeViolations(page, `on ${route}`);
      await expectReflow(page, `on ${route}`);
    }
  });
}

// ---- main ------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.error) {
    if (args.error) console.error(`admin pages: ${args.error}`);
    console.error('usage: node tests/browser/admin_gaps.mjs --url http://127.0.0.1:PORT --email E --password P');
    return args.help ? 0 : 2;
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    console.error(`admin pages: FAILED: cannot launch Chromium at ${CHROMIUM}: ${error.message}`);
    return 1;
  }

  const notes = [];
  const problems = [];
  let current = 'starting';
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
      else if (msg.type() === 'error' && !/status of 401/.test(text)) notes.push(`console error: ${text}`);
    });

    const step = async (name, run) => {
      current = name;
      try {
        await run();
        if (problems.length) fail(problems.join('\n'));
      } catch (error) {
        const reason = error instanceof FlowError ? error.message : `unexpected error: ${error.stack || error}`;
        console.error(`admin pages: FAILED at step ${name}\n${reason}`);
        for (const line of [...problems, ...notes]) console.error(`  ${line}`);
        const shot = await screenshot(page, 'admin-pages-failure.png');
        if (shot) console.error(`  screenshot: ${shot}`);
        throw new FlowError('reported');
      }
      console.log(`admin pages: ${name}: ok`);
    };

    const timer = setTimeout(() => {
      console.error(`admin pages: FAILED: timed out after ${TOTAL_MS / 1000} s during step ${current}`);
      for (const line of [...problems, ...notes]) console.error(`  ${line}`);
      process.exit(1);
    }, TOTAL_MS);
    timer.unref();

    await flow({ page, base: args.url, args, step });
    for (const line of notes) console.log(`  note: ${line}`);
    console.log('admin pages: ok');
    return 0;
  } catch (error) {
    if (!(error instanceof FlowError)) {
      console.error(`admin pages: FAILED during ${current}: ${error.stack || error}`);
    }
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
