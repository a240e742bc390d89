// The batch view: choosing many files at once checks them one by one (in a worker), shows one
// row per file with the CLI's counts, opens any of them in the single-report view and back,
// and exports the very CSV of `nianbao check --summary csv` for the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, copyFile, writeFile, readFile, rm, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { servedApp, fixtures, fixturesDir, cliReport, openApp, root, dist } from './harness.mjs';

const app = servedApp();
let dir, names;
before(async () => {
  // The fixtures and one file that is not text, side by side, as a supervisor's folder.
  dir = await mkdtemp(path.join(tmpdir(), 'nianbao-batch-'));
  names = [];
  for (const { name } of await fixtures()) {
    await copyFile(path.join(fixturesDir, name), path.join(dir, name));
    names.push(name);
  }
  await writeFile(path.join(dir, 'zz-不是文本.txt'), Buffer.from([0, 1, 2, 0x50, 0x4b, 3, 4]));
  names.push('zz-不是文本.txt');
  names.sort();
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `nianbao check --summary csv` over the same files, named as the page names them. */
function cliSummary() {
  try {
    return execFileSync(path.join(root, 'target/release/nianbao'), ['check', '--summary', 'csv', ...names], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    return e.stdout.toString(); // exit 1 (errors) or 2 (the unreadable file)
  }
}

/** Chooses every file at once (in a shuffled order: the page sorts them) and waits for the end. */
async function chooseAll(page) {
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const text = document.querySelector('#batch-progress')?.textContent;
      if (text && window.progressSeen.at(-1) !== text) window.progressSeen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const shuffled = [...names].reverse();
  await page.setInputFiles('#file-input', shuffled.map((n) => path.join(dir, n)));
  await page.waitForFunction(() => {
    const p = document.querySelector('#batch-progress');
    return p && p.dataset.total !== '0' && p.dataset.done === p.dataset.total;
  });
}

/** The rows shown: one per file, in name order, with the CLI's counts; progress was shown. */
async function assertRows(page) {
  const rows = await page.$$eval('.batch-row', (trs) => trs.map((tr) => ({
    ...tr.dataset, file: tr.querySelector('.file').textContent, note: tr.querySelector('.note').textContent,
  })));
  assert.deepEqual(rows.map((r) => r.file), names, 'one row per file, in name order');
  for (const row of rows) {
    if (row.file.startsWith('zz-')) {
      assert.equal(row.status, 'unreadable');
      assert.equal(row.errors, '', 'unknown, not 0');
      assert.match(row.note, /不是文本文件/);
      continue;
    }
    const cli = cliReport(row.file);
    assert.equal(row.status, 'checked', row.file);
    assert.equal(Number(row.errors), cli.summary.errors, `${row.file}: errors`);
    assert.equal(Number(row.warnings), cli.summary.warnings, `${row.file}: warnings`);
    assert.equal(Number(row.infos), cli.summary.infos, `${row.file}: infos`);
    assert.equal(row.template, cli.template ?? '', `${row.file}: template`);
    assert.equal(row.note, { passed: '通过', failed: '未通过', unsure: '未能可靠读取' }[cli.verdict]);
  }
  // Progress was shown while checking, counting up to the end.
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some((t) => /^已检查 \d+\/9$/.test(t)), JSON.stringify(seen));
  assert.match(seen.at(-1), /^已检查全部 9 份：1 份未通过，1 份未能可靠读取，1 份无法读取$/);
}

/** The exported CSV is what the CLI prints for the same files, byte for byte. */
async function assertExport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch-export-csv')]);
  assert.equal(download.suggestedFilename(), '年报批量检查汇总.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff文件,机关,年度,模板,错误,警告,提示,说明\r\n'));
  assert.equal(csv, cliSummary());
}

test('choosing all the fixtures at once gives one row per file with the counts of the CLI', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.server.url);
  // The page's own checking worker starts just after the first render: wait for it, so that
  // the listener below sees only the workers the batch starts.
  if (page.workers().length === 0) await page.waitForEvent('worker');
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await chooseAll(page);
  await assertRows(page);
  // The files were checked in a worker of their own.
  assert.equal(workers.length, 1, JSON.stringify(workers));
  assert.match(workers[0], /\/worker-[0-9a-f]+\.js$/);
  if (process.env.SCREENSHOTS) {
    await mkdir(process.env.SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'batch.png'), fullPage: true });
  }
  await assertExport(page);
  await context.close();
});

test('the one-file copy from file:// (no worker) checks a batch on the page alike', async () => {
  const copy = path.join(dir, 'offline', '年报校验-离线版.html');
  await mkdir(path.dirname(copy), { recursive: true });
  await copyFile(path.join(dist, 'nianbao-offline.html'), copy);
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(pathToFileURL(copy).href);
  await page.waitForSelector('#report-input');
  await chooseAll(page);
  await assertRows(page);
  assert.deepEqual(workers, [], 'checked on the page');
  await assertExport(page);
  await context.close();
});

test('详情 opens a report in the single-report view, and the way back keeps the table', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await chooseAll(page);
  const broken = names.findIndex((n) => n.startsWith('003_'));
  const cli = cliReport(names[broken]);
  await page.click(`.batch-row[data-index="${broken}"] button.details`);
  await page.waitForSelector('#batch-back');
  assert.equal(await page.$('#batch'), null, 'the table gives way to the report');
  const text = await readFile(path.join(dir, names[broken]), 'utf8');
  assert.equal(await page.inputValue('#report-input'), text);
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  assert.equal(Number(summary.errors), cli.summary.errors);
  assert.equal(Number(summary.warnings), cli.summary.warnings);
  const shown = await page.$$eval('.finding', (els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(shown, cli.findings.map((f) => f.rule));
  assert.ok(await page.$('td.cell[data-table="requests"][data-severity="error"]'), 'annotated tables');
  assert.match(await page.textContent('.batch-current'), new RegExp(`第 ${broken + 1}/9 份：003_`));
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'batch-details.png') });
  }
  await page.click('#batch-back');
  await page.waitForSelector('#batch');
  assert.equal(await page.$$eval('.batch-row', (trs) => trs.length), 9);
  // 返回单份检查 leaves the batch.
  await page.click('#batch-close');
  await page.waitForSelector('#report-input');
  assert.equal(await page.$('#batch'), null);
  assert.equal(await page.$('#batch-back'), null);
  await context.close();
});

test('one file chosen still opens in the paste area, without a batch', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const name = names.find((n) => n.startsWith('000_'));
  await page.setInputFiles('#file-input', path.join(dir, name));
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  assert.equal(await page.inputValue('#report-input'), await readFile(path.join(dir, name), 'utf8'));
  assert.equal(await page.$('#batch'), null);
  await context.close();
});

test('dropping several files on the paste area opens the batch view too', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const dropped = [];
  for (const name of names.filter((n) => !n.startsWith('zz-')).slice(0, 3)) {
    dropped.push({ name, text: await readFile(path.join(dir, name), 'utf8') });
  }
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const { name, text } of files) data.items.add(new File([text], name, { type: 'text/plain' }));
    document.querySelector('.input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [...dropped].reverse());
  await page.waitForFunction(() => {
    const p = document.querySelector('#batch-progress');
    return p && p.dataset.done === '3' && p.dataset.total === '3';
  });
  const rows = await page.$$eval('.batch-row', (trs) => trs.map((tr) => [tr.querySelector('.file').textContent, tr.dataset.errors]));
  assert.deepEqual(rows, dropped.map(({ name }) => [name, String(cliReport(name).summary.errors)]));
  await context.close();
});
