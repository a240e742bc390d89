// The whole page in Chromium: every fixture pasted gives what the CLI gives; selecting a
// finding highlights its cells; the CSV export holds every finding; nothing goes over the
// network after the page's own files; pasted markup stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { servedApp, fixtures, cliReport, openApp, enter } from './harness.mjs';

const app = servedApp();

const count = (report, severity) => report.findings.filter((f) => f.severity === severity).length;
const rules = (report) => [...new Set(report.findings.map((f) => f.rule))].sort();

test('every fixture pasted shows the counts and rules of nianbao check', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  for (const { name, text } of await fixtures()) {
    const cli = cliReport(name);
    await enter(page, text);
    const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
    assert.equal(Number(summary.errors), cli.summary.errors, `${name}: errors`);
    assert.equal(Number(summary.warnings), cli.summary.warnings, `${name}: warnings`);
    assert.equal(summary.template, cli.template ?? '', `${name}: template`);
    // The third verdict: no error, but a table not read reliably, with what to do.
    assert.equal(summary.verdict, cli.verdict, `${name}: verdict`);
    const verdict = await page.$eval('#summary .verdict', (el) => el.textContent);
    // A pass with warnings says how many: 通过（2 个警告）.
    const passed = cli.summary.warnings ? `通过（${cli.summary.warnings} 个警告）` : '通过';
    assert.match(verdict, { passed: new RegExp(`${passed}$`), failed: /未通过$/, unsure: /未能可靠读取$/ }[cli.verdict]);
    const note = await page.$$eval('#summary .unsure-note', (els) => els.map((e) => e.textContent));
    // Which tables were not read reliably is said whatever the verdict.
    const unsure = Object.values(cli.reading).some((r) => r === 'partial' || r === 'unreadable');
    if (unsure) assert.match(note[0], /未参与核对。请粘贴带表格结构的内容/, name);
    else assert.deepEqual(note, [], name);
    const shown = await page.$$eval('.finding', (els) => [...new Set(els.map((e) => e.dataset.rule))].sort());
    assert.deepEqual(shown, rules(cli), `${name}: rule ids`);
    // The JS API gives the very object of the CLI, without `file`.
    const api = await page.evaluate((t) => window.nianbao.check(t), text);
    const { file, ...expected } = cli;
    assert.deepEqual(api, expected, `${name}: window.nianbao.check`);
  }
  await context.close();
});

test('selecting a finding highlights all of its cells', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const broken = (await fixtures()).find((f) => f.name.startsWith('003_'));
  await enter(page, broken.text);
  const cli = cliReport(broken.name);
  const index = cli.findings.findIndex((f) => f.rule === 'requests.balance');
  assert.ok(index >= 0);
  await page.click(`.finding[data-index="${index}"] button`);
  const highlighted = await page.$$eval('td.cell.highlighted', (tds) =>
    tds.map((td) => `${td.dataset.table}.${td.dataset.row}.${td.dataset.col}`).sort());
  const expected = cli.findings[index].cells.map((c) => `${c.table}.${c.row}.${c.col}`).sort();
  assert.deepEqual(highlighted, expected);
  // Every highlighted cell carries the finding's number, not only a colour.
  const markers = await page.$$eval('td.cell.highlighted', (tds) =>
    tds.map((td) => [...td.querySelectorAll('.marker')].map((m) => m.textContent.replace(/^\D+/, ''))));
  assert.ok(markers.every((numbers) => numbers.includes(String(index + 1))), JSON.stringify(markers));
  // And the source view shows the finding's line.
  const current = await page.$eval('.source-lines li.current', (li) => li.id);
  assert.equal(current, `line-${cli.findings[index].line}`);
  await context.close();
});

test('the CSV export holds every finding', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.server.url);
  const report = (await fixtures()).find((f) => f.name.startsWith('平潭'));
  await enter(page, report.text);
  const cli = cliReport(report.name);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length, cli.findings.length + 1);
  cli.findings.forEach((f, i) => assert.ok(rows[i + 1].includes(f.rule), `row ${i + 1}: ${f.rule}`));
  await context.close();
});

test('no network request after the page has loaded its own files', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  // The page's own requests; the service worker's (it precaches the app's files for offline
  // use, embed.test.mjs) are kept apart: they may come at any time, and only from the same folder.
  const requests = [];
  const precache = [];
  context.on('request', (r) => (r.serviceWorker() ? precache : requests).push(r.url()));
  const page = await openApp(context, app.server.url);
  await page.waitForFunction(() => typeof window.nianbao?.check === 'function');
  const loaded = requests.length;
  for (const { text } of (await fixtures()).slice(0, 3)) await enter(page, text);
  await page.click('.finding button');
  await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  await page.reload();
  await page.waitForSelector('#report-input');
  assert.ok(requests.every((u) => u.startsWith(app.server.url)), `only the app's own files: ${requests}`);
  assert.ok(precache.every((u) => u.startsWith(app.server.url)), `the service worker's: ${precache}`);
  assert.equal(requests.slice(loaded, requests.length).filter((u) => !u.startsWith(app.server.url)).length, 0);
  // The wasm comes embedded in a script of the app's own folder, not fetched.
  assert.ok(requests.slice(0, loaded).some((u) => /\/wasm-[0-9a-f]+\.js$/.test(u)), `${requests}`);
  // After the first load nothing was requested until the reload, but the checking worker's
  // script and the two it imports (it starts with the app, and may load after the page).
  const reloadStart = requests.findIndex((u, i) => i >= loaded && (u === app.server.url || u.endsWith('index.html')));
  const between = requests.slice(loaded, reloadStart);
  const workerFiles = /\/(worker|wasm|nianbao)-[0-9a-f]{1,16}\.js$/;
  assert.ok(reloadStart >= loaded && between.every((u) => workerFiles.test(u)), `requests between load and reload: ${between}`);
  assert.ok(between.filter((u) => /\/worker-/.test(u)).length <= 1, `${between}`);
  await context.close();
});

test('pasted markup appears as text and never runs', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const hostile = '<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n一、总体情况 <b>粗体</b>';
  await enter(page, hostile);
  await page.waitForTimeout(300);
  assert.equal(dialogs, 0);
  assert.equal(await page.$$eval('.source-lines img, .source-lines script, .source-lines b', (e) => e.length), 0);
  const shown = await page.$$eval('.source-lines .line-text', (els) => els.map((e) => e.textContent));
  assert.ok(shown.includes('<img src=x onerror=alert(1)>'));
  assert.ok(shown.includes('<script>alert(2)</script>'));
  await context.close();
});

test('the text survives a reload and 清除 wipes it', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  // The page's timers never fire, as on a machine too loaded to run the debounced save
  // before the reload: the text is kept when the page is left (it used to be lost).
  await page.clock.install();
  await page.goto(app.server.url);
  await page.waitForSelector('#report-input');
  const { text } = (await fixtures())[0];
  await enter(page, text);
  await page.reload();
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  assert.equal(await page.inputValue('#report-input'), text);
  await page.click('button.secondary');
  await page.reload();
  await page.waitForSelector('#report-input');
  assert.equal(await page.inputValue('#report-input'), '');
  await context.close();
});

test('a real paste is checked with no button pressed', async () => {
  const context = await app.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url.slice(0, -1) });
  const page = await openApp(context, app.server.url);
  const report = (await fixtures()).find((f) => f.name.startsWith('淮安'));
  await page.evaluate((t) => navigator.clipboard.writeText(t), report.text);
  await page.focus('#report-input');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  const cli = cliReport(report.name);
  assert.equal(await page.inputValue('#report-input'), report.text);
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  assert.equal(Number(summary.errors), cli.summary.errors);
  assert.equal(summary.template, '2021');
  assert.ok(await page.$eval('#summary', (el) => el.classList.contains('passed')), 'green: 通过');
  await context.close();
});

test('a file opened from disk is read locally; a binary file gets a clear message', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const { text } = (await fixtures()).find((f) => f.name.startsWith('004_'));
  await page.setInputFiles('#file-input', { name: '年报.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.errors === '0');
  assert.equal(await page.inputValue('#report-input'), text);
  // A GB18030 (GBK) file, as Windows editors save it, reads the same.
  const gbk = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
  await page.click('button.secondary');
  await page.setInputFiles('#file-input', { name: '年报-gbk.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.errors === '0');
  assert.equal(await page.inputValue('#report-input'), text);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]);
  await page.setInputFiles('#file-input', { name: 'scan.png', mimeType: 'image/png', buffer: png });
  const notice = await page.waitForSelector('.notice[role="alert"]');
  assert.match(await notice.textContent(), /scan\.png.*不是文本/);
  assert.equal(await page.inputValue('#report-input'), text, 'nothing is lost');
  await context.close();
});

test('usable by keyboard: Tab to a finding, Enter selects it', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const broken = (await fixtures()).find((f) => f.name.startsWith('003_'));
  await enter(page, broken.text);
  await page.focus('.finding[data-index="0"] button');
  // Past the finding's rule help and the next group's toggle, to the next finding.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.matches('.finding > button'))) break;
  }
  await page.keyboard.press('Enter');
  const selected = await page.$eval('.finding.selected', (li) => li.dataset.index);
  assert.equal(selected, '1');
  // Every control has a name a screen reader can say.
  const unnamed = await page.$$eval('button, textarea, input', (els) =>
    els.filter((e) => !(e.textContent.trim() || e.labels?.length || e.getAttribute('aria-label'))).length);
  assert.equal(unnamed, 0);
  await context.close();
});

test('「用示例年报试一试」 imports the sample only when pressed, then checks it as the CLI does', async () => {
  const context = await app.browser.newContext();
  const requests = [];
  context.on('request', (r) => { if (!r.serviceWorker()) requests.push(r.url()); });
  const page = await openApp(context, app.server.url);
  await page.waitForFunction(() => typeof window.nianbao?.check === 'function');
  assert.equal(requests.filter((u) => /\/sample-[0-9a-f]+\.js$/.test(u)).length, 0, 'not in the first load');
  await page.click('button.sample');
  const sample = await readFile(new URL('../../www/sample.txt', import.meta.url), 'utf8');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== ''
    && document.querySelector('#report-input')?.value !== '');
  assert.equal(await page.inputValue('#report-input'), sample);
  let out;
  try {
    out = execFileSync(new URL('../../target/release/nianbao', import.meta.url).pathname, ['check', '--format', 'json', '-'], { input: sample });
  } catch (e) {
    out = e.stdout; // exit code 1: the report has errors
  }
  const expected = JSON.parse(out.toString().split('\n')[0]);
  assert.equal(await page.$eval('#summary', (el) => Number(el.dataset.errors)), count(expected, 'error'));
  assert.ok(count(expected, 'error') > 0, 'the sample has errors planted');
  assert.equal(requests.filter((u) => /\/sample-[0-9a-f]+\.js$/.test(u)).length, 1);
  await context.close();
});
