// What the page exports and the smaller things around it (issue 15): the findings CSV carries
// the report's agency, year, verdict, check date and version on every row and names cells as
// the form prints them; a clean report still gives a row; a file named like a formula stays
// text; 清除 can be undone; 上一份 / 下一份 in a batch; 下载离线版 only when it can work; the
// 上年年报 panel names the report it compared with; the pages carry no inline script; a portal
// developer is told in the console what is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, copyFile, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { servedApp, fixtures, fixturesDir, openApp, enter, root, dist } from './harness.mjs';

const app = servedApp();
let dir;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nianbao-export-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HEADER = '机关,年度,模板,结论,检查日期,工具版本,序号,类别,级别,规则,规则名称,行,单元格,说明';
const clean = () => readFile(path.join(root, 'tests/golden/rules/clean.txt'), 'utf8');
const version = async () => (await readFile(path.join(root, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)[1];

/** Splits one CSV line of fields without quotes or commas in them. */
const fields = (line) => line.split(',');

/** The file a click on `selector` downloads, as text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a clean report exports one row that says who, which year, 通过, when and with what', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.server.url);
  await enter(page, await clean());
  assert.equal(await page.$eval('#summary', (el) => el.dataset.verdict), 'passed');
  const { text } = await download(page, '#export-csv');
  const lines = text.split('\r\n');
  assert.equal(lines[0], `\ufeff${HEADER}`);
  assert.equal(lines.length, 3, 'the header, one row, and the last line end');
  const row = fields(lines[1]);
  assert.equal(row.length, 14);
  const [agency, year, template, verdict, date, tool] = row;
  assert.match(agency, /局$/);
  assert.match(year, /^20\d\d$/);
  assert.match(template, /^20(19|21)$/);
  assert.equal(verdict, '通过');
  const today = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  assert.equal(date, `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`);
  assert.equal(tool, await version());
  assert.equal(row[13], '未发现问题');
  await context.close();
});

test('a failing report names its cells as the form prints them', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.server.url);
  const broken = (await fixtures()).find((f) => f.name.startsWith('003_'));
  await enter(page, broken.text);
  const findings = await page.$$eval('.finding', (els) => els.length);
  const { text } = await download(page, '#export-csv');
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, findings + 1);
  assert.ok(lines.slice(1).every((l) => l.includes(',未通过,')), 'the verdict on every row');
  const balance = lines.find((l) => l.includes(',requests.balance,'));
  assert.ok(balance, text);
  // 一 + 二 = （七） + 四: the cells of the rows it adds, named as printed.
  assert.match(balance, /表三 一、本年新收·/);
  assert.match(balance, /表三（七）总计·/);
  assert.doesNotMatch(text, /requests\.(new|total|granted)\./, 'no internal key for a cell');
  // The JSON export is the JS API's object (the CLI's JSON without `file`).
  const json = await download(page, '#export-json');
  assert.deepEqual(JSON.parse(json.text), await page.evaluate((t) => window.nianbao.check(t), broken.text));
  await context.close();
});

/** Chooses `files` (paths) at once and waits for the batch to be done. */
async function chooseBatch(page, files) {
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => {
    const p = document.querySelector('#batch-progress');
    return p && p.dataset.total !== '0' && p.dataset.done === p.dataset.total;
  });
}

test('a file named =1+1.txt is exported as text in both batch CSVs', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.server.url);
  const names = ['=1+1.txt', 'b.txt'];
  const [first] = await fixtures();
  for (const name of names) await copyFile(path.join(fixturesDir, first.name), path.join(dir, name));
  await chooseBatch(page, names.map((n) => path.join(dir, n)));
  const summary = await download(page, '#batch-export-csv');
  assert.match(summary.text, /\r\n'=1\+1\.txt,/);
  assert.doesNotMatch(summary.text, /\r\n=1/);
  const all = await download(page, '#batch-export-findings');
  assert.equal(all.name, '年报批量检查全部问题.csv');
  const lines = all.text.trimEnd().split('\r\n');
  assert.equal(lines[0], `\ufeff文件,${HEADER}`);
  const files = new Set(lines.slice(1).map((l) => fields(l)[0]));
  assert.deepEqual([...files], ["'=1+1.txt", 'b.txt']);
  await context.close();
});

test('上一份 and 下一份 go through the batch reports from 详情', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const chosen = (await fixtures()).slice(0, 3);
  for (const { name } of chosen) await copyFile(path.join(fixturesDir, name), path.join(dir, name));
  await chooseBatch(page, chosen.map(({ name }) => path.join(dir, name)));
  await page.click('.batch-row[data-index="0"] button.details');
  await page.waitForSelector('#batch-back');
  const current = () => page.$eval('.batch-current', (el) => el.textContent);
  assert.equal(await current(), `第 1/3 份：${chosen[0].name}`);
  assert.ok(await page.$eval('#batch-previous', (b) => b.disabled), 'nothing before the first');
  await page.click('#batch-next');
  await page.waitForFunction((n) => document.querySelector('.batch-current').textContent.endsWith(n), chosen[1].name);
  assert.equal(await page.inputValue('#report-input'), chosen[1].text);
  await page.click('#batch-next');
  await page.waitForFunction((n) => document.querySelector('.batch-current').textContent.endsWith(n), chosen[2].name);
  assert.ok(await page.$eval('#batch-next', (b) => b.disabled), 'nothing after the last');
  await page.click('#batch-previous');
  await page.waitForFunction((n) => document.querySelector('.batch-current').textContent.endsWith(n), chosen[1].name);
  assert.equal(await current(), `第 2/3 份：${chosen[1].name}`);
  await context.close();
});

test('撤销 after 清除 brings back the text, its check and its saved copy', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const { text } = (await fixtures())[0];
  await enter(page, text);
  const errors = await page.$eval('#summary', (el) => el.dataset.errors);
  await page.click('.input-actions button.secondary');
  assert.equal(await page.inputValue('#report-input'), '');
  await page.waitForSelector('#cleared');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.text')), null, 'the saved copy went too');
  await page.click('#undo-clear');
  assert.equal(await page.inputValue('#report-input'), text);
  await page.waitForFunction((e) => document.querySelector('#summary')?.dataset.errors === e, errors);
  assert.equal(await page.$('#cleared'), null);
  // The saved copy is back: a reload shows the text again.
  await page.reload();
  await page.waitForSelector('#report-input');
  await page.waitForFunction((t) => document.querySelector('#report-input').value === t, text);
  await context.close();
});

test('下载离线版 is offered only online, and not in the one-file copy', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const link = 'a[href="nianbao-offline.html"]';
  await page.waitForSelector(link);
  await context.setOffline(true);
  await page.waitForSelector(link, { state: 'hidden' });
  await context.setOffline(false);
  await page.waitForSelector(link);
  // The one-file copy, even served over http, does not offer itself again.
  const copy = await openApp(context, `${app.server.url}nianbao-offline.html`);
  assert.equal(await copy.$(link), null);
  await context.close();
});

test('the 上年年报 panel names the agency and year it compared with', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const read = (name) => readFile(path.join(root, 'tests/golden/rules', name), 'utf8');
  await enter(page, await read('crossyear.carry_over.txt'));
  assert.equal(await page.$('#previous-compared'), null, 'nothing compared yet');
  await page.click('details.previous summary');
  await page.fill('#previous-input', await read('crossyear.carry_over.previous.txt'));
  await page.waitForSelector('#previous-compared');
  assert.equal(await page.$eval('#previous-compared', (p) => p.textContent), '已与上年年报核对：某某县财政局，2022 年度');
  await context.close();
});

test('the built pages carry no inline script and load without a console error', async () => {
  for (const name of ['index.html', 'embed.html', 'demo.html']) {
    const html = await readFile(path.join(dist, name), 'utf8').catch(() => null);
    if (html === null) continue;
    // Data blocks (type="text/plain": the sample, the rule help) never run; every other script comes from a file.
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)]
      .filter(([, attrs]) => !/\bsrc=/.test(attrs) && !/\btype="text\/plain"/.test(attrs));
    assert.deepEqual(inline.map(([tag]) => tag), [], `${name}: every script from a file (the CSP refuses inline ones)`);
  }
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'error') seen.push(m.text()); });
  page.on('pageerror', (e) => seen.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector('#report-input');
  await enter(page, (await fixtures())[0].text);
  assert.deepEqual(seen, []);
  await context.close();
});

/** The first console warning of `page` (or its frames) that matches `pattern`. */
const warning = (page, pattern) => page.waitForEvent('console', {
  predicate: (m) => m.type() === 'warning' && pattern.test(m.text()),
  timeout: 30_000,
});

test('embed.html framed without origins= says so in the console', async () => {
  const context = await app.browser.newContext();
  const host = `${app.server.url}host-no-origins.html`;
  await context.route(host, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><meta charset="utf-8"><iframe src="embed.html"></iframe>',
  }));
  const page = await context.newPage();
  const warned = warning(page, /origins=/);
  await page.goto(host);
  assert.match((await warned).text(), /embed\.html\?origins=https:/);
  await context.close();
});

test('nianbao.js that cannot load its own files says what to do in the console', async () => {
  const context = await app.browser.newContext();
  const host = `${app.server.url}host-blocked.html`;
  await context.route(host, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><meta charset="utf-8"><script type="module" src="./nianbao.js"></script><nianbao-checker></nianbao-checker>',
  }));
  // As a portal's browser does when the folder sends no CORS header: the module's own files fail.
  await context.route(/\/wasm-[0-9a-f]+\.js$/, (route) => route.abort());
  const page = await context.newPage();
  const warned = warning(page, /nianbao\.js/);
  await page.goto(host);
  assert.match((await warned).text(), /Access-Control-Allow-Origin/);
  await context.close();
});
