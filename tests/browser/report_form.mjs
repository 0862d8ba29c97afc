// Reporting a pothole through the widget's guided form, in Spanish, with the keyboard only, in
// headless Chromium, on a site that asks residents to accept its privacy notice first: the
// notice in the resident's language with "Acepto", then one question per step, an error announced next to its field, "use my
// location", a photo link checked, the review with "Change", and the tracking number at the
// end — with axe-core finding zero violations at every step. The request is then looked up
// through the API and Wayfinder's own Open311 endpoint.
//
// Usage: node tests/browser/report_form.mjs --url http://127.0.0.1:PORT/
//
// Environment: CHROMIUM (default /usr/bin/chromium), WAYFINDER_ARTIFACTS (screenshots).
// Exit status: 0 when every step passes, 1 when one fails (the reason is printed), 2 on bad usage.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, axeViolations, deepFocus, pressUntil, waitUntil } from './support.mjs';

const ARTIFACTS = process.env.WAYFINDER_ARTIFACTS || '';
const WAIT_MS = 10_000;
const TOTAL_MS = 150_000;

const QUESTION = 'hay un bache en mi calle';
const ADDRESS = 'Calle Mayor 120, esquina con 3rd Avenue';
const DESCRIPTION = 'Muy profundo, en el carril derecho.';
const PHOTO = 'https://fotos.example.org/bache.jpg';
/** Where the browser says the resident is (granted in the test's browser context). */
const POSITION = { latitude: 41.8781, longitude: -87.6298, accuracy: 25 };

class FlowError extends Error {}

function fail(message) {
  throw new FlowError(message);
}

function parseArgs(argv) {
  if (argv[0] === '--url' && argv[1]) {
    try {
      return { url: new URL(argv[1]).toString() };
    } catch {
      return { error: `not a URL: ${argv[1]}` };
    }
  }
  return { error: 'usage: --url http://127.0.0.1:PORT/' };
}

async function tabTo(page, reached, what, key = 'Tab') {
  try {
    return await pressUntil(page, reached, what, { key });
  } catch (error) {
    return fail(error.message);
  }
}

async function expectFocus(page, reached, what) {
  const ok = await waitUntil(async () => reached(await deepFocus(page)), 5_000);
  if (!ok) fail(`expected focus on ${what}, but it is on ${(await deepFocus(page)).description}`);
  return deepFocus(page);
}

async function expectNoAxeViolations(page, state) {
  const lines = await axeViolations(page);
  if (lines.length) fail(`axe found violations ${state}:\n${lines.join('\n')}`);
  console.log(`  axe (${state}): no violations`);
}

/** Waits until the live region says something matching `pattern`. */
async function expectAnnounced(page, pattern, what) {
  const announcer = page.locator('#wf-announcer');
  const said = await waitUntil(async () => {
    const text = ((await announcer.textContent()) || '').trim();
    return pattern.test(text) ? text : null;
  }, 5_000);
  if (!said) fail(`${what} was not announced: the live region says ${JSON.stringify(await announcer.textContent())}`);
  console.log(`  announced: ${JSON.stringify(said.slice(0, 140))}`);
  return said;
}

const form = (page) => page.locator('#wf-log form.report').last();
const isNext = (f) => f.tag === 'button' && f.classes.includes('submit');

/** Tabs to the form's Next (or Send) button and presses Enter. */
async function pressNext(page) {
  await tabTo(page, isNext, 'the Siguiente button');
  await page.keyboard.press('Enter');
}

async function expectProgress(page, step) {
  const ok = await waitUntil(async () => {
    const text = (await form(page).locator('.progress').textContent()) || '';
    return text.startsWith(`Paso ${step} de `) ? text : null;
  }, 5_000);
  if (!ok) fail(`expected "Paso ${step} de …", the form shows ${JSON.stringify(await form(page).locator('.progress').textContent())}`);
  return ok;
}

async function screenshot(page, name) {
  if (!ARTIFACTS) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) }).catch(() => {});
}

async function flow(page, url, step) {
  let requestId = '';
  let trackUrl = '';

  await step('0. the site asks for consent first: the notice is shown, "Acepto" keeps the question', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('button#launcher').waitFor({ state: 'visible', timeout: WAIT_MS });
    await tabTo(page, (f) => f.id === 'launcher', 'the launcher');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'wf-input', 'the question box');
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    const notice = page.locator('#wf-log .message.privacy');
    await notice.waitFor({ state: 'visible', timeout: WAIT_MS });
    const lang = await notice.getAttribute('lang');
    if (lang !== 'es') fail(`the privacy notice should be in Spanish, it has lang=${JSON.stringify(lang)}`);
    const policy = await notice.locator('a').getAttribute('href');
    if (policy !== 'https://www.riverton.example/privacy') fail(`the notice links to ${JSON.stringify(policy)}`);
    if ((await page.locator('#wf-input').inputValue()) !== QUESTION) fail('the question was not kept in the box');
    await expectNoAxeViolations(page, "with the privacy notice");
    await tabTo(page, (f) => f.classes.includes('consent-accept'), 'the Acepto button', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /Gracias/, 'the consent');
    await expectFocus(page, (f) => f.id === 'wf-input', 'the question box, after accepting');
    const stored = await page.evaluate(() => localStorage.getItem('wayfinder:consent:riverton'));
    if (stored !== '2026-11-01') fail(`the accepted version kept on the device is ${JSON.stringify(stored)}`);
  });

  await step('1. a Spanish question about a pothole offers "Reportarlo aquí"', async () => {
    await expectFocus(page, (f) => f.id === 'wf-input', 'the question box');
    const before = await page.locator('#wf-log .message.bot').count();
    await page.keyboard.press('Enter');
    if (!(await waitUntil(async () => (await page.locator('#wf-log .message.bot').count()) > before))) {
      fail('no answer arrived');
    }
    const reply = page.locator('#wf-log .message.bot').last();
    const lang = await reply.getAttribute('lang');
    if (!lang || !lang.startsWith('es')) fail(`the answer should be in Spanish, it has lang=${JSON.stringify(lang)}`);
    const open = reply.locator('button.report-open');
    if ((await open.count()) !== 1) {
      fail(`the answer offers no "Reportarlo aquí" button: ${JSON.stringify((await reply.textContent()).slice(0, 300))}`);
    }
    console.log(`  offered: ${JSON.stringify((await open.textContent()).trim())}`);
    await expectNoAxeViolations(page, 'with the answer and its actions');
  });

  await step('2. the form opens at its first question, focus on it', async () => {
    await tabTo(page, (f) => f.classes.includes('report-open'), 'the Reportarlo aquí button', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await form(page).waitFor({ state: 'visible', timeout: WAIT_MS });
    await expectProgress(page, 1);
    const title = (await form(page).locator('h3').textContent()).trim();
    if (!/bache/i.test(title)) fail(`the form's heading should name the service, it is ${JSON.stringify(title)}`);
    const first = await expectFocus(page, (f) => f.type === 'radio', 'the first choice of the first question');
    const legend = (await form(page).locator('fieldset legend').first().textContent()).replace(/\s+/g, ' ').trim();
    if (!/¿Qué tamaño tiene el bache\? \(obligatorio\)/.test(legend)) fail(`the first question's legend is ${JSON.stringify(legend)}`);
    const described = await form(page).locator('fieldset').first().getAttribute('aria-describedby');
    if (!described || !described.includes('-progress')) fail(`the question's fieldset should be described by the step's progress, it has ${JSON.stringify(described)}`);
    console.log(`  focus: ${first.description}; legend: ${JSON.stringify(legend)}`);
    await expectNoAxeViolations(page, 'at the first question');
    await screenshot(page, 'report-form-question.png');
  });

  await step('3. Next without an answer: the error is shown, announced, and focus stays on the question', async () => {
    await pressNext(page);
    await expectAnnounced(page, /elija una respuesta/, 'the missing answer');
    const error = form(page).locator('fieldset .field-error').first();
    if (!(await error.isVisible())) fail('the error is not shown next to the question');
    const errorId = await error.getAttribute('id');
    const described = await form(page).locator('fieldset').first().getAttribute('aria-describedby');
    if (!described.split(/\s+/).includes(errorId)) fail(`the fieldset should be described by its error ${errorId}, it has ${JSON.stringify(described)}`);
    await expectFocus(page, (f) => f.type === 'radio', 'a choice of the question');
    await expectProgress(page, 1);
    await expectNoAxeViolations(page, 'with the error shown');
  });

  await step('4. arrow keys choose, Next goes on; an optional question can be skipped', async () => {
    await page.keyboard.press('ArrowDown');
    const chosen = await deepFocus(page);
    if (!chosen.checked || chosen.value !== 'medium') fail(`ArrowDown should check "medium", focus is on ${JSON.stringify(chosen)}`);
    await pressNext(page);
    await expectProgress(page, 2);
    await expectFocus(page, (f) => f.type === 'radio', 'the first choice of the second question');
    await pressNext(page);
    await expectProgress(page, 3);
  });

  await step('5. where: an address, and "Usar mi ubicación" finds the position', async () => {
    await expectFocus(page, (f) => f.name === 'address', 'the address field');
    await page.keyboard.type(ADDRESS);
    const locate = form(page).locator('button.locate');
    if (!(await locate.isVisible())) fail('"Usar mi ubicación" is not offered though the browser can locate');
    await tabTo(page, (f) => f.classes.includes('locate'), 'the Usar mi ubicación button');
    await page.keyboard.press('Enter');
    await expectAnnounced(page, /Se encontró su ubicación/, 'the position found');
    await expectNoAxeViolations(page, 'with the position found');
    await pressNext(page);
    await expectProgress(page, 4);
  });

  await step('6. details: a photo link that is not one is refused, then fixed', async () => {
    await expectFocus(page, (f) => f.name === 'description', 'the description');
    await page.keyboard.type(DESCRIPTION);
    await page.keyboard.press('Tab');
    await expectFocus(page, (f) => f.name === 'media_url', 'the photo link');
    await page.keyboard.type('mi foto');
    await pressNext(page);
    await expectAnnounced(page, /https:\/\//, 'the bad photo link');
    const field = await expectFocus(page, (f) => f.name === 'media_url', 'the photo link again');
    if (field.invalid !== 'true') fail('the photo link should be marked aria-invalid');
    await expectNoAxeViolations(page, 'with the photo link refused');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PHOTO);
    await pressNext(page);
    await expectProgress(page, 5);
  });

  await step('7. contact: optional, with autofill purposes', async () => {
    const first = await expectFocus(page, (f) => f.name === 'first_name', 'the first name');
    const autocomplete = await form(page).locator('input[name="email"]').getAttribute('autocomplete');
    if (autocomplete !== 'email') fail(`the e-mail field should have autocomplete="email", it has ${JSON.stringify(autocomplete)}`);
    console.log(`  focus: ${first.description}`);
    await page.keyboard.type('Ana');
    await expectNoAxeViolations(page, 'at the contact step');
    await pressNext(page);
    await expectProgress(page, 6);
  });

  await step('8. the review shows every answer; "Cambiar" goes back and returns to the review', async () => {
    await expectFocus(page, (f) => f.tag === 'h4', 'the review heading');
    const review = (await form(page).locator('.review').textContent()).replace(/\s+/g, ' ');
    for (const expected of ['Como una llanta de auto', ADDRESS, DESCRIPTION, PHOTO, 'Ana', 'No indicado']) {
      if (!review.includes(expected)) fail(`the review should show ${JSON.stringify(expected)}: ${JSON.stringify(review.slice(0, 500))}`);
    }
    await expectNoAxeViolations(page, 'at the review');
    await screenshot(page, 'report-form-review.png');
    await tabTo(page, (f) => f.classes.includes('change') && f.label.includes('¿Qué tamaño'), 'the Cambiar button of the first question');
    await page.keyboard.press('Enter');
    await expectProgress(page, 1);
    const back = await expectFocus(page, (f) => f.type === 'radio' && f.checked, 'the chosen answer');
    if (back.value !== 'medium') fail(`the earlier answer should still be chosen, focus is on ${JSON.stringify(back)}`);
    await page.keyboard.press('ArrowDown');
    await pressNext(page);
    await expectFocus(page, (f) => f.tag === 'h4', 'the review heading, straight after the change');
    const changed = (await form(page).locator('.review').textContent()).replace(/\s+/g, ' ');
    if (!changed.includes('Más grande que una llanta de auto')) fail(`the review should show the new answer: ${JSON.stringify(changed.slice(0, 300))}`);
  });

  await step('9. Enviar reporte: the tracking number replaces the form and is announced', async () => {
    await tabTo(page, isNext, 'the Enviar reporte button');
    const label = (await deepFocus(page)).text;
    if (label !== 'Enviar reporte') fail(`the review's button should say "Enviar reporte", it says ${JSON.stringify(label)}`);
    await page.keyboard.press('Enter');
    const said = await expectAnnounced(page, /Su número de seguimiento es/, 'the tracking number');
    const done = await expectFocus(page, (f) => f.classes.includes('form-done'), 'the confirmation');
    requestId = (said.match(/es (\S+?)\.?$/) || [])[1] || '';
    if (!requestId) fail(`no tracking number in ${JSON.stringify(said)}`);
    const link = page.locator('#wf-log .report-done a.action').last();
    trackUrl = (await link.getAttribute('href')) || '';
    if (!trackUrl.includes(`/track/riverton/${requestId}`)) fail(`the track link ${JSON.stringify(trackUrl)} should lead to request ${requestId}`);
    if ((await page.locator('#wf-log form.report').count()) !== 0) fail('the sent form is still shown');
    console.log(`  request ${requestId}, ${done.description}, track ${trackUrl}`);
    await expectNoAxeViolations(page, 'with the tracking number');
    await screenshot(page, 'report-form-sent.png');
  });

  await step('10. the city has the request with the resident\'s answers, and its status page works', async () => {
    const found = await page.evaluate(async (id) => {
      const api = await fetch(`/api/v1/requests/${encodeURIComponent(id)}?site=riverton&lang=es`);
      const georeport = await fetch(`/open311/v2/requests/${encodeURIComponent(id)}.json`);
      return { api: api.status, status: await api.json(), georeport: georeport.status, doc: await georeport.json() };
    }, requestId);
    if (found.api !== 200 || found.status.status !== 'open') fail(`GET /api/v1/requests/${requestId}: ${found.api} ${JSON.stringify(found.status)}`);
    const request = Array.isArray(found.doc) ? found.doc[0] : null;
    if (found.georeport !== 200 || !request || request.service_code !== 'pothole') {
      fail(`GET /open311/v2/requests/${requestId}.json: ${found.georeport} ${JSON.stringify(found.doc)}`);
    }
    if (!(request.address || '').includes('Calle Mayor 120')) fail(`the request's address is ${JSON.stringify(request.address)}`);
    if (Math.abs(Number(request.lat) - POSITION.latitude) > 1e-6) fail(`the request's lat is ${request.lat}`);
    const status = await page.request.get(trackUrl);
    if (status.status() !== 200 || !(await status.text()).includes(requestId)) fail(`the status page ${trackUrl} answered ${status.status()}`);
    console.log(`  ${JSON.stringify({ status: found.status.status, address: request.address, lat: request.lat })}`);
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.error) {
    console.error(`report form: ${args.error}`);
    return 2;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const origin = new URL(args.url).origin;
  const context = await browser.newContext({
    locale: 'es-ES',
    geolocation: POSITION,
    permissions: [],
  });
  await context.grantPermissions(['geolocation'], { origin });
  const page = await context.newPage();
  let failed = false;
  const step = async (name, run) => {
    if (failed) return;
    try {
      await run();
      console.log(`report form: ${name}: ok`);
    } catch (error) {
      failed = true;
      console.log(`\nreport form: FAILED at step ${name}\n${error instanceof FlowError ? error.message : error.stack}`);
      await screenshot(page, 'report-form-failure.png');
    }
  };
  const timer = setTimeout(() => {
    console.log(`report form: hung for ${TOTAL_MS / 1000} s`);
    process.exit(1);
  }, TOTAL_MS);
  await flow(page, args.url, step);
  clearTimeout(timer);
  await browser.close();
  if (failed) return 1;
  console.log('report form: ok');
  return 0;
}

process.exitCode = await main();
