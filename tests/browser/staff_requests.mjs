// Keyboard-only walk through the staff console's "Service requests" section (/staff) in headless
// Chromium, for a site in local-queue mode, with axe-core checks in every state: the list and its
// filter, one request in full, saving a status with notes and an assignee, a refused save (HTML in
// the notes), a save refused because someone else changed the request first, closing the detail,
// 320 px, dark mode and forced colours.
//
// Usage: node tests/browser/staff_requests.mjs --url http://127.0.0.1:PORT --email E --password P
//
// The server must keep the site's requests itself ([sites.open311] without an endpoint) and the
// staff account must exist. The script files two requests through the site's Open311 endpoint
// and checks what residents see through /open311/v2/requests/{id}.json.
//
// Environment:
//   CHROMIUM             Chromium executable (default /usr/bin/chromium)
//   WAYFINDER_ARTIFACTS  folder for a screenshot written on failure
//
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed), 2 on bad usage.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, waitUntil } from './support.mjs';

const ARTIFACTS = process.env.WAYFINDER_ARTIFACTS || '';
const WAIT_MS = 10_000;
const TOTAL_MS = 150_000;
const MAX_TABS = 80;
const NOTES = 'A crew is scheduled for Monday morning.';
const OTHER_NOTES = 'Changed from another session.';

class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  const args = { url: '', email: '', password: '' };
  const names = Object.keys(args);
  for (let i = 0; i < argv.length; i += 1) {
    const name = names.find((n) => argv[i] === `--${n}`);
    if (!name) return { error: `unknown argument: ${argv[i]}` };
    args[name] = argv[i + 1] || '';
    i += 1;
  }
  for (const name of names) if (!args[name]) return { error: `missing --${name}` };
  return args;
}

async function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { description: '(body)', id: '', action: '', rowKey: '', name: '', value: '', tag: '' };
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    const row = el.closest('tr');
    return {
      description,
      id: el.id,
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute('name') || '',
      value: el.value || '',
      action: el.getAttribute('data-action') || '',
      rowKey: row ? row.getAttribute('data-key') || '' : '',
      outline: getComputedStyle(el).outlineStyle,
    };
  });
}

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
  fail(`pressing ${key} ${MAX_TABS} times never reached ${what}; focus went to: ${[...new Set(visited)].join(', ')}`);
  return null;
}

async function expectFocus(page, reached, what) {
  const ok = await waitUntil(async () => reached(await active(page)), 5_000);
  if (!ok) fail(`expected focus on ${what}, but it is on ${(await active(page)).description}`);
}

async function expectNoAxeViolations(page, state) {
  const lines = await axeViolations(page);
  if (lines.length) fail(`axe found violations ${state}:\n${lines.join('\n')}`);
  console.log(`  axe (${state}): no violations`);
}

async function expectAnnounced(page, pattern, what) {
  const said = await waitUntil(async () => {
    const text = ((await page.locator('#announcer').textContent()) || '').trim();
    return pattern.test(text) ? text : '';
  }, 5_000, 25);
  if (!said) fail(`expected the live region to announce ${what}; it says ${JSON.stringify(await page.locator('#announcer').textContent())}`);
  console.log(`  announced: ${JSON.stringify(said.slice(0, 160))}`);
}

async function expectVisible(locator, what, ms = WAIT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: ms });
  } catch {
    fail(`${what} did not appear within ${ms / 1000} s`);
  }
}

async function expectReflow(page, state) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && (!el.closest('.table-wrap') || getComputedStyle(el).position === 'absolute'))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`)
      .slice(0, 8);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  if (widths.scroll > widths.client) {
    fail(`at 320 px ${state} the page scrolls sideways: ${widths.scroll} px in ${widths.client} px; sticking out: ${widths.wide.join(', ')}`);
  }
  if (before) await page.setViewportSize(before);
  console.log(`  reflow (${state}): no sideways scrolling at 320 px`);
}

/** Files a request through the site's Open311 endpoint (as a city app would). */
async function fileRequest(base, fields) {
  const response = await fetch(new URL('/open311/v2/requests.json', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const data = await response.json();
  if (!response.ok || !data[0] || !data[0].service_request_id) fail(`POST requests.json answered ${response.status} ${JSON.stringify(data)}`);
  return data[0].service_request_id;
}

async function openDocument(base, id) {
  const response = await fetch(new URL(`/open311/v2/requests/${id}.json`, base));
  return (await response.json())[0];
}

/** Another session of the same staff member changes request `id` (from Node, its own cookie). */
async function changeElsewhere(base, args, id) {
  const login = await fetch(new URL('/staff/api/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: args.email, password: args.password }),
  });
  if (!login.ok) fail(`signing in from Node answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
  const me = await login.json();
  const headers = { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token };
  const current = await (await fetch(new URL(`/staff/api/requests/${id}`, base), { headers })).json();
  const saved = await fetch(new URL(`/staff/api/requests/${id}/update`, base), {
    method: 'POST',
    headers,
    body: JSON.stringify({ if_updated_datetime: current.updated_datetime, status_notes: OTHER_NOTES }),
  });
  if (!saved.ok) fail(`the change from another session answered ${saved.status} ${await saved.text()}`);
}

const row = (page, id) => page.locator(`#requests-rows tr[data-key="${id}"]:not(.gone)`);

async function flow({ page, base, args, step }) {
  let pothole = '';
  let dumping = '';

  await step('1. two requests are filed; staff sign in with the keyboard', async () => {
    dumping = await fileRequest(base, { service_code: 'illegal-dumping', address_string: '5 Oak St', description: 'Old sofa on the curb' });
    pothole = await fileRequest(base, {
      service_code: 'pothole',
      'attribute[size]': 'large',
      lat: '41.51',
      long: '-90.57',
      description: 'Deep hole in the bike lane',
      email: 'ana@example.com',
    });
    await page.goto(new URL('/staff', base).href, { waitUntil: 'load' });
    await expectVisible(page.locator('#signin-email'), 'the sign-in form');
    await tabUntil(page, (f) => f.id === 'signin-email', 'the e-mail field');
    await page.keyboard.type(args.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(args.password);
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#console'), 'the console');
  });

  await step('2. the Service requests section lists the open requests, newest first', async () => {
    await expectVisible(page.locator('#nav-requests-item'), 'the "Service requests" link in the console sections');
    await expectVisible(row(page, pothole), `the row of request ${pothole}`);
    const ids = await page.locator('#requests-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.key));
    if (ids[0] !== pothole || ids[1] !== dumping) fail(`expected requests ${pothole}, ${dumping} newest first; the list has ${ids.join(', ')}`);
    const cells = await row(page, pothole).evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));
    if (cells[0] !== pothole || !cells[1].startsWith('Report a pothole') || !cells[3].startsWith('41.51') || cells[4] !== 'Open' || cells[5] !== 'Not assigned') {
      fail(`unexpected cells in the row of ${pothole}: ${JSON.stringify(cells)}`);
    }
    const counts = (await page.locator('#requests-counts').textContent()).trim();
    if (counts !== '2 open, 0 closed') fail(`the counts say ${JSON.stringify(counts)}`);
    const nav = (await page.locator('#nav-requests').textContent()).trim();
    if (nav !== '2 open') fail(`the section link's count says ${JSON.stringify(nav)}`);
    await expectNoAxeViolations(page, 'with service requests listed');
    await expectReflow(page, 'with service requests listed');
  });

  await step('3. Open shows the request in full and moves focus to its heading', async () => {
    await tabUntil(page, (f) => f.action === 'open-request' && f.rowKey === pothole, `the Open button of ${pothole}`);
    const label = await page.locator(`#requests-rows tr[data-key="${pothole}"] button`).getAttribute('aria-label');
    if (!/^Open request \d+ \(Report a pothole, Open\)$/.test(label || '')) fail(`unexpected accessible name of the Open button: ${JSON.stringify(label)}`);
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#request-detail'), 'the request detail');
    await expectFocus(page, (f) => f.id === 'request-title', 'the heading of the request');
    const title = (await page.locator('#request-title').textContent()).trim();
    if (title !== `Request ${pothole}: Report a pothole`) fail(`the detail heading says ${JSON.stringify(title)}`);
    const facts = (await page.locator('#request-facts').textContent()).replace(/\s+/g, ' ');
    for (const wanted of ['Deep hole in the bike lane', 'ana@example.com', '41.51000, -90.57000']) {
      if (!facts.includes(wanted)) fail(`the request's facts do not show ${JSON.stringify(wanted)}: ${facts}`);
    }
    const answers = (await page.locator('#request-answers').textContent()).replace(/\s+/g, ' ').trim();
    if (!answers.includes('How big is the pothole?') || !answers.includes('Larger than a car tire')) {
      fail(`the answers should show the question and the choice's name: ${JSON.stringify(answers)}`);
    }
    await expectAnnounced(page, /Request \d+ opened/, 'the opened request');
    await expectNoAxeViolations(page, 'with a request open');
  });

  await step('4. HTML in the notes is refused: the error is shown, announced and the field marked', async () => {
    await tabUntil(page, (f) => f.id === 'request-notes', 'the notes field');
    await page.keyboard.type('<b>Fixed</b>');
    await tabUntil(page, (f) => f.id === 'request-save', 'the Save changes button');
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#request-error'), 'the error message');
    await expectAnnounced(page, /plain text/, 'the refused notes');
    await expectFocus(page, (f) => f.id === 'request-notes', 'the notes field with the error');
    if ((await page.locator('#request-notes').getAttribute('aria-invalid')) !== 'true') fail('the notes field is not marked aria-invalid');
    await expectNoAxeViolations(page, 'with an error shown');
    const document = await openDocument(base, pothole);
    if (document.status_notes) fail(`the refused notes reached the request: ${JSON.stringify(document)}`);
  });

  await step('5. closing with notes and an assignee is saved, announced and seen by residents', async () => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(NOTES);
    await tabUntil(page, (f) => f.name === 'request-status', 'the status choice', 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    if (!(await page.locator('#request-status-closed').isChecked())) fail('ArrowDown on the status did not choose Closed');
    await tabUntil(page, (f) => f.id === 'request-agency', 'the Assigned to picker');
    const wanted = await page.locator('#request-agency option').evaluateAll((options) => {
      const index = options.findIndex((o) => o.value === 'Public Works');
      return index;
    });
    if (wanted < 1) fail('"Public Works" is not offered in Assigned to');
    for (let i = 0; i < wanted; i += 1) await page.keyboard.press('ArrowDown');
    if ((await page.locator('#request-agency').inputValue()) !== 'Public Works') fail('the keyboard did not choose Public Works');
    await tabUntil(page, (f) => f.id === 'request-save', 'the Save changes button');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /saved: closed, assigned to Public Works/, 'the saved request');
    if (await page.locator('#request-error').isVisible()) fail('the error message is still shown after saving');
    const document = await openDocument(base, pothole);
    if (document.status !== 'closed' || document.status_notes !== NOTES || document.agency_responsible !== 'Public Works') {
      fail(`residents do not see the change: ${JSON.stringify(document)}`);
    }
    await expectVisible(page.locator('#request-history li'), 'the change in the history');
    const countsText = async () => (await page.locator('#requests-counts').textContent()).trim();
    if (!(await waitUntil(async () => (await countsText()) === '1 open, 1 closed'))) {
      fail(`the counts should follow the change; they say ${JSON.stringify(await countsText())}`);
    }
    await expectNoAxeViolations(page, 'after saving');
  });

  await step('6. a save after someone else changed the request is refused and explained', async () => {
    await changeElsewhere(base, args, pothole);
    await tabUntil(page, (f) => f.id === 'request-notes', 'the notes field', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('My late change.');
    await tabUntil(page, (f) => f.id === 'request-save', 'the Save changes button');
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#request-error'), 'the conflict message');
    await expectAnnounced(page, /Someone else changed request/, 'the conflict');
    if ((await page.locator('#request-notes').inputValue()) !== 'My late change.') fail('the typed notes were lost after the conflict');
    const history = (await page.locator('#request-history').textContent()) || '';
    if (!history.includes(OTHER_NOTES)) fail(`the detail should now show the other change: ${JSON.stringify(history)}`);
    if ((await openDocument(base, pothole)).status_notes !== OTHER_NOTES) fail('the conflicting save overwrote the other change');
    await expectNoAxeViolations(page, 'with the conflict explained');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /Request \d+ saved:/, 'the second save');
    if ((await openDocument(base, pothole)).status_notes !== 'My late change.') fail('saving again after the conflict did not apply');
  });

  await step('7. 320 px, dark mode and forced colours with a request open', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await expectReflow(page, 'with a request open');
    await page.setViewportSize({ width: 320, height: 720 });
    await expectNoAxeViolations(page, 'at 320 px in dark mode');
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await page.waitForTimeout(300);
    await expectNoAxeViolations(page, 'in forced colours');
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('8. Escape closes the request; the filter shows closed ones; focus returns to the row', async () => {
    await tabUntil(page, (f) => f.id === 'request-notes', 'the notes field', 'Shift+Tab');
    await page.keyboard.press('Escape');
    if (await page.locator('#request-detail').isVisible()) fail('the detail is still shown after Escape');
    // The closed request left the list of open ones: focus goes to the section's heading.
    await expectFocus(page, (f) => f.id === 'requests-title', 'the Service requests heading');
    await expectAnnounced(page, /no longer in this list/, 'where the request went');
    await tabUntil(page, (f) => f.name === 'requests-status', 'the Show filter');
    await page.keyboard.press('ArrowDown');
    await expectAnnounced(page, /Showing 1 of 1 closed service request/, 'the closed requests');
    await expectVisible(row(page, pothole), `request ${pothole} among the closed ones`);
    if ((await row(page, dumping).count()) !== 0) fail('an open request is listed under Closed');
    const caption = (await page.locator('#requests-caption').textContent()).trim();
    if (caption !== 'Closed service requests, newest first') fail(`the table caption says ${JSON.stringify(caption)}`);
    await expectNoAxeViolations(page, 'with the closed requests');
    await tabUntil(page, (f) => f.action === 'open-request' && f.rowKey === pothole, `the Open button of ${pothole}`);
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'request-title', 'the heading of the request');
    await tabUntil(page, (f) => f.id === 'request-back', 'the Back to the list button');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.action === 'open-request' && f.rowKey === pothole, `the Open button of ${pothole}`);
    const focused = await active(page);
    if (focused.outline === 'none') fail('the focused Open button shows no focus outline');
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.error) {
    console.error(`staff requests: ${args.error}`);
    console.error('usage: node tests/browser/staff_requests.mjs --url http://127.0.0.1:PORT --email E --password P');
    return 2;
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    console.error(`staff requests: FAILED: cannot launch Chromium at ${CHROMIUM}: ${error.message}`);
    return 1;
  }
  const problems = [];
  let current = 'starting';
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP violation: ${msg.text()}`);
    });
    const step = async (name, run) => {
      current = name;
      try {
        await run();
        if (problems.length) fail(problems.join('\n'));
      } catch (error) {
        const reason = error instanceof FlowError ? error.message : `unexpected error: ${error.stack || error}`;
        console.error(`staff requests: FAILED at step ${name}\n${reason}`);
        if (ARTIFACTS) {
          mkdirSync(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, 'staff-requests-failure.png');
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          console.error(`  screenshot: ${file}`);
        }
        throw new FlowError('reported');
      }
      console.log(`staff requests: ${name}: ok`);
    };
    const timer = setTimeout(() => {
      console.error(`staff requests: FAILED: timed out after ${TOTAL_MS / 1000} s during step ${current}`);
      process.exit(1);
    }, TOTAL_MS);
    timer.unref();
    await flow({ page, base: args.url, args, step });
    console.log('staff requests: ok');
    return 0;
  } catch (error) {
    if (!(error instanceof FlowError)) console.error(`staff requests: FAILED during ${current}: ${error.stack || error}`);
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
