// The page on a phone (390×844) and a laptop (1366×768), over every fixture and a few corpus
// reports: nothing wider than the screen, the findings near the top, no blank space below the
// content, and selecting a finding keeps it on screen while the source pane scrolls inside its
// own box to the finding's number, marked. Also: the loading message before the app starts, and
// what the printout carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { servedApp, fixtures, openApp, enter, root } from './harness.mjs';

const app = servedApp();

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
];

// A few reports of the corpus besides the fixtures: the long 三明 2022 (the page was three times
// as tall as its content), a 2019 one and a run-together one.
const CORPUS = ['三明市人民政府_2022.txt', '上海市人民政府办公厅_2019.txt', '莆田市城市管理局_2024.txt'];

async function reports() {
  const corpus = await Promise.all(CORPUS.map(async (name) =>
    ({ name, text: await readFile(path.resolve(root, '../shared/corpus', name), 'utf8') })));
  return [...(await fixtures()), ...corpus];
}

/** The page's measures: its widths and height, where its content ends and the first finding is
 * (from the top of the document). */
function measures(page) {
  return page.evaluate(() => {
    const top = (el) => el && el.getBoundingClientRect().top + window.scrollY;
    const app = document.querySelector('.app');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      scrollHeight: document.documentElement.scrollHeight,
      contentBottom: app.getBoundingClientRect().bottom + window.scrollY,
      firstFinding: top(document.querySelector('.finding')),
    };
  });
}

/** The finding to select: the first with cells and a place in the text, else the first with a
 * place in the text, else the first. */
function findingToSelect(report) {
  const at = (wanted) => report.findings.findIndex(wanted);
  const withCells = at((f) => f.cells.length > 0 && f.span);
  if (withCells >= 0) return withCells;
  return Math.max(at((f) => f.span), 0);
}

/** Clicks finding `index` (scrolled into view first, as a user would) and says what moved. On
 * a wide screen the user has scrolled down to the tables first, so the findings and the source
 * beside them fill the window. */
async function select(page, index) {
  await page.evaluate(() => {
    const results = document.querySelector('.results');
    if (getComputedStyle(document.querySelector('.results-side')).position === 'sticky') {
      window.scrollTo(0, results.getBoundingClientRect().top + window.scrollY);
    }
  });
  // A finding in a closed group card: open the card first, as a user would.
  const group = page.locator(`details.group-findings:not([open]):has(.finding[data-index="${index}"]) > summary`);
  if (await group.count() > 0) await group.first().click();
  const button = page.locator(`.finding[data-index="${index}"] button`);
  await button.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await button.click();
  await page.waitForSelector(`.finding[data-index="${index}"].selected`);
  // The source pane scrolls once the line is drawn, in the effect after the render.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const rect = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  const after = await page.evaluate(() => window.scrollY);
  return { before, after, rect };
}

for (const screen of SCREENS) {
  test(`${screen.name} (${screen.width}×${screen.height}): no sideways scroll, findings near the top, no blank space, selection stays in view`, async () => {
    const context = await app.browser.newContext({ viewport: { width: screen.width, height: screen.height } });
    const page = await openApp(context, app.server.url);
    for (const { name, text } of await reports()) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await enter(page, text);
      const m = await measures(page);
      assert.ok(m.scrollWidth <= m.innerWidth, `${name}: page ${m.scrollWidth} px wide in ${m.innerWidth}`);
      assert.ok(m.scrollHeight <= m.contentBottom + screen.height,
        `${name}: page ${m.scrollHeight} px tall, content ends at ${m.contentBottom}`);
      const report = await page.evaluate((t) => window.nianbao.check(t), text);
      if (report.findings.length === 0) continue;
      assert.ok(m.firstFinding <= 2 * screen.height, `${name}: first finding at ${m.firstFinding} px`);

      const index = findingToSelect(report);
      const finding = report.findings[index];
      const { before, after, rect } = await select(page, index);
      assert.equal(after, before, `${name}: the window scrolled from ${before} to ${after} on selecting`);
      // Within a pixel: scrollIntoViewIfNeeded may leave a button's edge a fraction of a pixel out.
      assert.ok(rect.top >= -1 && rect.bottom <= screen.height + 1 && rect.left >= -1 && rect.right <= screen.width + 1,
        `${name}: the selected finding left the screen: ${JSON.stringify(rect)}`);
      if (finding.line) {
        // The line is scrolled into the source pane's own box; on a wide screen that box is on
        // screen beside the finding (on a phone it is under the tables).
        // (Its number, when marked: a line may be a whole table, taller than the pane.)
        const line = await page.$eval('.source-lines li.current', (li) => {
          const box = li.closest('.source-lines').getBoundingClientRect();
          const r = (li.querySelector('mark') ?? li).getBoundingClientRect();
          return { inBox: r.bottom > box.top && r.top < box.bottom, top: r.top, bottom: r.bottom };
        });
        assert.ok(line.inBox, `${name}: line ${finding.line} is not in view in the source pane`);
        if (screen.name !== 'phone') {
          assert.ok(line.top >= 0 && line.top < screen.height, `${name}: line ${finding.line} is off screen: ${JSON.stringify(line)}`);
        }
      }
      const marks = await page.$$eval('.source-lines mark', (els) => els.map((e) => e.textContent));
      const { start, end } = finding.span ?? { start: 0, end: 0 };
      const sameLine = finding.span && !text.slice(start, end).includes('\n');
      if (sameLine && finding.cells.length > 0) {
        assert.deepEqual(marks, [text.slice(start, end)], `${name}: the number of finding ${index + 1}`);
      }
    }
    await context.close();
  });
}

test('the mark holds the number of the selected cell, not the whole line', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await openApp(context, app.server.url);
  const broken = (await fixtures()).find((f) => f.name.startsWith('003_'));
  await enter(page, broken.text);
  const report = await page.evaluate((t) => window.nianbao.check(t), broken.text);
  const index = report.findings.findIndex((f) => f.rule === 'requests.balance');
  assert.ok(index >= 0);
  await select(page, index);
  const cell = report.findings[index].cells[0];
  const value = await page.$eval(
    `td.cell[data-table="${cell.table}"][data-row="${cell.row}"][data-col="${cell.col}"] .value`, (el) => el.textContent);
  const line = await page.$eval('.source-lines li.current .line-text', (el) => el.textContent);
  const mark = await page.$eval('.source-lines li.current mark', (el) => el.textContent);
  assert.equal(mark, value);
  assert.ok(line.length > mark.length, `the line "${line}" is more than its number`);
  await context.close();
});

test('the static page says it is loading until the app starts; the app removes that', async () => {
  const context = await app.browser.newContext();
  for (const file of ['index.html', 'embed.html']) {
    const html = await (await fetch(app.server.url + file)).text();
    assert.match(html, /正在加载年报校验……/, `${file} before the app starts`);
    const page = await openApp(context, app.server.url + file);
    assert.equal(await page.$$eval('.loading', (els) => els.length), 0, `${file} after the app started`);
    assert.ok(!(await page.textContent('body')).includes('正在加载'), file);
    await page.close();
  }
  await context.close();
});

test('the printout carries the check date and the version, not the buttons nor 下载离线版', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await enter(page, (await fixtures()).find((f) => f.name.startsWith('003_')).text);
  const version = (await readFile(path.join(root, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
  assert.equal(await page.isVisible('.printed-with'), false, 'on paper only');
  assert.equal(await page.isVisible('.offline-copy'), true);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.textContent('.printed-with');
  assert.equal(await page.isVisible('.printed-with'), true);
  assert.match(printed, /检查日期：\d{4}年\d{1,2}月\d{1,2}日/);
  assert.ok(printed.includes(`年报校验 ${version}`), printed);
  for (const hidden of ['.offline-copy', '#export-csv', '#print', '#report-input']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is printed`);
  }
  assert.equal(await page.isVisible('.finding button'), true, 'the findings are printed');
  await context.close();
});
