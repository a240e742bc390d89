// Pasting a copied web page whose tables' cells run together as plain text
// (`<td>1</td><td>2</td>` is `12`): the app reads the clipboard's text/html with the browser's
// DOMParser, and the tables on the page are exactly the fixture's truth. The CLI reads the
// same page as an .html file alike. Editing the text afterwards checks the text alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { servedApp, fixtures, fixturesDir, root, openApp } from './harness.mjs';

const app = servedApp();

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A fixture copied from a web page: its tab-separated lines as table rows (one `<td>` per
 * field, empty ones too), the rest as paragraphs. Returns the clipboard's two forms: the HTML,
 * and the plain text a browser gives for it, where a row's cells run together.
 */
function asWebPage(text) {
  const html = ['<html><body><div class="article">'];
  const plain = [];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const isRow = line.includes('\t');
    if (isRow && !inTable) html.push('<table border="1"><tbody>');
    if (!isRow && inTable) html.push('</tbody></table>');
    inTable = isRow;
    if (isRow) {
      const cells = line.split('\t');
      html.push(`<tr>${cells.map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`);
      plain.push(cells.map((c) => c.trim()).join(''));
    } else if (line.trim()) {
      html.push(`<p>${escape(line)}</p>`);
      plain.push(line);
    }
  }
  if (inTable) html.push('</tbody></table>');
  html.push('</div></body></html>');
  return { html: html.join('\n'), plain: plain.join('\n') };
}

/** Dispatches a paste of `html` and `plain` into the paste area, as a browser does. */
async function paste(page, { html, plain }) {
  await page.evaluate(({ html, plain }) => {
    const area = document.querySelector('#report-input');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { html, plain });
}

/** The tables drawn on the page, as `{table: {row: {col: "text"}}}`. */
async function pageTables(page) {
  return page.$$eval('td.cell[data-table]', (tds) => {
    const out = {};
    for (const td of tds) {
      const { table, row, col } = td.dataset;
      ((out[table] ??= {})[row] ??= {})[col] = td.querySelector('.value').textContent;
    }
    return out;
  });
}

/** The truth's tables as the page draws them: numbers as printed, blank as 空. */
function shown(tables) {
  const out = {};
  for (const [table, rows] of Object.entries(tables)) {
    if (!rows) continue;
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols)) {
        ((out[table] ??= {})[row] ??= {})[col] = value === null ? '空' : String(value);
      }
    }
  }
  return out;
}

const summaryOf = (page) => page.$eval('#summary', (el) => ({ ...el.dataset }));

test('pasted HTML tables are read from their cells, not from run-together text', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-paste-'));
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const tabbed = (await fixtures()).filter(({ text }) => text.split('\n').filter((l) => l.includes('\t')).length > 20);
  assert.ok(tabbed.length >= 3, `fixtures with tab tables: ${tabbed.map((f) => f.name)}`);
  for (const { name, text } of tabbed) {
    const truth = JSON.parse(await readFile(path.join(fixturesDir, name.replace(/\.txt$/, '.truth.json')), 'utf8'));
    const clip = asWebPage(text);
    // The plain text alone reads the tables wrong: the cells ran together.
    const asText = await page.evaluate((t) => window.nianbao.check(t), clip.plain);
    assert.notDeepEqual(shown(asText.tables), shown(truth.tables), `${name}: plain text reads right`);

    await page.fill('#report-input', '');
    await page.waitForSelector('#summary.empty');
    await paste(page, clip);
    await page.waitForSelector('#summary .source-note');
    await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
    assert.deepEqual(await pageTables(page), shown(truth.tables), `${name}: tables on the page`);
    const note = await page.$eval('#summary .source-note', (el) => el.textContent);
    assert.equal(note, '表格按粘贴的表格结构读取');

    // The CLI reads the page saved as an .html file the same way.
    const file = path.join(dir, `${name}.html`);
    await writeFile(file, clip.html);
    let out;
    try {
      out = execFileSync(path.join(root, 'target/release/nianbao'), ['check', '--format', 'json', file]);
    } catch (e) {
      out = e.stdout;
    }
    const cli = JSON.parse(out.toString());
    const summary = await summaryOf(page);
    assert.equal(Number(summary.errors), cli.summary.errors, `${name}: errors`);
    assert.equal(Number(summary.warnings), cli.summary.warnings, `${name}: warnings`);
    assert.equal(Number(summary.infos), cli.summary.infos, `${name}: infos`);
    for (const rule of truth.expected_rules) {
      assert.ok(cli.findings.some((f) => f.rule === rule), `${name}: ${rule}`);
    }
    // The page's text is what the findings point into; checkHtml gives it and the same result.
    const api = await page.evaluate((h) => window.nianbao.checkHtml(h), clip.html);
    assert.equal(api.text, await page.inputValue('#report-input'));
    const { file: _, ...expected } = cli;
    const { text: __, ...report } = api;
    assert.deepEqual(report, expected, `${name}: checkHtml`);
  }

  // The last paste, edited: the grids no longer apply, the text is checked alone.
  await page.screenshot({ path: path.join(os.tmpdir(), 'nianbao-paste.png') });
  await page.focus('#report-input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('。');
  await page.waitForFunction(() => !document.querySelector('#summary .source-note')
    && (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  await context.close();
  await rm(dir, { recursive: true });
});

test('a paste without tables is an ordinary paste', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await paste(page, { html: '<p>一、总体情况</p>', plain: '一、总体情况' });
  // Nothing taken over: a synthetic paste inserts nothing by itself.
  assert.equal(await page.inputValue('#report-input'), '');
  await context.close();
});
