#!/usr/bin/env node
// Usage: npm run screenshot -- [URL] [OUT.png] [--width 1200] [--height 800]
//                                [--wait-for SELECTOR-or-EXPRESSION] [--timeout 30000]
//
// Opens URL (default: the demo under `npm start`, http://127.0.0.1:5173/) in headless Chromium,
// waits for the network to go idle, for every <pb-map> on the page to be `ready` (if any), for
// --wait-for if given, then ~500 ms more, and writes a PNG (default: screenshot.png).
// --wait-for is tried as a CSS selector first; if it is not a valid selector it is evaluated as
// a JavaScript expression and awaited until truthy (`!!a.b` for an expression that looks like a
// selector). The page's errors, warnings and failed requests are printed to stderr.

import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, NOT_FOUND_MESSAGE, findChromium } from './find-chromium.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1200' },
    height: { type: 'string', default: '800' },
    'wait-for': { type: 'string' },
    timeout: { type: 'string', default: '30000' },
  },
});
const [url = 'http://127.0.0.1:5173/', out = 'screenshot.png'] = positionals;
const timeout = Number(options.timeout);

const executablePath = findChromium();
if (!executablePath) {
  console.error(NOT_FOUND_MESSAGE);
  process.exit(1);
}

const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(options.width), height: Number(options.height) });
  page.on('console', (message) => {
    if (['error', 'warn'].includes(message.type())) {
      console.error(`[page ${message.type()}] ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('requestfailed', (request) =>
    console.error(`[request failed] ${request.url()}: ${request.failure()?.errorText}`),
  );

  const response = await page.goto(url, { waitUntil: 'networkidle0', timeout });
  if (response && !response.ok()) console.error(`[page] ${url}: HTTP ${response.status()}`);

  const maps = await page.evaluate(waitForPbMaps, timeout);
  if (maps) console.error(`[pb-map] ${maps}`);

  const waitFor = options['wait-for'];
  if (waitFor) {
    await page.waitForFunction(selectorOrExpression, { timeout }, waitFor).catch((error) => {
      // Still take the screenshot: it shows what the page looks like instead.
      console.error(`[wait-for] ${waitFor}: ${error.message}`);
      process.exitCode = 1;
    });
  }

  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.screenshot({ path: out });
  console.log(`Wrote ${out} (${url}, ${options.width}x${options.height})`);
} finally {
  await browser.close();
}

// The two functions below run in the page.

/** Waits for every <pb-map>'s `ready` promise; a message if one failed or took too long. */
async function waitForPbMaps(timeoutMs) {
  const elements = [...document.querySelectorAll('pb-map')];
  if (elements.length === 0) return '';
  const ready = customElements
    .whenDefined('pb-map')
    .then(() => Promise.all(elements.map((el) => el.ready)))
    .then(() => '');
  const late = new Promise((resolve) =>
    setTimeout(() => resolve(`not ready after ${timeoutMs} ms`), timeoutMs),
  );
  return Promise.race([ready, late]).catch((error) => `ready rejected: ${error}`);
}

function selectorOrExpression(text) {
  try {
    return document.querySelector(text) !== null;
  } catch {
    return (0, eval)(text);
  }
}
