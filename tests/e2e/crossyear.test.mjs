// Last year's report in the app: 「上年年报（可选）」 takes it, the cross-year findings join the
// list with the CLI's counts (`nianbao check --previous`), selecting one highlights this
// year's cells, and removing last year's report removes them. The check runs in the worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { servedApp, fixtures, root, openApp, enter } from './harness.mjs';

const app = servedApp();
let dir;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-crossyear-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every year written before 年 moved back by one: the report as if of the year before. */
const yearBefore = (text) => text.replace(/(20[1-3]\d)(\s*年)/g, (_, year, rest) => `${Number(year) - 1}${rest}`);

/** What `nianbao check --format json --previous` says, without `file`. */
async function cliWithPrevious(text, previous) {
  const thisYear = path.join(dir, 'this.txt');
  const lastYear = path.join(dir, 'last.txt');
  await writeFile(thisYear, text);
  await writeFile(lastYear, previous);
  const bin = path.join(root, 'target/release/nianbao');
  const out = execFileSync(bin, ['check', '--format', 'json', '--previous', lastYear, thisYear]);
  const { file, ...report } = JSON.parse(out.toString().split('\n')[0]);
  return report;
}

test('last year\'s report pasted in 上年年报 gives the cross-year findings on this year\'s cells', async () => {
  const huaian = (await fixtures()).find((f) => f.name.startsWith('淮安'));
  const text = huaian.text;
  // Last year's 结转下年度 does not match this year's 上年结转 (34 0 0 0 0 0 34) in 其他 and 总计.
  const carryForward = '四、结转下年度继续办理 103 0 0 0 0 0 103';
  assert.ok(text.includes(carryForward));
  const previous = yearBefore(text).replace(carryForward, '四、结转下年度继续办理 34 0 0 0 0 1 35');
  const cli = await cliWithPrevious(text, previous);
  const carryOver = cli.findings.filter((f) => f.rule === 'crossyear.carry_over');
  assert.deepEqual(carryOver.map((f) => f.cells[0].col), ['other', 'total']);

  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await openApp(context, app.server.url);
  await enter(page, text);
  assert.equal(await page.locator('.finding[data-rule^="crossyear."]').count(), 0);

  // The area is folded until opened.
  assert.equal(await page.isVisible('#previous-input'), false);
  await page.click('details.previous > summary');
  await page.fill('#previous-input', previous);
  await page.waitForSelector('.finding[data-rule="crossyear.carry_over"]');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');

  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  assert.equal(Number(summary.errors), cli.summary.errors);
  assert.equal(Number(summary.warnings), cli.summary.warnings);
  assert.equal(Number(summary.infos), cli.summary.infos);
  const shown = await page.$$eval('.finding', (els) => els.map((e) => e.dataset.rule).sort());
  assert.deepEqual(shown, cli.findings.map((f) => f.rule).sort());
  // Listed together under 跨年核对.
  const family = await page.$$eval('.family', (els) => els.map((el) => el.querySelector('h3').textContent)
    .filter((title) => title.startsWith('跨年核对')));
  const crossyear = cli.findings.filter((f) => f.rule.startsWith('crossyear.')).length;
  assert.deepEqual(family, [`跨年核对（${crossyear}）`]);
  assert.equal(await page.locator('.finding[data-rule="crossyear.carry_over"][data-severity="warning"]').count(), 2);

  // Selecting the first highlights this year's 上年结转 cell of 其他.
  const index = cli.findings.findIndex((f) => f.rule === 'crossyear.carry_over');
  await page.click(`.finding[data-index="${index}"] button`);
  const highlighted = await page.$$eval('td.cell.highlighted', (tds) =>
    tds.map((td) => `${td.dataset.table}.${td.dataset.row}.${td.dataset.col}`));
  assert.deepEqual(highlighted, ['requests.carried_over.other']);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'crossyear.png'), fullPage: true });
  }

  // The JS API takes it as an option and gives the CLI's object.
  const api = await page.evaluate(([t, p]) => window.nianbao.check(t, { previous: p }), [text, previous]);
  assert.deepEqual(api, cli);

  // Removed: the findings go with it.
  await page.click('details.previous button');
  await page.waitForFunction(() => !document.querySelector('.finding[data-rule^="crossyear."]')
    && (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  await context.close();
});
