// Keyboard-only walk through the staff console (/staff) in headless Chromium, with a resident on
// the other end of a live chat and axe-core checks in every state.
//
// Usage: node tests/browser/staff_console.mjs --url http://127.0.0.1:PORT --email E --password P
//        [--site riverton]
//
// The server must run with live chat open at the time of the test (office hours) for the site,
// and the staff account must exist. The resident's side is driven without the widget: its chat
// is created with Node's fetch (no Origin header, like a server-side client) and its WebSocket
// lives in a page of a second browser context on the server's own origin.
//
// Environment:
//   CHROMIUM             Chromium executable (default /usr/bin/chromium)
//   WAYFINDER_ARTIFACTS  folder for screenshots (written on failure, and of the open chat)
//
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed), 2 on bad usage.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { chromium } from 'playwright-core';

import { AXE_OPTIONS, CHROMIUM, CHROMIUM_ARGS, loadAxe, waitUntil } from './support.mjs';


const ARTIFACTS = process.env.WAYFINDER_ARTIFACTS || '';
/** Longest wait for the console to show something. */
const WAIT_MS = 10_000;
/** Longest the whole flow may take before it is reported as hung. */
const TOTAL_MS = 180_000;
const MAX_TABS = 80;

const BOT_QUESTION = '¿cómo pago mi factura de agua?';
const STAFF_REPLY = 'Hola, soy del Ayuntamiento. ¿En qué calle vive?';
const RESIDENT_MESSAGE = 'Vivo en la calle Mayor, mi contenedor no fue vaciado.';
const TICKET_MESSAGE = 'Quisiera saber cuándo recogen los muebles viejos.';
const RESIDENT_WHILE_AWAY = '¿Sigue ahí?';
const STAFF_WHILE_OFFLINE = 'Perdone la espera, sigo aquí.';

/** A failed expectation: its message is the reason printed for the step. */
class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  const args = { url: '', email: '', password: '', site: 'riverton' };
  const names = ['url', 'email', 'password', 'site'];
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

/** Describes the focused element: tag, id, classes, data-action, and the row it is in. */
async function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
      return { description: '(body)', id: '', action: '', rowKey: '', tag: '', role: '' };
    }
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    for (const cls of el.classList) description += `.${cls}`;
    const row = el.closest('tr');
    return {
      description,
      id: el.id,
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') || '',
      action: el.getAttribute('data-action') || '',
      part: el.getAttribute('data-part') || '',
      rowKey: row ? row.getAttribute('data-key') || '' : '',
      label: el.getAttribute('aria-label') || '',
      text: (el.textContent || '').trim().slice(0, 60),
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

async function expectFocus(page, reached, what) {
  const ok = await waitUntil(async () => reached(await active(page)), 5_000);
  if (!ok) fail(`expected focus on ${what}, but it is on ${(await active(page)).description}`);
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
    for (const node of v.nodes) {
      lines.push(`      at ${JSON.stringify(node.target)}`);
      if (node.summary) lines.push(...node.summary.split('\n').map((line) => `        ${line}`));
    }
  }
  fail(lines.join('\n'));
}

/** Waits until the live region says something matching `pattern`. */
async function expectAnnounced(page, pattern, what) {
  const said = await waitUntil(async () => {
    const text = ((await page.locator('#announcer').textContent()) || '').trim();
    return pattern.test(text) ? text : '';
  }, 5_000, 25);
  if (!said) {
    const text = await page.locator('#announcer').textContent();
    fail(`expected the live region to announce ${what}; it says ${JSON.stringify(text)}`);
  }
  console.log(`  announced: ${JSON.stringify(said.slice(0, 140))}`);
}

async function expectVisible(locator, what, ms = WAIT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: ms });
  } catch {
    fail(`${what} did not appear within ${ms / 1000} s`);
  }
}

async function expectGone(locator, what, ms = WAIT_MS) {
  const gone = await waitUntil(async () => (await locator.count()) === 0, ms);
  if (!gone) fail(`${what} is still there after ${ms / 1000} s`);
}

/** At 320 CSS pixels wide the page must not scroll sideways (tables scroll in their own box). */
async function expectReflow(page, state) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The widest elements sticking out, outside scrolling containers, to say what overflows.
    const wide = [...document.querySelectorAll('body *')]
      .filter(
      (el) =>
        el.getBoundingClientRect().right > client + 1 &&
        (!el.closest('.table-wrap') || getComputedStyle(el).position === 'absolute'),
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
  if (before && before.width !== 320) await page.setViewportSize(before);
  console.log(`  reflow (${state}): no sideways scrolling at 320 px`);
}

/** JSON request from Node (no Origin header, no cookies). */
async function request(base, method, route, body) {
  const response = await fetch(new URL(route, base), {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, data };
}

/** The frames the resident's WebSocket received so far. */
async function residentFrames(resident) {
  return resident.evaluate(() => window.residentFrames.slice());
}

async function waitForFrame(resident, match, what, ms = WAIT_MS) {
  const frame = await waitUntil(async () => (await residentFrames(resident)).find(match), ms);
  if (!frame) {
    const frames = await residentFrames(resident);
    fail(`the resident's WebSocket never received ${what}; it received: ${JSON.stringify(frames).slice(0, 1500)}`);
  }
  return frame;
}

async function residentSend(resident, frame) {
  await resident.evaluate((f) => window.residentSocket.send(JSON.stringify(f)), frame);
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

const selectedPanel = (page) => page.locator('.chat-panel:not([hidden])');
const chatTab = (page, chatId) => page.locator(`[role="tab"][data-chat-id="${chatId}"]`);
const queueRow = (page, chatId) => page.locator(`#queue-rows tr[data-key="${chatId}"]:not(.gone)`);
const isAcceptFor = (chatId) => (f) => f.action === 'accept' && f.rowKey === chatId;

// ---- the flow --------------------------------------------------------------------------------

async function flow(ctx) {
  const { page, browser, base, args, step } = ctx;
  const site = args.site;
  let chatId = '';
  let token = '';
  let resident = null;

  await step('1. /staff shows the sign-in form under a strict CSP', async () => {
    const response = await page.goto(new URL('/staff', base).href, { waitUntil: 'load' });
    if (!response || response.status() !== 200) fail(`GET /staff answered ${response && response.status()}`);
    const csp = response.headers()['content-security-policy'] || '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"]) {
      if (!csp.includes(directive)) fail(`/staff should be served with ${directive} in its CSP; it has ${JSON.stringify(csp)}`);
    }
    await expectVisible(page.locator('#signin-email'), 'the e-mail field of the sign-in form');
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) fail(`expected exactly one h1, found ${h1}`);
    await expectNoAxeViolations(page, 'on the sign-in form');
  });

  await step('2. a wrong password is refused with a clear, announced message', async () => {
    await tabUntil(page, (f) => f.id === 'signin-email', 'the e-mail field');
    await page.keyboard.type(args.email);
    await page.keyboard.press('Tab');
    await expectFocus(page, (f) => f.id === 'signin-password', 'the password field');
    await page.keyboard.type(`${args.password}-wrong`);
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#signin-error'), 'the sign-in error message');
    const error = (await page.locator('#signin-error').textContent()).trim();
    if (!/not correct/i.test(error)) fail(`unexpected sign-in error text: ${JSON.stringify(error)}`);
    await expectAnnounced(page, /not correct/i, 'the sign-in error');
    const invalid = await page.locator('#signin-password').getAttribute('aria-invalid');
    if (invalid !== 'true') fail(`the password field should be aria-invalid="true", found ${JSON.stringify(invalid)}`);
    await expectNoAxeViolations(page, 'with the sign-in error shown');
  });

  await step('3. signing in with the keyboard opens the console', async () => {
    await tabUntil(page, (f) => f.id === 'signin-password', 'the password field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(args.password);
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#console'), 'the console after signing in');
    if (await page.locator('#signin').isVisible()) fail('the sign-in form is still visible after signing in');
    await expectFocus(page, (f) => f.id === 'queue-title', 'the Queue heading');
    const name = (await page.locator('#account-name').textContent()).trim();
    if (!name) fail('the header does not say who is signed in');
    const landmarks = await page.evaluate(() => ({
      header: document.querySelectorAll('body > header').length,
      nav: document.querySelectorAll('nav').length,
      main: document.querySelectorAll('main').length,
    }));
    if (landmarks.header !== 1 || landmarks.nav < 1 || landmarks.main !== 1) {
      fail(`expected header, nav and main landmarks, found ${JSON.stringify(landmarks)}`);
    }
    await expectNoAxeViolations(page, 'signed in');
  });

  await step('4. a resident asks for a person; the chat appears in the queue, announced', async () => {
    const open = await waitUntil(async () => {
      const answer = await request(base, 'GET', `/api/v1/live/availability?site=${site}`);
      return answer.status === 200 && answer.data && answer.data.open ? answer.data : null;
    }, WAIT_MS, 250);
    if (!open) {
      const answer = await request(base, 'GET', `/api/v1/live/availability?site=${site}`);
      fail(
        `live chat is not open for ${site} with staff signed in (availability: ${JSON.stringify(answer.data)}); ` +
          'the test needs office hours covering now',
      );
    }
    let conversationId;
    const ask = await request(base, 'POST', '/api/v1/ask', { site, text: BOT_QUESTION, page_lang: 'es', languages: ['es'] });
    if (ask.status === 200 && ask.data && ask.data.conversation_id) conversationId = ask.data.conversation_id;
    else console.log(`  note: /api/v1/ask answered ${ask.status}; the chat starts without a bot conversation`);

    const created = await request(base, 'POST', '/api/v1/chats', {
      site,
      lang: 'es',
      ...(conversationId ? { conversation_id: conversationId } : {}),
    });
    if (created.status !== 201 || !created.data || !created.data.chat_id || !created.data.token) {
      fail(`POST /api/v1/chats answered ${created.status} ${JSON.stringify(created.data)}`);
    }
    chatId = created.data.chat_id;
    token = created.data.token;
    ctx.conversationId = conversationId;

    const residentContext = await browser.newContext({ bypassCSP: true });
    resident = await residentContext.newPage();
    ctx.resident = resident;
    await resident.goto(new URL('/healthz', base).href);
    await resident.evaluate(
      ({ id, secret }) =>
        new Promise((resolve, reject) => {
          const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
          const url = `${scheme}://${location.host}/api/v1/chats/${encodeURIComponent(id)}/live?token=${encodeURIComponent(secret)}`;
          const socket = new WebSocket(url);
          window.residentFrames = [];
          window.residentSocket = socket;
          socket.addEventListener('message', (event) => {
            try {
              window.residentFrames.push(JSON.parse(event.data));
            } catch {
              window.residentFrames.push({ raw: String(event.data) });
            }
          });
          socket.addEventListener('open', () => resolve());
          socket.addEventListener('error', () => reject(new Error(`the resident's WebSocket to ${url} failed`)));
          socket.addEventListener('close', (event) => {
            window.residentClosed = { code: event.code, reason: event.reason };
          });
        }),
      { id: chatId, secret: token },
    );

    await expectVisible(queueRow(page, chatId), `the queue row of chat ${chatId}`);
    const row = queueRow(page, chatId);
    const lang = (await row.locator('td.lang').textContent()).trim();
    if (lang !== 'Spanish (es)') fail(`the language cell should say "Spanish (es)", it says ${JSON.stringify(lang)}`);
    const label = await row.locator('button[data-action="accept"]').getAttribute('aria-label');
    if (!/^Accept chat \S+ \(Spanish, waiting .+\)$/.test(label || '')) {
      fail(`unexpected accessible name of the Accept button: ${JSON.stringify(label)}`);
    }
    console.log(`  accept button: ${JSON.stringify(label)}`);
    await expectAnnounced(page, /New chat waiting: Spanish/, 'the new waiting chat');
    const online = Number((await page.locator('#staff-online-count').textContent()).trim());
    if (!(online >= 1)) fail(`the online staff count should be at least 1, it is ${online}`);
    await expectNoAxeViolations(page, 'with a chat waiting in the queue');
    await expectReflow(page, 'with a chat waiting');
  });

  await step('5. accepting with the keyboard opens the chat with the bot conversation', async () => {
    await tabUntil(page, isAcceptFor(chatId), `the Accept button of chat ${chatId}`);
    await page.keyboard.press('Enter');
    try {
      await chatTab(page, chatId).waitFor({ state: 'visible', timeout: WAIT_MS });
    } catch {
      const notice = page.locator('#queue-message');
      const said = (await notice.isVisible()) ? ` (the console says: ${JSON.stringify(await notice.textContent())})` : '';
      fail(`the tab of chat ${chatId} did not appear within ${WAIT_MS / 1000} s${said}`);
    }
    if ((await chatTab(page, chatId).getAttribute('aria-selected')) !== 'true') fail('the accepted chat is not the selected tab');
    const panelChat = await selectedPanel(page).getAttribute('data-chat-id');
    if (panelChat !== chatId) fail(`the shown chat panel is ${panelChat}, expected ${chatId}`);
    await expectFocus(page, (f) => f.part === 'reply', 'the reply box of the accepted chat');
    await expectGone(queueRow(page, chatId), `the queue row of the accepted chat ${chatId}`);
    await waitForFrame(resident, (f) => f.type === 'event' && f.event && f.event.kind === 'joined', 'a "joined" event');
    const log = selectedPanel(page).locator('[role="log"]');
    if ((await log.count()) !== 1) fail('the chat panel has no role="log" transcript');
    await expectVisible(log.locator('li.system'), 'the "joined" line in the transcript');
    if (ctx.conversationId) {
      // The bot conversation arrives with the chat's details, which may come after the
      // "joined" event over the socket.
      const history = selectedPanel(page).locator('.bot-history li');
      const turns = await waitUntil(async () => {
        const count = await history.count();
        return count >= 2 ? count : 0;
      }, WAIT_MS);
      if (turns < 2) fail(`the bot conversation should show the question and the answer, it shows ${turns} item(s)`);
      const first = selectedPanel(page).locator('.bot-history li').first();
      const text = (await first.locator('.msg-text').textContent()).trim();
      if (text !== BOT_QUESTION) fail(`the bot conversation should start with the question, it starts with ${JSON.stringify(text)}`);
    }
    await expectNoAxeViolations(page, 'with the accepted chat open');
  });

  await step('6. a reply sent with Enter reaches the resident; Shift+Enter adds a line', async () => {
    await page.keyboard.type('Línea uno');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('línea dos');
    const value = await selectedPanel(page).locator('textarea').inputValue();
    if (value !== 'Línea uno\nlínea dos') fail(`Shift+Enter should add a new line; the box holds ${JSON.stringify(value)}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(STAFF_REPLY);
    await page.keyboard.press('Enter');
    const mine = selectedPanel(page).locator('li.from-staff', { hasText: STAFF_REPLY });
    await expectVisible(mine, 'the sent message in the transcript');
    const acked = await waitUntil(async () => {
      const states = await mine.evaluateAll((items) => items.map((li) => ({ pending: li.classList.contains('pending'), seq: li.dataset.seq })));
      return states.length === 1 && !states[0].pending && states[0].seq ? states[0] : null;
    });
    if (!acked) fail(`the sent message was not acknowledged (or shown twice): ${await mine.count()} copies`);
    const box = await selectedPanel(page).locator('textarea').inputValue();
    if (box !== '') fail(`the reply box should be empty after sending, it holds ${JSON.stringify(box)}`);
    const frame = await waitForFrame(
      resident,
      (f) => f.type === 'event' && f.event && f.event.kind === 'message' && f.event.from === 'staff',
      'the staff message',
    );
    if (frame.event.text !== STAFF_REPLY) fail(`the resident received ${JSON.stringify(frame.event.text)}, expected ${JSON.stringify(STAFF_REPLY)}`);
    if (String(frame.event.seq) !== String(acked.seq)) {
      fail(`the console shows the message as seq ${acked.seq}, the resident received seq ${frame.event.seq}`);
    }
    // Typing is sent when it starts and stops, not per keystroke. Typing frames travel over the
    // console's socket, the message through its POST: the two reach the resident on their own.
    const typingFrames = async () => (await residentFrames(resident)).filter((f) => f.type === 'typing');
    await waitUntil(async () => (await typingFrames()).some((f) => f.active === true), WAIT_MS);
    const typing = await typingFrames();
    if (!typing.some((f) => f.active === true)) fail('the resident was never told that staff are typing');
    if (typing.length > 6) fail(`the console sent ${typing.length} typing frames for two short messages: one per keystroke?`);
    console.log(`  typing frames for ${STAFF_REPLY.length + 18} keystrokes: ${typing.map((f) => f.active).join(', ')}`);
  });

  await step('7. the resident types and writes; the console shows and announces it once', async () => {
    await residentSend(resident, { type: 'typing', active: true });
    await expectVisible(selectedPanel(page).locator('.typing'), 'the "Resident is typing…" indicator');
    const typing = (await selectedPanel(page).locator('.typing').textContent()).trim();
    if (typing !== 'Resident is typing…') fail(`unexpected typing indicator text: ${JSON.stringify(typing)}`);
    const id = await resident.evaluate(() => crypto.randomUUID());
    await residentSend(resident, { type: 'message', id, text: RESIDENT_MESSAGE });
    const theirs = selectedPanel(page).locator('li.from-resident', { hasText: RESIDENT_MESSAGE });
    await expectVisible(theirs, "the resident's message in the transcript");
    await expectAnnounced(page, /Resident: Vivo en la calle Mayor/, "the resident's message");
    const lang = await theirs.first().getAttribute('lang');
    if (lang !== 'es') fail(`the resident's message should have lang="es", found ${JSON.stringify(lang)}`);
    const who = (await theirs.first().locator('.msg-meta').textContent()).trim();
    if (!who.startsWith('Resident')) fail(`the resident's message should say who sent it, it says ${JSON.stringify(who)}`);
    await waitForFrame(resident, (f) => f.type === 'ack' && f.id === id, "the ack of the resident's message");
    if (!(await selectedPanel(page).locator('.typing').isHidden())) fail('the typing indicator is still shown after the message');
    // A second copy of the same message (a resend) is acknowledged again and not shown twice.
    await residentSend(resident, { type: 'message', id, text: RESIDENT_MESSAGE });
    const acks = await waitUntil(async () => {
      const frames = (await residentFrames(resident)).filter((f) => f.type === 'ack' && f.id === id);
      return frames.length >= 2 ? frames : null;
    });
    if (!acks) fail("the resent copy of the resident's message was not acknowledged");
    if (acks[0].seq !== acks[1].seq) fail(`the resent copy got seq ${acks[1].seq}, the first ${acks[0].seq}`);
    await page.waitForTimeout(500);
    const copies = await theirs.count();
    if (copies !== 1) fail(`the resident's message is shown ${copies} times`);
    await screenshot(page, 'staff-console-chat.png');
    await expectNoAxeViolations(page, "with the resident's message shown");
  });

  await step('8. a dropped connection: "Reconnecting…", then nothing is lost or shown twice', async () => {
    const { context } = ctx;
    await context.setOffline(true);
    const dropped = await page.evaluate(() => {
      const open = window.__consoleSockets.filter((s) => s.readyState === WebSocket.OPEN);
      for (const socket of open) socket.close(4000, 'test: connection dropped');
      return open.length;
    });
    if (dropped !== 1) fail(`expected the console to have 1 open WebSocket, it has ${dropped}`);
    await expectVisible(page.locator('#connection'), 'the "Reconnecting…" status');
    const status = (await page.locator('#connection').textContent()).trim();
    if (status !== 'Reconnecting…') fail(`the connection status says ${JSON.stringify(status)}`);
    await expectAnnounced(page, /Reconnecting/, 'the lost connection');

    // The resident writes while the console is away; staff write while offline.
    const id = await resident.evaluate(() => crypto.randomUUID());
    await residentSend(resident, { type: 'message', id, text: RESIDENT_WHILE_AWAY });
    await waitForFrame(resident, (f) => f.type === 'ack' && f.id === id, 'the ack of the message sent while staff were away');
    await tabUntil(page, (f) => f.part === 'reply', 'the reply box');
    await page.keyboard.type(STAFF_WHILE_OFFLINE);
    await page.keyboard.press('Enter');
    const pending = selectedPanel(page).locator('li.from-staff.pending', { hasText: STAFF_WHILE_OFFLINE });
    await expectVisible(pending, 'the message sent while offline, marked as sending');
    const sending = (await pending.locator('.msg-status').textContent()).trim();
    if (!sending.startsWith('sending…')) fail(`the unsent message should say "sending…", it says ${JSON.stringify(sending)}`);
    await page.waitForTimeout(2_500);
    if (!(await page.locator('#connection').isVisible())) fail('"Reconnecting…" disappeared while still offline');

    await context.setOffline(false);
    try {
      await page.locator('#connection').waitFor({ state: 'hidden', timeout: 40_000 });
    } catch {
      fail('the console did not reconnect within 40 s of coming back online');
    }
    await expectAnnounced(page, /Connected again/, 'the restored connection');
    const theirs = selectedPanel(page).locator('li.from-resident', { hasText: RESIDENT_WHILE_AWAY });
    await expectVisible(theirs, 'the message the resident sent while the console was away');
    const mine = selectedPanel(page).locator('li.from-staff', { hasText: STAFF_WHILE_OFFLINE });
    const delivered = await waitUntil(async () => (await mine.count()) === 1 && (await pending.count()) === 0, 15_000);
    if (!delivered) fail(`the message sent while offline was not delivered once: ${await mine.count()} copies, ${await pending.count()} pending`);
    // The console learns of the delivery from its POST's answer; the resident's copy comes over
    // the resident's own socket, possibly later: wait for it, then check it came once.
    const receivedFrames = async () => (await residentFrames(resident)).filter(
      (f) => f.type === 'event' && f.event && f.event.kind === 'message' && f.event.text === STAFF_WHILE_OFFLINE,
    );
    await waitUntil(async () => (await receivedFrames()).length > 0, WAIT_MS);
    await page.waitForTimeout(500);
    if ((await theirs.count()) !== 1) fail(`the message sent while away is shown ${await theirs.count()} times`);
    const received = await receivedFrames();
    if (received.length !== 1) fail(`the resident received the message sent while offline ${received.length} times`);
    const seqs = await selectedPanel(page).locator('.messages li[data-seq]').evaluateAll((items) => items.map((li) => Number(li.dataset.seq)));
    const sorted = [...seqs].sort((a, b) => a - b);
    if (new Set(seqs).size !== seqs.length || JSON.stringify(seqs) !== JSON.stringify(sorted)) {
      fail(`the transcript's events are not each shown once in order: seq ${seqs.join(', ')}`);
    }
    await expectNoAxeViolations(page, 'after reconnecting');
  });

  await step('9. 320 px wide and dark: no horizontal scrolling, no axe violations', async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.emulateMedia({ colorScheme: 'dark' });
    // Let colour transitions finish before axe reads the colours.
    await page.waitForTimeout(400);
    await expectReflow(page, 'with a chat open');
    await expectNoAxeViolations(page, 'at 320 px in dark mode');
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await page.waitForTimeout(400);
    await expectNoAxeViolations(page, 'in forced colors');
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.waitForTimeout(400);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('10. a canned reply is inserted from the keyboard', async () => {
    const select = selectedPanel(page).locator('select[data-part="canned"]');
    const options = await select.locator('option').evaluateAll((items) => items.map((o) => ({ value: o.value, text: o.textContent })));
    const replies = options.filter((o) => o.value !== '');
    if (!replies.length) {
      console.log(`  note: no canned replies for Spanish (${JSON.stringify(options.map((o) => o.text))}); skipped`);
      return;
    }
    await tabUntil(page, (f) => f.part === 'canned', 'the canned reply picker');
    await page.keyboard.press('ArrowDown');
    const chosen = await select.inputValue();
    if (chosen === '') fail('ArrowDown on the canned reply picker did not choose a reply');
    await tabUntil(page, (f) => f.action === 'insert', 'the Insert button');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.part === 'reply', 'the reply box after inserting');
    const value = await selectedPanel(page).locator('textarea').inputValue();
    if (!value.trim()) fail('the canned reply was not inserted into the reply box');
    console.log(`  inserted: ${JSON.stringify(value.slice(0, 80))}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  });

  await step('11. transfer to another department puts the chat back in the queue', async () => {
    const transfer = selectedPanel(page).locator('form[data-part="transfer"]');
    if (!(await transfer.isVisible())) {
      console.log('  note: the site has no other department to transfer to; skipped');
      return;
    }
    const target = await transfer.locator('select').evaluate((s) => s.selectedOptions[0].textContent);
    await tabUntil(page, (f) => f.part === 'department', 'the department picker');
    await page.keyboard.press('Tab');
    await expectFocus(page, (f) => f.tag === 'button' && f.text === 'Transfer', 'the Transfer button');
    await page.keyboard.press('Enter');
    await waitForFrame(
      resident,
      (f) => f.type === 'event' && f.event && f.event.kind === 'transferred',
      'a "transferred" event',
    );
    await expectGone(chatTab(page, chatId), 'the transferred chat tab');
    await expectVisible(queueRow(page, chatId), `chat ${chatId} back in the queue`);
    await expectAnnounced(page, /transferred to/, 'the transfer');
    const department = (await queueRow(page, chatId).locator('td.department').textContent()).trim();
    if (department !== target) fail(`the queue row should show department ${JSON.stringify(target)}, it shows ${JSON.stringify(department)}`);
    await expectNoAxeViolations(page, 'after the transfer');
    await tabUntil(page, isAcceptFor(chatId), `the Accept button of chat ${chatId}`, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.part === 'reply', 'the reply box of the chat accepted again');
    // The chat's history loads after the panel opens: wait for it, then make sure it stays single.
    const theirs = selectedPanel(page).locator('li.from-resident', { hasText: RESIDENT_MESSAGE });
    if (!(await waitUntil(async () => (await theirs.count()) > 0, WAIT_MS))) {
      fail("after accepting again the resident's message is not shown");
    }
    await page.waitForTimeout(500);
    const copies = await theirs.count();
    if (copies !== 1) fail(`after accepting again the resident's message is shown ${copies} times`);
  });

  await step('12. closing with a reason ends the chat for the resident', async () => {
    await tabUntil(page, (f) => f.part === 'reason', 'the close reason picker');
    await page.keyboard.press('ArrowDown');
    const reason = await selectedPanel(page).locator('select[data-part="reason"]').inputValue();
    if (reason !== 'referred') fail(`ArrowDown should choose "Referred elsewhere", the reason is ${JSON.stringify(reason)}`);
    await page.keyboard.press('Tab');
    await expectFocus(page, (f) => f.part === 'note', 'the note field');
    await page.keyboard.type('Sent to 311');
    await page.keyboard.press('Tab');
    await expectFocus(page, (f) => f.tag === 'button' && f.text === 'Close chat', 'the Close chat button');
    await page.keyboard.press('Enter');
    await waitForFrame(
      resident,
      (f) => f.type === 'event' && f.event && f.event.kind === 'closed',
      'a "closed" event',
    );
    await expectGone(chatTab(page, chatId), 'the closed chat tab');
    await expectAnnounced(page, /closed: Referred elsewhere/, 'the close');
    if ((await page.locator('[role="tab"]').count()) === 0) {
      await expectVisible(page.locator('#chats-empty'), 'the "no open chats" message');
      await expectFocus(page, (f) => f.id === 'chats-title', 'the My chats heading');
    } else {
      await expectFocus(page, (f) => f.role === 'tab', 'the tab of another open chat');
    }
    await expectNoAxeViolations(page, 'after closing the chat');
  });

  await step('13. messages left outside office hours are listed and marked done', async () => {
    const created = await request(base, 'POST', '/api/v1/tickets', {
      site,
      lang: 'es',
      name: 'Ana',
      contact: 'ana@example.com',
      message: TICKET_MESSAGE,
    });
    if (created.status !== 201 || !created.data || !created.data.ticket_id) {
      fail(`POST /api/v1/tickets answered ${created.status} ${JSON.stringify(created.data)}`);
    }
    const ticketId = created.data.ticket_id;
    await tabUntil(page, (f) => f.id === 'tickets-refresh', 'the Refresh messages button');
    await page.keyboard.press('Enter');
    const row = page.locator(`#tickets-rows tr[data-key="${ticketId}"]`);
    await expectVisible(row, `the row of ticket ${ticketId}`);
    const cells = await row.evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));
    const expected = [ticketId, null, 'Spanish (es)', 'Ana', 'ana@example.com', null, TICKET_MESSAGE];
    expected.forEach((want, i) => {
      if (want !== null && cells[i] !== want) fail(`ticket row cell ${i + 1} should be ${JSON.stringify(want)}, it is ${JSON.stringify(cells[i])}`);
    });
    if (!cells[1]) fail('the ticket row has no date');
    await expectNoAxeViolations(page, 'with a message listed');
    await expectReflow(page, 'with a message listed');
    await tabUntil(page, (f) => f.action === 'done' && f.rowKey === ticketId, `the Mark done button of ${ticketId}`);
    await page.keyboard.press('Enter');
    await expectGone(row, `the row of ticket ${ticketId}`);
    await expectAnnounced(page, /marked done/, 'the ticket marked done');
    const again = await page.evaluate(async () => (await fetch('/staff/api/tickets')).json());
    const still = Array.isArray(again) && again.find((t) => t.ticket_id === ticketId);
    if (still && !['closed', 'done', 'resolved'].includes(still.status)) {
      fail(`ticket ${ticketId} is still open on the server: ${JSON.stringify(still)}`);
    }
    await expectNoAxeViolations(page, 'after marking the message done');
  });

  await step('13a. a site that takes no service requests shows no Service requests section', async () => {
    const mode = await page.evaluate(async () => (await (await fetch('/staff/api/requests')).json()).mode);
    if (mode === 'local') {
      console.log('  note: this site keeps service requests; tests/browser/staff_requests.mjs covers the section');
      return;
    }
    const shown = await page.evaluate(() => ({
      link: !document.getElementById('nav-requests-item').hidden,
      section: !document.getElementById('requests').hidden,
      local: !document.getElementById('requests-local').hidden,
    }));
    if (mode === 'none' && (shown.link || shown.section)) fail(`with no service requests the section should be hidden: ${JSON.stringify(shown)}`);
    if (mode === 'upstream' && (!shown.section || shown.local)) fail(`in upstream mode only the explanation should show: ${JSON.stringify(shown)}`);
  });

  await step('14. signing out returns to the sign-in form', async () => {
    await tabUntil(page, (f) => f.id === 'sign-out', 'the Sign out button', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('#signin-email'), 'the sign-in form after signing out');
    if (await page.locator('#console').isVisible()) fail('the console is still visible after signing out');
    const me = await page.evaluate(async () => (await fetch('/staff/api/me')).status);
    if (me !== 401) fail(`after signing out GET /staff/api/me answers ${me}, expected 401`);
    await expectNoAxeViolations(page, 'after signing out');
  });
}

// ---- main ------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.error) {
    if (args.error) console.error(`staff console: ${args.error}`);
    console.error(
      'usage: node tests/browser/staff_console.mjs --url http://127.0.0.1:PORT --email E --password P [--site riverton]',
    );
    return args.help ? 0 : 2;
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    console.error(`staff console: FAILED: cannot launch Chromium at ${CHROMIUM}: ${error.message}`);
    return 1;
  }

  const notes = [];
  const problems = [];
  let current = 'starting';
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Keeps the console's WebSockets reachable, so a step can drop the connection.
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      window.__consoleSockets = [];
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          window.__consoleSockets.push(this);
        }
      };
    });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
      else if (msg.type() === 'error') notes.push(`console error: ${text}`);
    });

    const ctx = { page, context, browser, base: args.url, args, resident: null };
    const step = async (name, run) => {
      current = name;
      try {
        await run();
        if (problems.length) fail(problems.join('\n'));
      } catch (error) {
        const reason = error instanceof FlowError ? error.message : `unexpected error: ${error.stack || error}`;
        console.error(`staff console: FAILED at step ${name}\n${reason}`);
        for (const line of [...problems, ...notes]) console.error(`  ${line}`);
        const shot = await screenshot(page, 'staff-console-failure.png');
        if (shot) console.error(`  screenshot: ${shot}`);
        throw new FlowError('reported');
      }
      console.log(`staff console: ${name}: ok`);
    };

    const timer = setTimeout(() => {
      console.error(`staff console: FAILED: timed out after ${TOTAL_MS / 1000} s during step ${current}`);
      for (const line of [...problems, ...notes]) console.error(`  ${line}`);
      process.exit(1);
    }, TOTAL_MS);
    timer.unref();

    await flow({ ...ctx, step });
    for (const line of notes) console.log(`  note: ${line}`);
    console.log('staff console: ok');
    return 0;
  } catch (error) {
    if (!(error instanceof FlowError)) {
      console.error(`staff console: FAILED during ${current}: ${error.stack || error}`);
    }
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
