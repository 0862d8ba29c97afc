// Live chat with city staff, keyboard-only as the resident, in headless Chromium with axe-core
// checks in every state: a handoff reply offers "Talk to a person", the resident waits in the
// queue, a staff member (through the staff API in a second page) accepts and writes, the
// resident answers, reloads the page and carries on, ends the chat, rates it and gets the
// transcript links. With --closed-url, also the way when nobody can chat: when staff are back,
// and "Leave a message" with its errors and its reference.
//
// Usage:
//   node tests/browser/live_chat.mjs --url http://127.0.0.1:PORT/ \
//       --email alex@riverton.example --password '…' [--closed-url http://127.0.0.1:PORT2/]
//
// --url is a demo page whose site has live chat open (office hours; the staff member of
// --email signs in during the test, which makes someone available). --closed-url, when given,
// is a demo page of a server whose site is outside office hours.
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
/** Longest wait for the widget or the server to show something. */
const WAIT_MS = 10_000;
/** Longest the whole run may take before it is reported as hung. */
const TOTAL_MS = 240_000;
const MAX_TABS = 60;

/** A question the demo city's bot hands off to a person. */
const HANDOFF_QUESTION = 'I want to talk to a person';
const STAFF_MESSAGE = 'Hello, this is Alex from the city. Which street are you on?';
const RESIDENT_REPLY = 'Elm Street, near the library.';
const AFTER_RELOAD_MESSAGE = 'Thank you, I have sent a crew to Elm Street.';
const RATING_COMMENT = 'Quick and friendly.';
const TICKET_MESSAGE = 'My recycling bin was not emptied this week.';

/** A failed expectation: its message is the reason printed for the step. */
class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  const args = { url: '', email: '', password: '', closedUrl: '' };
  const names = { '--url': 'url', '--email': 'email', '--password': 'password', '--closed-url': 'closedUrl' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const name = names[flag];
    if (!name) return { error: `unknown argument: ${arg}` };
    if (inline !== null) {
      args[name] = inline;
    } else {
      args[name] = argv[i + 1] || '';
      i += 1;
    }
  }
  for (const required of ['url', 'email', 'password']) {
    if (!args[required]) return { error: `missing --${required}` };
  }
  for (const key of ['url', 'closedUrl']) {
    if (!args[key]) continue;
    try {
      new URL(args[key]);
    } catch {
      return { error: `not a URL: ${args[key]}` };
    }
  }
  return args;
}

// ---- helpers running in the page ------------------------------------------------------------

/** The deep active element (through open shadow roots): id, classes, and whether it is in the widget. */
async function deepActive(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      el = el.shadowRoot.activeElement;
    }
    if (!el) return { description: '(nothing)', id: '', classes: [], inWidget: false, tag: '' };
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const inWidget = Boolean(host && host.id === 'wayfinder-widget');
    let description = el.tagName.toLowerCase();
    if (el.id) description += `#${el.id}`;
    for (const cls of el.classList) description += `.${cls}`;
    if (el.getAttribute('type')) description += `[type=${el.getAttribute('type')}]`;
    if (host) description = `${host.tagName.toLowerCase()}#${host.id} >> ${description}`;
    return {
      description,
      id: el.id,
      classes: [...el.classList],
      inWidget,
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') || '',
      value: el.value === undefined ? null : el.value,
    };
  });
}

/** Presses `key` until `reached(active)` holds for the deep active element. */
async function tabUntil(page, key, reached, what) {
  const visited = [];
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press(key);
    const active = await deepActive(page);
    visited.push(active.description);
    if (reached(active)) return active;
  }
  fail(
    `pressing ${key} ${MAX_TABS} times never reached ${what}; focus went to: ` +
      `${[...new Set(visited)].join(', ')}`,
  );
  return null;
}

async function expectFocus(page, reached, what) {
  const ok = await waitUntil(async () => reached(await deepActive(page)), 5_000);
  if (!ok) fail(`expected focus on ${what}, but it is on ${(await deepActive(page)).description}`);
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
      if (node.summary) lines.push(...node.summary.split('\n').map((line) => `        ${line}`));
    }
  }
  fail(lines.join('\n'));
}

/** Records every text the widget's live region receives, in `window.__announced`. */
async function recordAnnouncements(page) {
  const ok = await waitUntil(() =>
    page.evaluate(() => {
      const host = document.getElementById('wayfinder-widget');
      const region = host && host.shadowRoot && host.shadowRoot.getElementById('wf-announcer');
      if (!region) return false;
      if (!window.__announced) {
        window.__announced = [];
        new MutationObserver(() => {
          const text = (region.textContent || '').trim();
          if (text) window.__announced.push(text);
        }).observe(region, { childList: true, characterData: true, subtree: true });
      }
      return true;
    }),
  );
  if (!ok) fail('the widget has no #wf-announcer live region');
}

async function announced(page) {
  return page.evaluate(() => window.__announced || []);
}

/** How many times `text` was announced (as part of any announcement). */
async function timesAnnounced(page, text) {
  const all = await announced(page);
  return all.reduce((n, said) => n + said.split(text).length - 1, 0);
}

async function expectAnnouncedOnce(page, text, what) {
  const said = await waitUntil(async () => (await timesAnnounced(page, text)) > 0, 5_000);
  if (!said) fail(`${what} was never announced; the live region said: ${JSON.stringify(await announced(page))}`);
  // A later repeat would come within the announcer's debounce and the next frames.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const times = await timesAnnounced(page, text);
  if (times !== 1) {
    fail(`${what} was announced ${times} times, expected once: ${JSON.stringify(await announced(page))}`);
  }
}

/** Text of the widget's element `selector` (shadow DOM is pierced by the locator). */
async function textOf(page, selector) {
  const el = page.locator(selector);
  if ((await el.count()) === 0) return null;
  return ((await el.first().textContent()) || '').replace(/\s+/g, ' ').trim();
}

async function openWidget(page, url) {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    fail(`cannot load ${url}: ${error.message.split('\n')[0]}`);
  }
  if (!response || !response.ok()) fail(`loading ${url} answered HTTP ${response ? response.status() : '(none)'}`);
  await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
  await tabUntil(page, 'Tab', (a) => a.inWidget && a.id === 'launcher', 'the launcher');
  await page.keyboard.press('Enter');
  try {
    await page.locator('#wf-dialog').waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    fail('#wf-dialog did not open after Enter on the launcher');
  }
  await expectFocus(page, (a) => a.inWidget && a.id === 'wf-input', 'the text input');
  await recordAnnouncements(page);
}

/** Types `question` into the focused input, presses Enter, waits for a new bot message. */
async function ask(page, question) {
  await expectFocus(page, (a) => a.inWidget && a.id === 'wf-input', 'the text input');
  const before = await page.locator('#wf-log .message.bot').count();
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  const ok = await waitUntil(async () => (await page.locator('#wf-log .message.bot').count()) > before);
  if (!ok) fail(`no bot reply appeared within ${WAIT_MS / 1000} s after asking ${JSON.stringify(question)}`);
}

/** Asks the handoff question and moves focus (Shift+Tab) to the reply's "Talk to a person". */
async function reachTalkButton(page) {
  await ask(page, HANDOFF_QUESTION);
  const talk = page.locator('#wf-log .message.bot').last().locator('button.talk');
  if ((await talk.count()) !== 1) {
    fail(
      `the reply to ${JSON.stringify(HANDOFF_QUESTION)} offers no "Talk to a person" button ` +
        `(button.talk); it says ${JSON.stringify(await textOf(page, '#wf-log .message.bot >> nth=-1'))}`,
    );
  }
  await tabUntil(page, 'Shift+Tab', (a) => a.inWidget && a.classes.includes('talk'), 'the "Talk to a person" button');
}

/** The staff API, used from a page of the server's origin so the browser keeps the cookie. */
class Staff {
  constructor(page, origin) {
    this.page = page;
    this.origin = origin;
    this.csrf = '';
  }

  async call(method, apiPath, body) {
    const answer = await this.page.evaluate(
      async ({ method, url, body, csrf }) => {
        const headers = { 'content-type': 'application/json' };
        if (csrf) headers['x-csrf-token'] = csrf;
        const response = await fetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: 'same-origin',
        });
        const text = await response.text();
        return { status: response.status, text };
      },
      { method, url: `${this.origin}${apiPath}`, body, csrf: method === 'GET' ? '' : this.csrf },
    );
    let json = null;
    try {
      json = JSON.parse(answer.text);
    } catch {
      // Not JSON: reported below when it matters.
    }
    if (answer.status < 200 || answer.status >= 300) {
      fail(`staff API ${method} ${apiPath} answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
    }
    return json;
  }

  /** Signs in, then opens the console's socket, which makes the staff member available. */
  async signIn(email, password) {
    await this.page.goto(`${this.origin}/healthz`);
    const me = await this.call('POST', '/staff/api/login', { email, password });
    if (!me || !me.csrf_token) fail(`staff sign-in gave no csrf_token: ${JSON.stringify(me)}`);
    this.csrf = me.csrf_token;
    this.name = me.name;
    const connected = await this.page.evaluate(
      (url) =>
        new Promise((resolve) => {
          window.__staffFrames = [];
          const ws = new WebSocket(url);
          window.__staffSocket = ws;
          ws.onmessage = (event) => {
            try {
              window.__staffFrames.push(JSON.parse(event.data));
            } catch {
              // ignore
            }
          };
          ws.onopen = () => resolve(true);
          ws.onerror = () => resolve(false);
          setTimeout(() => resolve(false), 5000);
        }),
      `${this.origin.replace(/^http/, 'ws')}/staff/api/live`,
    );
    if (!connected) fail('the staff console socket /staff/api/live did not open');
    return me;
  }

  /** Tells the resident that the staff member is (or stopped) typing, over the console socket. */
  async typing(chatId, active) {
    await this.page.evaluate(
      ({ chatId, active }) => window.__staffSocket.send(JSON.stringify({ type: 'typing', chat_id: chatId, active })),
      { chatId, active },
    );
  }

  async frames() {
    return this.page.evaluate(() => window.__staffFrames || []);
  }
}

async function availability(page, origin) {
  return page.evaluate(async (url) => (await fetch(url)).json(), `${origin}/api/v1/live/availability?site=riverton`);
}

async function storedChat(page) {
  const raw = await page.evaluate(() => sessionStorage.getItem('wayfinder:chat'));
  return raw ? JSON.parse(raw) : null;
}

async function liveStatus(page) {
  return textOf(page, '#wf-live-status');
}

async function expectLiveStatus(page, pattern, what) {
  const ok = await waitUntil(async () => pattern.test((await liveStatus(page)) || ''));
  if (!ok) fail(`expected the chat status to say ${what} (${pattern}), it says ${JSON.stringify(await liveStatus(page))}`);
}

// ---- the flows --------------------------------------------------------------------------------

async function openFlow(context, args, step) {
  const origin = new URL(args.url).origin;
  const page = await context.newPage();
  const staffPage = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const staff = new Staff(staffPage, origin);
  let chatId = '';
  let talkFocus = null;

  await step('open 1. the handoff reply offers "Talk to a person"', async () => {
    await openWidget(page, args.url);
    await reachTalkButton(page);
  });

  await step('open 2. a staff member signs in and is available', async () => {
    await staff.signIn(args.email, args.password);
    const open = await waitUntil(async () => (await availability(staffPage, origin)).open === true, 5_000);
    if (!open) fail(`live chat is not open after signing in: ${JSON.stringify(await availability(staffPage, origin))}`);
  });

  await step('open 3. choosing "Talk to a person" joins the queue, announced once', async () => {
    talkFocus = await deepActive(page);
    await page.keyboard.press('Enter');
    const bar = await waitUntil(async () => page.locator('#wf-live').isVisible());
    if (!bar) fail('the live chat bar #wf-live did not appear after choosing "Talk to a person"');
    await expectLiveStatus(page, /You are number \d+ in line\./, 'the place in the queue');
    const place = (await liveStatus(page)).match(/You are number \d+ in line\./)[0];
    await expectAnnouncedOnce(page, place, 'the place in the queue');
    const stored = await storedChat(page);
    if (!stored || !stored.chat_id || !stored.token) fail(`sessionStorage has no chat: ${JSON.stringify(stored)}`);
    chatId = stored.chat_id;
    const after = await deepActive(page);
    if (after.description !== talkFocus.description) {
      fail(`focus moved from ${talkFocus.description} to ${after.description} while joining the queue`);
    }
    await expectNoAxeViolations(page, 'waiting in the queue');
  });

  await step('open 4. staff accept and write; "… has joined" and the message are shown and announced once', async () => {
    const queue = await staff.call('GET', '/staff/api/queue');
    const waiting = (queue.waiting || []).map((c) => c.chat_id);
    if (!waiting.includes(chatId)) fail(`chat ${chatId} is not in the staff queue: ${JSON.stringify(waiting)}`);
    await staff.call('POST', `/staff/api/chats/${chatId}/accept`);
    await staff.call('POST', `/staff/api/chats/${chatId}/messages`, { id: `staff-${Date.now()}`, text: STAFF_MESSAGE });
    const joined = await waitUntil(async () => {
      const notes = await page.locator('#wf-log .message.note').allTextContents();
      return notes.map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => /has joined the chat/.test(t));
    });
    if (!joined) fail('no "… has joined the chat." note appeared in the transcript');
    if (!joined.startsWith(staff.name)) fail(`the joined note should name ${staff.name}: ${JSON.stringify(joined)}`);
    const message = await waitUntil(async () => {
      const found = page.locator('#wf-log .message.staff', { hasText: STAFF_MESSAGE });
      return (await found.count()) === 1 ? found : null;
    });
    if (!message) fail(`the staff message ${JSON.stringify(STAFF_MESSAGE)} did not appear once as .message.staff`);
    const shown = await message.evaluate((el) => ({
      lang: el.getAttribute('lang'),
      dir: el.getAttribute('dir'),
      sender: (el.querySelector('.sender') || {}).textContent || '',
      inLog: el.closest('[role="log"]') !== null,
    }));
    if (!shown.lang || !shown.dir) fail(`the staff message lacks lang/dir: ${JSON.stringify(shown)}`);
    if (shown.sender.trim() !== staff.name) fail(`the staff message should name ${staff.name}, it says ${JSON.stringify(shown.sender)}`);
    if (!shown.inLog) fail('the staff message is not inside the role="log" transcript');
    await expectAnnouncedOnce(page, joined, 'the joined note');
    await expectAnnouncedOnce(page, STAFF_MESSAGE, 'the staff message');
    await expectLiveStatus(page, new RegExp(`You are chatting with ${staff.name}\\.`), 'who answers');
    const after = await deepActive(page);
    if (after.description !== talkFocus.description) {
      fail(`focus moved from ${talkFocus.description} to ${after.description} when staff joined or wrote`);
    }
    await expectNoAxeViolations(page, 'with a staff member in the chat');
  });

  await step('open 5. staff typing shows in the status line without being announced', async () => {
    const before = (await announced(page)).length;
    await staff.typing(chatId, true);
    await expectLiveStatus(page, new RegExp(`${staff.name} is typing…`), 'that staff are typing');
    await staff.typing(chatId, false);
    await expectLiveStatus(page, new RegExp(`You are chatting with ${staff.name}\\.`), 'who answers, once typing stops');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const since = (await announced(page)).slice(before);
    if (since.some((said) => /typing/.test(said))) fail(`typing was announced: ${JSON.stringify(since)}`);
  });

  await step('open 6. the resident answers; it is sent once, acknowledged and typing is sent on change only', async () => {
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.id === 'wf-input', 'the text input');
    const label = await textOf(page, 'label[for="wf-input"]');
    if (label !== 'Your message') fail(`during a chat the input should be labelled "Your message", it is ${JSON.stringify(label)}`);
    await page.keyboard.type(RESIDENT_REPLY, { delay: 20 });
    await page.keyboard.press('Enter');
    const mine = page.locator('#wf-log .message.user', { hasText: RESIDENT_REPLY });
    const acked = await waitUntil(async () => (await mine.count()) === 1 && (await mine.locator('.pending').count()) === 0);
    if (!acked) fail(`the reply should show once and lose "Sending…" when acknowledged (shown ${await mine.count()} times)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if ((await mine.count()) !== 1) fail(`the reply is shown ${await mine.count()} times, expected once`);
    // "Stopped typing" follows the message over the resident's socket and reaches the staff
    // socket on its own, maybe after the acknowledgement: wait for it, then check them all.
    const typingChanges = async () =>
      (await staff.frames()).filter((f) => f.type === 'typing' && f.chat_id === chatId).map((f) => f.active);
    await waitUntil(async () => {
      const sofar = await typingChanges();
      return sofar.length >= 2 && sofar[sofar.length - 1] === false;
    }, WAIT_MS);
    const changes = await typingChanges();
    if (changes.length < 2 || changes.length > 4 || changes[0] !== true || changes[changes.length - 1] !== false) {
      fail(`typing should be sent once when it starts and once when it stops, staff saw ${JSON.stringify(changes)}`);
    }
    const chat = await staff.call('GET', `/staff/api/chats/${chatId}`);
    const texts = (chat.events || []).filter((e) => e.kind === 'message' && e.from === 'resident').map((e) => e.text);
    if (texts.filter((t) => t === RESIDENT_REPLY).length !== 1) {
      fail(`the staff API should have the reply once, it has resident messages ${JSON.stringify(texts)}`);
    }
  });

  await step('open 7. after a reload the chat carries on: history once, new messages announced', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.locator('button#launcher').focus();
    await page.keyboard.press('Enter');
    await page.locator('#wf-dialog').waitFor({ state: 'visible', timeout: WAIT_MS });
    await recordAnnouncements(page);
    await expectLiveStatus(page, new RegExp(`You are chatting with ${staff.name}\\.`), 'who answers, after the reload');
    const history = await waitUntil(async () => (await page.locator('#wf-log .message.staff', { hasText: STAFF_MESSAGE }).count()) === 1);
    if (!history) fail('after the reload the earlier staff message is not shown (once)');
    // The history is replayed one event per frame: the resident's reply comes after the staff
    // message.
    const own = page.locator('#wf-log .message.user', { hasText: RESIDENT_REPLY });
    if (!(await waitUntil(async () => (await own.count()) === 1))) {
      fail('after the reload the resident\'s own earlier message is not shown once');
    }
    await staff.call('POST', `/staff/api/chats/${chatId}/messages`, { id: `staff-${Date.now()}`, text: AFTER_RELOAD_MESSAGE });
    await expectAnnouncedOnce(page, AFTER_RELOAD_MESSAGE, 'the staff message after the reload');
    if ((await timesAnnounced(page, STAFF_MESSAGE)) !== 0) fail('the earlier staff message was announced again after the reload');
  });

  await step('open 8. "End chat" ends it; stars, comment and transcript links are offered', async () => {
    await expectFocus(page, (a) => a.inWidget && a.id === 'wf-input', 'the text input after reopening');
    await tabUntil(page, 'Shift+Tab', (a) => a.inWidget && a.id === 'wf-end', 'the "End chat" button');
    await page.keyboard.press('Enter');
    const ended = page.locator('#wf-log .message.ended');
    if (!(await waitUntil(async () => (await ended.count()) === 1))) fail('no .message.ended appeared after "End chat"');
    await expectFocus(page, (a) => a.inWidget && a.tag === 'input' && a.type === 'radio', 'the first star (the "End chat" button is gone)');
    const form = await ended.evaluate((el) => {
      const fieldset = el.querySelector('fieldset');
      const legend = fieldset && fieldset.querySelector(':scope > legend');
      const radios = fieldset ? [...fieldset.querySelectorAll('input[type=radio]')] : [];
      const root = el.getRootNode();
      const labelled = radios.every((r) => root.querySelector(`label[for="${r.id}"]`));
      const links = [...el.querySelectorAll('a[download]')].map((a) => ({ href: a.href, text: a.textContent.trim() }));
      return { legend: legend ? legend.textContent : null, radios: radios.length, labelled, links };
    });
    if (!form.legend) fail('the stars have no <fieldset> with a <legend>');
    if (form.radios !== 5 || !form.labelled) fail(`expected 5 labelled star radios, found ${JSON.stringify(form)}`);
    const txt = form.links.find((l) => l.text === 'Download transcript (text)' && /[?&]format=txt/.test(l.href));
    const html = form.links.find((l) => l.text === 'Download transcript (web page)' && /[?&]format=html/.test(l.href));
    if (!txt || !html) fail(`the two transcript links are missing or mislabelled: ${JSON.stringify(form.links)}`);
    if (await page.locator('#wf-live').isVisible()) fail('the live chat bar is still shown after the chat ended');
    if (await storedChat(page)) fail('sessionStorage still holds the chat after it ended');
    const transcript = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, text: await response.text() };
    }, txt.href);
    if (transcript.status !== 200 || !transcript.text.includes(STAFF_MESSAGE)) {
      fail(`the text transcript should have the staff message (HTTP ${transcript.status}): ${transcript.text.slice(0, 200)}`);
    }
    await expectAnnouncedOnce(page, 'The chat has ended.', 'the end of the chat');
    await expectNoAxeViolations(page, 'with the chat ended and the stars shown');
  });

  await step('open 9. rating from the keyboard is sent and thanked', async () => {
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    const chosen = await deepActive(page);
    if (chosen.value !== '5') fail(`arrow keys should move to the 5th star, focus is on ${chosen.description} (value ${chosen.value})`);
    await page.keyboard.press('Tab');
    const comment = await deepActive(page);
    if (comment.tag !== 'textarea') fail(`Tab from the stars should reach the comment, it reached ${comment.description}`);
    await page.keyboard.type(RATING_COMMENT);
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.classes.includes('submit'), 'the "Send rating" button');
    await page.keyboard.press('Enter');
    const thanks = await waitUntil(async () => textOf(page, '#wf-log .message.ended .form-done'));
    if (thanks !== 'Thank you for your rating.') fail(`expected "Thank you for your rating.", found ${JSON.stringify(thanks)}`);
    await expectFocus(page, (a) => a.inWidget && a.classes.includes('form-done'), 'the thank-you that replaced the form');
    await expectNoAxeViolations(page, 'after rating');
  });

  await step('open 10. the bot answers questions again', async () => {
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.id === 'wf-input', 'the text input');
    const label = await textOf(page, 'label[for="wf-input"]');
    if (label !== 'Your question') fail(`after the chat the input should be labelled "Your question" again, it is ${JSON.stringify(label)}`);
    await ask(page, 'when is trash picked up');
  });
  await page.close();
  await staffPage.close();
}

async function closedFlow(context, url, step) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const origin = new URL(url).origin;

  await step('closed 1. outside office hours: when staff are back, in the resident\'s time zone', async () => {
    await openWidget(page, url);
    const avail = await availability(page, origin).catch(() => null);
    await reachTalkButton(page);
    await page.keyboard.press('Enter');
    const offline = page.locator('#wf-log .message.offline');
    if (!(await waitUntil(async () => (await offline.count()) === 1))) fail('no .message.offline appeared outside office hours');
    const text = await textOf(page, '#wf-log .message.offline');
    if (!/City staff are not available to chat right now\./.test(text)) fail(`the offline message says ${JSON.stringify(text)}`);
    if (avail && avail.next_open) {
      const expected = await page.evaluate((iso) => {
        const when = new Date(iso);
        const day = when.toLocaleDateString('en', { weekday: 'long' });
        const time = when.toLocaleTimeString('en', { hour: 'numeric', minute: '2-digit' });
        return { day, time };
      }, avail.next_open);
      if (!text.includes(expected.time) || !(text.includes(expected.day) || text.includes('today'))) {
        fail(`the offline message should say when staff are back (${expected.day} at ${expected.time}): ${JSON.stringify(text)}`);
      }
    }
    if (await page.locator('#wf-live').isVisible()) fail('the live chat bar is shown although nobody can chat');
    await expectNoAxeViolations(page, 'outside office hours');
  });

  await step('closed 2. "Leave a message": errors next to the field, then a reference', async () => {
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.classes.includes('leave'), 'the "Leave a message" button');
    await page.keyboard.press('Enter');
    await expectFocus(page, (a) => a.inWidget && a.tag === 'input', 'the first field of the form');
    await expectNoAxeViolations(page, 'with the message form open');
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.classes.includes('submit'), 'the "Send message" button');
    await page.keyboard.press('Enter');
    await expectFocus(page, (a) => a.inWidget && a.tag === 'textarea', 'the message field with its error');
    const error = await page.locator('#wf-log form.ticket textarea').evaluate((el) => {
      const root = el.getRootNode();
      const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      return {
        invalid: el.getAttribute('aria-invalid'),
        texts: described.map((id) => (root.getElementById(id) || {}).textContent || ''),
      };
    });
    if (error.invalid !== 'true' || !error.texts.includes('Please write your message.')) {
      fail(`the empty message should be marked invalid and described by its error: ${JSON.stringify(error)}`);
    }
    await expectAnnouncedOnce(page, 'Please write your message.', 'the error');
    await expectNoAxeViolations(page, 'with the message error shown');
    await page.keyboard.type(TICKET_MESSAGE);
    await tabUntil(page, 'Tab', (a) => a.inWidget && a.classes.includes('submit'), 'the "Send message" button');
    await page.keyboard.press('Enter');
    const thanks = await waitUntil(async () => textOf(page, '#wf-log .message.offline .form-done'));
    if (!/^Thank you\. Your reference is T-[A-Z0-9]+\.$/.test(thanks || '')) {
      fail(`expected "Thank you. Your reference is T-….", found ${JSON.stringify(thanks)}`);
    }
    await expectFocus(page, (a) => a.inWidget && a.classes.includes('form-done'), 'the thank-you that replaced the form');
    await expectAnnouncedOnce(page, thanks, 'the reference');
    await expectNoAxeViolations(page, 'after leaving a message');
  });
  await page.close();
}

async function screenshot(page, name) {
  if (!ARTIFACTS || !page) return '';
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
    if (args.error) console.error(`live chat: ${args.error}`);
    console.error(
      'usage: node tests/browser/live_chat.mjs --url http://127.0.0.1:PORT/ --email EMAIL ' +
        '--password PASSWORD [--closed-url http://127.0.0.1:PORT2/]',
    );
    return args.help ? 0 : 2;
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    console.error(`live chat: FAILED: cannot launch Chromium at ${CHROMIUM}: ${error.message}`);
    return 1;
  }

  const pageErrors = [];
  let current = 'starting';
  let lastPage = null;
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    context.on('page', (page) => {
      // The staff API page (/healthz) is the test's own tool: only residents' pages count.
      const resident = () => !page.url().endsWith('/healthz');
      page.on('pageerror', (error) => {
        if (resident()) pageErrors.push(`page error: ${error.message}`);
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error' && resident()) pageErrors.push(`console error: ${msg.text()}`);
      });
      page.on('framenavigated', () => {
        if (resident()) lastPage = page;
      });
    });
    return context;
  };
  const step = async (name, run) => {
    current = name;
    try {
      await run();
    } catch (error) {
      const reason = error instanceof FlowError ? error.message : `unexpected error: ${error.stack || error}`;
      console.error(`live chat: FAILED at step ${name}\n${reason}`);
      for (const line of pageErrors) console.error(`  ${line}`);
      const shot = await screenshot(lastPage, 'live-chat-failure.png');
      if (shot) console.error(`  screenshot: ${shot}`);
      throw new FlowError('reported');
    }
    console.log(`live chat: ${name}: ok`);
  };

  const timer = setTimeout(() => {
    console.error(`live chat: FAILED: timed out after ${TOTAL_MS / 1000} s during step ${current}`);
    for (const line of pageErrors) console.error(`  ${line}`);
    process.exit(1);
  }, TOTAL_MS);
  timer.unref();

  try {
    const context = await newContext();
    await openFlow(context, args, step);
    await context.close();
    if (args.closedUrl) {
      const closed = await newContext();
      await closedFlow(closed, args.closedUrl, step);
      await closed.close();
    } else {
      console.log('live chat: outside office hours: skipped (no --closed-url)');
    }
    for (const line of pageErrors) console.log(`  note: ${line}`);
    console.log('live chat: ok');
    return 0;
  } catch (error) {
    if (!(error instanceof FlowError)) console.error(`live chat: FAILED during ${current}: ${error.stack || error}`);
    return 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

process.exitCode = await main();
