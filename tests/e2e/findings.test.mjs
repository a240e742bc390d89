// The findings list in Chromium: 「用示例年报试一试」 loads the bundled sample and shows its planted
// errors; every finding names its rule in Chinese and opens the rule's help in place (also in
// the one-file copy); a rule that fires many times on one table is one card with a count,
// whose findings open beneath it; a pass with warnings says how many.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { servedApp, fixtures, openApp, enter, root } from './harness.mjs';

const app = servedApp();

/** The rule ids shown, one per finding card (a group counts once). */
const cards = (page) => page.$$eval('.findings .family > ul > li', (lis) => lis.map((li) => ({
  rule: li.dataset.rule,
  group: li.classList.contains('finding-group'),
  title: li.querySelector('.rule-name .rule-title')?.textContent ?? '',
  id: li.querySelector('.rule-name code.rule')?.textContent ?? '',
  help: li.querySelector(':scope > details.rule-help')?.dataset.rule ?? null,
})));

/** Checks the text and waits for its findings. */
async function sample(page) {
  await page.click('button.sample');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
}

test('the sample button loads the sample and shows its planted findings', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await sample(page);
  const text = await readFile(path.join(root, 'www/sample.txt'), 'utf8');
  assert.equal(await page.inputValue('#report-input'), text);
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  assert.deepEqual([summary.errors, summary.warnings, summary.infos], ['3', '1', '0']);
  assert.equal(await page.textContent('#summary .verdict'), '✖ 未通过');
  const shown = await page.$$eval('.finding', (els) => els.map((e) => e.dataset.rule).sort());
  assert.deepEqual(shown, ['active.blank', 'requests.column_sum', 'requests.row_sum', 'review_litigation.sum']);
  // It never replaces a text: with one in the area, there is no sample button.
  assert.equal(await page.$('button.sample'), null);
  await page.click('.input-actions button.secondary:not(.sample)');
  await page.waitForSelector('button.sample');
  await context.close();
});

test('every finding of every fixture names its rule and opens its help in place', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const seen = new Set();
  for (const { name, text } of await fixtures()) {
    await enter(page, text);
    for (const card of await cards(page)) {
      assert.ok(card.title.length > 3, `${name}: ${card.rule} has a Chinese title`);
      assert.equal(card.id, card.rule, `${name}: the id beside the title`);
      assert.equal(card.help, card.rule, `${name}: ${card.rule} has its help`);
      seen.add(card.rule);
    }
  }
  // Each rule's help opens on a click and says what it checks and how to fix it.
  await enter(page, (await fixtures()).find((f) => f.name.startsWith('003_')).text);
  const help = page.locator('details.rule-help[data-rule="requests.balance"]').first();
  assert.equal(await help.locator('dl').isVisible(), false);
  await help.locator('summary').click();
  assert.equal(await help.locator('dl').isVisible(), true);
  const parts = await help.locator('dt').allTextContents();
  assert.deepEqual(parts, ['检查什么', '为什么', '出错的例子', '怎么改']);
  assert.match(await help.locator('dd').first().textContent(), /\S{10}/);
  assert.ok(seen.size >= 8, `rules seen on the fixtures: ${[...seen]}`);
  await context.close();
});

test('run-together rows make one card per table, zero rows counted, the rest opened on a click', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await enter(page, (await fixtures()).find((f) => f.name.startsWith('平潭综合实验区_2021')).text);
  const groups = page.locator('.finding-group[data-rule="structure.reconstructed_cells"]');
  assert.ok(await groups.count() >= 1);
  const group = groups.first();
  const count = Number(await group.getAttribute('data-count'));
  const zeroRows = Number(await group.getAttribute('data-zero-rows'));
  assert.ok(count > 3, `count ${count}`);
  assert.equal(await group.locator('.group-count').textContent(), `共 ${count} 处`);
  // Zero rows are not listed: the group lists the others.
  assert.equal(await group.locator('li.finding').count(), count - zeroRows);
  if (zeroRows) assert.match(await group.locator('.zero-rows').textContent(), new RegExp(`另有 ${zeroRows} 行全为 0`));
  // Closed at first; a click opens it, and a finding in it can be selected.
  const first = group.locator('li.finding button').first();
  assert.equal(await first.isVisible(), false);
  await group.locator('summary').first().click();
  assert.equal(await first.isVisible(), true);
  await first.click();
  assert.equal(await group.locator('li.finding.selected').count(), 1);
  // Every finding is on the page: listed, or counted as a zero row.
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  const total = Number(summary.errors) + Number(summary.warnings) + Number(summary.infos);
  const listed = await page.locator('li.finding').count();
  const zero = await page.$$eval('.finding-group', (gs) => gs.reduce((n, g) => n + Number(g.dataset.zeroRows), 0));
  assert.equal(listed + zero, total);
  await context.close();
});

test('five blank columns are one card of five, and the pass says its warnings', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await enter(page, (await fixtures()).find((f) => f.name.startsWith('沭阳县')).text);
  const shown = await cards(page);
  assert.deepEqual(shown.map((c) => [c.rule, c.group]), [['requests.blank', true]]);
  assert.equal(await page.textContent('.finding-group .group-count'), '共 5 处');
  assert.equal(await page.textContent('#summary .verdict'), '✔ 通过（5 个警告）');
  await context.close();
});

test('the one-file copy has the sample and the rules help', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, `${app.server.url}nianbao-offline.html`);
  await sample(page);
  const shown = await cards(page);
  assert.ok(shown.length > 0);
  for (const card of shown) assert.equal(card.help, card.rule, card.rule);
  await page.locator('details.rule-help summary').first().click();
  assert.equal(await page.locator('details.rule-help dl').first().isVisible(), true);
  await context.close();
});
