// Both sides of a live chat at once in headless Chromium: a resident in the widget on the demo
// page and a staff member in the staff console, each in their own browser context, keyboard
// only, with axe-core (WCAG 2.0–2.2 A/AA and best practices) on both pages while they talk.
//
// Usage: node tests/browser/both_sides.mjs --url http://127.0.0.1:PORT --email E --password P
// Exit status: 0 when the conversation goes through, 1 otherwise (the reason is printed).

import process from 'node:process';

import { chromium } from 'playwright-core';

import { AXE_OPTIONS, CHROMIUM, CHROMIUM_ARGS, loadAxe, waitUntil } from './support.mjs';

const WAIT_MS = 10_000;
const HANDOFF_QUESTION = 'I want to talk to a person';
const STAFF_MESSAGE = 'Hello, this is Alex. How can I help?';
const RESIDENT_MESSAGE = 'My street light has been out for a week.';

function fail(message) {
  throw new Error(message);
}

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: node both_sides.mjs --url http://127.0.0.1:PORT --email E --password P');
    process.exit(2);
  }
  return process.argv[i + 1];
}

async function axe(page, state) {
  if (!(await loadAxe(page))) fail('axe-core did not load');
  const violations = await page.evaluate(
    async (options) =>
      (await window.axe.run(document, options)).violations.map(
        (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      ),
    AXE_OPTIONS,
  );
  if (violations.length) fail(`axe ${state}:\n  ${violations.join('\n  ')}`);
  console.log(`  axe (${state}): no violations`);
}

async function visible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    fail(`${what} did not appear within ${WAIT_MS / 1000} s`);
  }
}

async function main() {
  const base = option('url').replace(/\/$/, '');
  const email = option('email');
  const password = option('password');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const staffContext = await browser.newContext();
    const residentContext = await browser.newContext();
    const staff = await staffContext.newPage();
    const resident = await residentContext.newPage();

    // The staff member signs in with the keyboard.
    await staff.goto(`${base}/staff`);
    await visible(staff.locator('#signin-email'), 'the sign-in form');
    await staff.locator('#signin-email').focus();
    await staff.keyboard.type(email);
    await staff.keyboard.press('Tab');
    await staff.keyboard.type(password);
    await staff.keyboard.press('Enter');
    await visible(staff.locator('#console'), 'the console');
    console.log('ok: staff signed in');

    // The resident asks something the bot cannot answer and asks for a person.
    await resident.goto(`${base}/`);
    await visible(resident.locator('button#launcher'), 'the launcher');
    await resident.locator('button#launcher').focus();
    await resident.keyboard.press('Enter');
    await visible(resident.locator('#wf-input'), 'the question box');
    const before = await resident.locator('#wf-log .message.bot').count();
    await resident.keyboard.type(HANDOFF_QUESTION);
    await resident.keyboard.press('Enter');
    if (!(await waitUntil(async () => (await resident.locator('#wf-log .message.bot').count()) > before))) {
      fail('the bot did not reply');
    }
    const talk = resident.locator('#wf-log .message.bot').last().locator('button.talk');
    await visible(talk, 'the "Talk to a person" button');
    await talk.focus();
    await resident.keyboard.press('Enter');
    await visible(resident.locator('#wf-live'), 'the live chat bar');
    console.log('ok: resident waiting');

    // The chat appears in the console's queue; the staff member accepts it.
    const accept = staff.locator('button[data-action="accept"]');
    await visible(accept, 'the waiting chat in the console queue');
    await axe(staff, 'in the console with a chat waiting');
    await accept.first().focus();
    await staff.keyboard.press('Enter');
    const panel = staff.locator('.chat-panel:not([hidden])');
    await visible(panel.locator('textarea'), 'the accepted chat');
    await panel.locator('textarea').focus();
    await staff.keyboard.type(STAFF_MESSAGE);
    await staff.keyboard.press('Enter');
    console.log('ok: staff accepted and wrote');

    // The resident sees who joined and the message, and answers.
    await visible(resident.locator('#wf-log .message.staff', { hasText: STAFF_MESSAGE }), "the staff member's message in the widget");
    await axe(resident, 'in the widget during the chat');
    await resident.locator('#wf-input').focus();
    await resident.keyboard.type(RESIDENT_MESSAGE);
    await resident.keyboard.press('Enter');

    // The staff member sees the answer in the console.
    await visible(panel.locator('li.from-resident', { hasText: RESIDENT_MESSAGE }), "the resident's answer in the console");
    await axe(staff, 'in the console during the chat');
    const copies = await panel.locator('li.from-resident', { hasText: RESIDENT_MESSAGE }).count();
    if (copies !== 1) fail(`the resident's answer is shown ${copies} times in the console`);
    console.log('ok: the answer arrived once');
  } finally {
    await browser.close();
  }
  console.log('both sides: ok');
}

main().catch((error) => {
  console.error(`FAILED: ${error.message}`);
  process.exit(1);
});
