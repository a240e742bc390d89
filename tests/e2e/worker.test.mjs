// A huge paste does not freeze the page. A ~4.9 MB report (a fixture repeated) is pasted as a
// browser does it (a `paste` event whose DataTransfer holds text/plain). The paste area takes
// over the paste and shows only the start of the text (src/web/state/long_text.rs), read only: no
// text area is ever given more than a tenth of the text (laying out megabytes is what froze
// the page); the whole text goes to the worker (src/web/worker.rs), the summary says 正在检查
// meanwhile, and the worker's report gives the counts of `nianbao check`. Nothing is lost:
// after a reload the text kept in localStorage is checked again, and 「显示全文并编辑」 puts
// all of it in the paste area. A long .txt file opened goes the same way, and a finding on a
// line far past the start shown still shows its line in 原文. The checking worker may start
// late, or not at all: the check waits for it, or is done on the page.
// No test here asserts a time: how long the paste, the check and the longest task take is
// measured by `.ci/bench` (tests/e2e/bench.mjs), against its budgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { servedApp, fixtures, root, openApp, dist } from './harness.mjs';

const SIZE = 4.9e6;
/** `LONG_TEXT_BYTES` and `SHOWN_CHARS` of the app. */
const LONG_TEXT_BYTES = 256 * 1024;
const SHOWN_CHARS = 20_000;

const app = servedApp(process.env.NIANBAO_DIST ? path.resolve(process.env.NIANBAO_DIST) : dist);

/** For a page's init script: records the longest value ever written into a text area
 * (`window.longestValueSet`) and the longest text posted to a worker (`window.longestPosted`). */
function recordTexts() {
  const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
    ...value,
    set(text) {
      window.longestValueSet = Math.max(window.longestValueSet ?? 0, String(text).length);
      value.set.call(this, text);
    },
  });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (typeof message?.text === 'string') window.longestPosted = Math.max(window.longestPosted ?? 0, message.text.length);
    return post.call(this, message, ...rest);
  };
}

/** For a page's init script: `window.sawChecking` becomes true when the summary says 正在检查. */
function recordChecking() {
  window.sawChecking = false;
  new MutationObserver(() => {
    if (document.querySelector('#summary.checking')) window.sawChecking = true;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}

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

const summaryOf = (page) => page.$eval('#summary', (el) => ({ ...el.dataset }));
// The summary with counts (not before the app is there: no summary is not a result).
const checked = (page) => page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '', null, { timeout: 180_000 });
/** The first SHOWN_CHARS characters (code points, as Rust counts them). */
const startOf = (text) => [...text.slice(0, 2 * SHOWN_CHARS)].slice(0, SHOWN_CHARS).join('');

/** Sets `window.nextCheck`: a promise of the next check's result shown (the summary goes
 * through 正在检查 and back to counts), rejected after 180 s without one (a hang). */
const expectCheck = (page) => page.evaluate(() => {
  window.nextCheck = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no check shown within 180 s')), 180_000);
    let checking = false;
    const observer = new MutationObserver(() => {
      const summary = document.querySelector('#summary');
      if (summary?.classList.contains('checking')) checking = true;
      else if (checking && summary?.dataset.errors) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
});

function assertCounts(summary, expected, what) {
  assert.equal(Number(summary.errors), expected.errors, `${what}: errors`);
  assert.equal(Number(summary.warnings), expected.warnings, `${what}: warnings`);
  assert.equal(Number(summary.infos), expected.infos, `${what}: infos`);
}

/** The paste area shows the start of `text`, read only, under the note. */
async function assertShowsStart(page, text, what) {
  const area = await page.$eval('#report-input', (el) => ({ value: el.value, readOnly: el.readOnly }));
  assert.ok(area.readOnly, `${what}: the start shown is read only`);
  assert.equal(area.value, startOf(text), `${what}: the paste area shows the start of the text`);
  const note = await page.$eval('#long-text-note', (el) => el.textContent);
  assert.match(note, /^文本较长（\d+\.\d MB），为保持页面流畅，这里只显示开头部分；检查的是全文。显示全文并编辑$/, what);
}

test('a 4.9 MB paste shows its start, is checked whole in the worker, and no text area gets it', async () => {
  const one = (await fixtures()).find((f) => f.name.startsWith('000_')).text.trimEnd() + '\n';
  const big = one.repeat(Math.floor(SIZE / Buffer.byteLength(one)));
  assert.ok(Buffer.byteLength(big) > 4.8e6 && Buffer.byteLength(big) < 5 * 1024 * 1024);
  const expected = (await cli(big)).summary;

  const context = await app.browser.newContext();
  await context.addInitScript(recordTexts);
  await context.addInitScript(recordChecking);
  const page = await openApp(context, app.server.url);
  await page.evaluate((text) => { window.clipboardText = text; }, big);
  // The paste as the browser fires it. The app takes it over (a synthetic event would insert
  // nothing by itself, so the text reaching the page proves that the app took it); the check
  // starts at once and runs in the worker.
  const prevented = await page.evaluate(() => {
    const area = document.querySelector('#report-input');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', window.clipboardText);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  });
  await checked(page);
  assertCounts(await summaryOf(page), expected, 'pasted');
  assert.ok(prevented, 'the app takes over the long paste');
  await assertShowsStart(page, big, 'pasted');
  // What froze the page was laying out megabytes in a text area, and checking them on the
  // page's thread: neither happened, whatever the machine's speed.
  const longestValueSet = await page.evaluate(() => window.longestValueSet ?? 0);
  assert.ok(longestValueSet <= big.length / 10, `a text area was given ${longestValueSet} characters`);
  assert.equal(await page.evaluate(() => window.longestPosted), big.length, 'the whole text went to the worker');
  assert.ok(await page.evaluate(() => window.sawChecking), 'the summary said 正在检查 while the worker checked');

  // Pasting into the start shown would lose the rest: refused, with a message.
  const refused = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '另一份年报');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('#report-input').dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.ok(refused);
  await page.waitForSelector('.input .notice:has-text("请先「清除」")');

  // Nothing is lost: a reload (however soon) checks the text kept in localStorage, shown by
  // its start again.
  await page.reload();
  await page.waitForSelector('#long-text-note');
  await checked(page);
  assertCounts(await summaryOf(page), expected, 'after a reload');
  await assertShowsStart(page, big, 'after a reload');

  // 「显示全文并编辑」: all of it in the paste area, editable (slow, as asked for).
  await page.click('#show-whole-text');
  await page.waitForSelector('#report-input:not([readonly])');
  assert.equal(await page.inputValue('#report-input'), big);
  assert.equal(await page.$('#long-text-note'), null);
  // Typing there keeps the whole text in the paste area, through the check of the edit.
  await page.focus('#report-input');
  await page.keyboard.press('End');
  await expectCheck(page);
  await page.keyboard.type('x');
  await page.evaluate(() => window.nextCheck);
  assert.equal(await page.$('#long-text-note'), null, 'typing in the whole text keeps it whole');
  assert.equal(await page.$eval('#report-input', (el) => el.readOnly), false);
  assert.equal(await page.inputValue('#report-input'), `${big}x`);

  // 清除 empties it, and a normal text is edited as ever.
  await page.click('.input-actions button.secondary');
  await page.waitForSelector('#summary.empty');
  assert.equal(await page.inputValue('#report-input'), '');
  await context.close();
});

test('a long .txt file opened shows its start; a finding far past it shows its line in 原文', async () => {
  const broken = (await fixtures()).find((f) => f.name.startsWith('003_')).text;
  // A page of notes before the report: its tables start on line 12 000, 400 KB in.
  const text = '本页为转载说明，与年度报告无关。\n'.repeat(12_000) + broken;
  assert.ok(Buffer.byteLength(text) > LONG_TEXT_BYTES);
  const expected = await cli(text);
  assert.ok(expected.summary.errors > 0);
  const far = expected.findings.map((f) => f.line).filter((line) => line > 12_000);
  assert.ok(far.length > 0, 'findings past the start shown');

  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await page.setInputFiles('#file-input', { name: '年报.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForSelector('#long-text-note');
  await checked(page);
  assertCounts(await summaryOf(page), expected.summary, 'opened');
  await assertShowsStart(page, text, 'opened');
  const rules = await page.$$eval('.finding', (els) => els.map((el) => el.dataset.rule).sort());
  assert.deepEqual(rules, expected.findings.map((f) => f.rule).sort());

  // Selecting a finding shows its line in 原文, however far past the start shown it is.
  const index = expected.findings.findIndex((f) => f.line > 12_000);
  const line = expected.findings[index].line;
  await page.click(`.finding[data-index="${index}"] button`);
  const current = await page.waitForSelector(`.source-lines li#line-${line}.current`);
  assert.ok(await current.isVisible());
  const lineText = text.split('\n')[line - 1].trimEnd();
  assert.equal((await current.$eval('.line-text', (el) => el.textContent)).trimEnd(), lineText || ' ');
  await context.close();
});

test('with the real clipboard: a normal paste goes into the paste area as ever, a long one replaces the selection', async () => {
  const one = (await fixtures()).find((f) => f.name.startsWith('000_')).text;
  const long = one.repeat(Math.ceil((LONG_TEXT_BYTES + 1) / Buffer.byteLength(one)));
  const context = await app.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const page = await openApp(context, app.server.url);
  const pasteFromClipboard = async (text, { selectAll = false } = {}) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.focus('#report-input');
    if (selectAll) await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
  };
  // A report of normal size: the browser pastes it into the text area, and it is checked
  // (after the check of what was typed before it, which may still be shown for a moment).
  await page.type('#report-input', '前言\n');
  await checked(page);
  await expectCheck(page);
  await pasteFromClipboard(one);
  await page.evaluate(() => window.nextCheck);
  assert.equal(await page.inputValue('#report-input'), `前言\n${one}`);
  assert.equal(await page.$('#long-text-note'), null);
  assertCounts(await summaryOf(page), (await cli(`前言\n${one}`)).summary, 'a normal paste');

  // A long one in place of the selection (select all, paste): its start shown.
  await pasteFromClipboard(long, { selectAll: true });
  await page.waitForSelector('#long-text-note');
  await checked(page);
  await assertShowsStart(page, long, 'a long paste');
  assertCounts(await summaryOf(page), (await cli(long)).summary, 'a long paste');
  await page.click('#show-whole-text');
  await page.waitForSelector('#report-input:not([readonly])');
  assert.equal(await page.inputValue('#report-input'), long);

  // Over the 5 MB limit: kept, not checked, and the user is told.
  const tooLarge = one.repeat(Math.ceil((5 * 1024 * 1024 + 1) / Buffer.byteLength(one)));
  await pasteFromClipboard(tooLarge, { selectAll: true });
  await page.waitForSelector('.input .notice:has-text("超过 5 MB 的上限")');
  await assertShowsStart(page, tooLarge, 'over the limit');
  assert.equal(await page.$eval('#summary', (el) => el.dataset.errors ?? ''), '');
  const size = await page.$eval('.input-size', (el) => el.textContent);
  assert.equal(size, `共 ${[...tooLarge].length} 字，上面显示开头 ${SHOWN_CHARS} 字`);
  await context.close();
});

/** The checking worker's script. The tests that route it block service workers, so that the
 * page's requests are not answered from their cache. */
const WORKER_SCRIPT = /\/worker-[0-9a-f]{1,16}\.js$/;

test('a worker that starts late gets the text posted before it was ready, also the kept text after a reload', async () => {
  const report = (await fixtures()).find((f) => f.name.startsWith('003_'));
  const expected = (await cli(report.text)).summary;
  const context = await app.browser.newContext({ serviceWorkers: 'block' });
  // The worker's script is held back until the test lets it go.
  const held = [];
  let wake = () => {};
  await context.route(WORKER_SCRIPT, (route) => { held.push(route); wake(); });
  const nextHeld = async () => {
    while (held.length === 0) await new Promise((resolve) => { wake = resolve; });
    return held.shift();
  };
  const page = await openApp(context, app.server.url);
  await page.fill('#report-input', report.text);
  await page.click('.input-actions button');
  await page.waitForSelector('#summary.checking');
  await (await nextHeld()).continue();
  await checked(page);
  assertCounts(await summaryOf(page), expected, 'checked once the worker started');

  // The kept text is checked at once on the reloaded page, while its worker is still loading.
  await page.reload();
  await page.waitForSelector('#summary.checking');
  await (await nextHeld()).continue();
  await checked(page);
  assertCounts(await summaryOf(page), expected, 'the kept text, after the reload');
  assert.equal(await page.inputValue('#report-input'), report.text);
  await context.close();
});

test('a worker that cannot start, or whose wasm does not run, leaves the check to the page', async () => {
  const report = (await fixtures()).find((f) => f.name.startsWith('003_'));
  const expected = (await cli(report.text)).summary;
  // The worker's script fails to load (as offline without it in the cache): an error event.
  // Or it loads but its wasm does not start: it answers with an error (it used to leave the
  // page saying 正在检查 for ever).
  const ways = {
    'no script': (route) => route.abort(),
    'broken wasm': async (route) => {
      const response = await route.fetch();
      // Not the page's module but broken bytes.
      const script = (await response.text()).replace('init({ module_or_path: event.data.module })',
        'init({ module_or_path: new Uint8Array([0, 97, 115, 109, 99, 99, 99, 99]) })');
      assert.match(script, /new Uint8Array\(\[0, 97/);
      await route.fulfill({ response, body: script });
    },
  };
  for (const [way, handle] of Object.entries(ways)) {
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    await context.route(WORKER_SCRIPT, handle);
    const page = await openApp(context, app.server.url);
    await page.fill('#report-input', report.text);
    await page.click('.input-actions button');
    await checked(page);
    assertCounts(await summaryOf(page), expected, way);
    // And the kept text after a reload.
    await page.reload();
    await checked(page);
    assertCounts(await summaryOf(page), expected, `${way}: the kept text, after the reload`);
    await context.close();
  }
});
