// Time to a first answer in headless Chromium, run by `cargo xtask bench --only widget`: the
// demo page is loaded in a fresh browser context (empty cache) each time, the launcher is
// clicked as soon as it shows, a question is typed and sent, and the first bot message after
// it is waited for. Figures only: it never judges them.
//
// Usage: node tests/browser/bench_first_answer.mjs --url http://127.0.0.1:PORT/ [--runs 20]
//
// Prints, per phase, the median, 90th percentile and slowest of the runs:
//   launcher shown     navigation start → the launcher button is visible
//   widget ready       click on the launcher → the text input is visible (wasm loaded)
//   answer shown       Enter → the first bot message after the question
//   first answer       navigation start → that message (everything a resident waits for,
//                      without their reading and typing time)
//
// Environment: CHROMIUM (default /usr/bin/chromium).
// Exit status: 0 with the figures, 1 when a run fails, 2 on bad usage.

import process from 'node:process';
import { performance } from 'node:perf_hooks';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './support.mjs';

/** Questions asked in turn (the demo city answers both). */
const QUESTIONS = ['when is trash picked up', '¿cómo pago mi factura de agua?'];
/** Longest wait for any one step. */
const STEP_MS = 15_000;

function parseArgs(argv) {
  const args = { url: '', runs: 20 };
  for (let i = 0; i < argv.length; i += 1) {
    const [key, inline] = argv[i].split(/=(.*)/s);
    const value = inline ?? argv[(i += 1)];
    if (key === '--url') args.url = value || '';
    else if (key === '--runs') args.runs = Number(value);
    else return { error: `unknown argument: ${argv[i]}` };
  }
  if (!args.url) return { error: 'missing --url' };
  if (!Number.isInteger(args.runs) || args.runs < 1) return { error: '--runs must be a positive integer' };
  return args;
}

/** One page load, open and question; returns the phase durations in milliseconds. */
async function once(browser, url, question) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: STEP_MS });
    const launcher = page.locator('button#launcher');
    await launcher.waitFor({ state: 'visible', timeout: STEP_MS });
    const shown = performance.now();
    await launcher.click();
    const clicked = performance.now();
    const input = page.locator('#wf-input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    const ready = performance.now();
    await input.fill(question);
    const sent = performance.now();
    await input.press('Enter');
    // Bot messages after the resident's first message: the greeting is not an answer.
    const answer = page.locator('#wf-log .message.user ~ .message.bot').first();
    await answer.waitFor({ state: 'visible', timeout: STEP_MS });
    const answered = performance.now();
    const classes = (await answer.getAttribute('class')) || '';
    if (classes.split(/\s+/).includes('error')) {
      throw new Error(`the widget showed an error for ${JSON.stringify(question)}: ${await answer.textContent()}`);
    }
    return {
      launcher: shown - start,
      ready: ready - clicked,
      answer: answered - sent,
      total: answered - start - (sent - ready),
    };
  } finally {
    await context.close();
  }
}

/** The q-quantile (0..1) of sorted `values`, nearest rank. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function row(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (v) => `${v.toFixed(0)} ms`;
  return `| ${name} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.9))} | ${ms(sorted[sorted.length - 1])} |`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.error) {
    console.error(`bench_first_answer: ${args.error}`);
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // One unrecorded run starts Chromium's processes and the server's caches.
    await once(browser, args.url, QUESTIONS[0]);
    const runs = [];
    for (let i = 0; i < args.runs; i += 1) {
      runs.push(await once(browser, args.url, QUESTIONS[i % QUESTIONS.length]));
    }
    const column = (key) => runs.map((r) => r[key]);
    console.log(`Time to first answer, headless Chromium, ${args.runs} page loads (fresh context each)`);
    console.log('');
    console.log('| phase | median | p90 | slowest |');
    console.log('|---|---:|---:|---:|');
    console.log(row('page load → launcher shown', column('launcher')));
    console.log(row('click → widget ready (wasm loaded)', column('ready')));
    console.log(row('Enter → answer shown', column('answer')));
    console.log(row('page load → first answer (typing excluded)', column('total')));
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench_first_answer: ${error.message}`);
  process.exit(1);
});
