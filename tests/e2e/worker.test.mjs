// A long paste does not freeze the page: checking runs in a Web Worker (src/web/worker.rs).
// A ~4.9 MB report (a fixture repeated) is pasted while a PerformanceObserver records the page's
// long tasks; the check gives the counts of `nianbao check`, the longest main-thread task stays
// under LONGEST_TASK_MS, and a key typed during the check shows within KEY_MS.
// NIANBAO_DIST=<dir> measures another build (the figures are printed before the assertions).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, fixtures, root, openApp, dist } from './harness.mjs';

const LONGEST_TASK_MS = 200;
const KEY_MS = 100;
const SIZE = 4.9e6;

let server, browser;
before(async () => {
  server = await serve(process.env.NIANBAO_DIST ? path.resolve(process.env.NIANBAO_DIST) : dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** `nianbao check --format json` on `text`. */
async function cli(text) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-'));
  const file = path.join(dir, 'big.txt');
  try {
    await writeFile(file, text);
    let out;
    try {
      out = execFileSync(path.join(root, 'target/release/nianbao'), ['check', '--format', 'json', file], { maxBuffer: 1 << 28 });
    } catch (e) {
      out = e.stdout; // exit code 1: the report has errors
    }
    return JSON.parse(out.toString().split('\n')[0]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a 4.9 MB paste is checked off the main thread: no long task, typing stays live', async (t) => {
  const one = (await fixtures()).find((f) => f.name.startsWith('000_')).text.trimEnd() + '\n';
  const big = one.repeat(Math.floor(SIZE / Buffer.byteLength(one)));
  assert.ok(Buffer.byteLength(big) > 4.8e6 && Buffer.byteLength(big) < 5 * 1024 * 1024);
  const expected = (await cli(big)).summary;

  const context = await browser.newContext();
  const page = await openApp(context, server.url);
  // Let the start-up settle (the worker loads its wasm), then record the page's long tasks.
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  // A paste, as page.fill does it: the value, then `input`.
  await page.evaluate((text) => {
    const area = document.querySelector('#report-input');
    area.focus();
    area.value = text;
    area.setSelectionRange(text.length, text.length);
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, big);
  // While it is checked: a key typed shows at the next frame (and is taken back).
  const checking = await page.waitForSelector('#summary.checking', { timeout: 5000 }).then(() => true, () => false);
  await page.evaluate(() => {
    const area = document.querySelector('#report-input');
    area.addEventListener('keydown', (event) => {
      area.addEventListener('input', () => requestAnimationFrame(() => {
        window.keyShown = performance.now() - event.timeStamp;
      }), { once: true });
    }, { once: true });
  });
  await page.keyboard.press('x');
  await page.waitForFunction(() => window.keyShown !== undefined);
  const keyMs = Math.round(await page.evaluate(() => window.keyShown));
  const stillChecking = await page.$('#summary.checking').then((el) => el !== null);
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.errors !== '', null, { timeout: 180_000 });
  const elapsed = Date.now() - started;
  // Typing may have restarted the check: wait until the text checked is the pasted one.
  await page.waitForTimeout(1000);
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.errors !== '', null, { timeout: 180_000 });
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  const tasks = await page.evaluate(() => window.longTasks);
  const longest = Math.max(0, ...tasks);
  const figures = `${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB: checked in ${elapsed} ms; longest main-thread task ${longest} ms `
    + `(long tasks: ${JSON.stringify(tasks)}); a key typed during the check showed after ${keyMs} ms `
    + `(check still running then: ${stillChecking}; 正在检查 shown: ${checking})`;
  t.diagnostic(figures);
  console.log(`# ${figures}`);
  assert.equal(Number(summary.errors), expected.errors, 'errors');
  assert.equal(Number(summary.warnings), expected.warnings, 'warnings');
  assert.equal(Number(summary.infos), expected.infos, 'infos');
  assert.equal(await page.inputValue('#report-input'), big);
  assert.ok(checking, 'the summary says 正在检查 while the worker checks');
  assert.ok(longest < LONGEST_TASK_MS, `longest main-thread task ${longest} ms`);
  assert.ok(keyMs < KEY_MS, `a key typed during the check showed after ${keyMs} ms`);
  await context.close();
});
