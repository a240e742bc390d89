// Opening PDFs in the page (issue 17): pdf.js, vendored into dist/, is loaded only when a PDF is
// opened, reads it from its bytes, and the core lays out what it gives exactly as the CLI
// does. Each PDF (the corpus's, and generated ones drawn without rules) must give the CLI's
// summary and every cell of its tables; nothing of pdf.js is requested before a PDF is opened
// and nothing from any other origin ever; a broken PDF and one without text get their message
// and the text already there stays.
// Measured, not asserted (printed): the time to read each PDF in the page, the bytes loaded on
// demand, and the bytes of the first load. `SCREENSHOTS=DIR npm test` saves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { servedApp, root, dist, openApp } from './harness.mjs';

const app = servedApp();

const corpus = path.resolve(root, '../shared/corpus');
const generated = path.resolve(root, 'tests/data/pdf');
// The corpus PDFs, and three the generator of tests/pdf_files.rs wrote with tables drawn
// without rules (`PDF_KEEP=dir UNRULED_SETS=12`, seeds 1, 0 and 10), in an embedded font and in
// unembedded STSong-Light with UniGB-UCS2-H and GBK-EUC-H.
const PDFS = [
  path.join(corpus, '淮安市人民政府_2024.pdf'),
  path.join(corpus, '淮安市洪泽区人民政府_2024.pdf'),
  path.join(generated, 'unruled_2021_identity.pdf'),
  path.join(generated, 'unruled_2019_ucs2.pdf'),
  path.join(generated, 'unruled_2019_gbk.pdf'),
];
// The files of dist/ that only a PDF needs (www/hooks/post_build.py).
const ON_DEMAND = /\/(pdfjs|pdfjs-worker|pdf-cmaps|pdf-layout|pdf-reader)-[0-9a-f]{1,16}\.js$/;

function cliReport(file) {
  let out;
  try {
    out = execFileSync(path.join(root, 'target/release/nianbao'), ['check', '--format', 'json', file]);
  } catch (e) {
    out = e.stdout; // exit code 1: the report has errors
  }
  return JSON.parse(out.toString().split('\n')[0]);
}

/** The page's own requests (not the service worker's precaching), in order. */
function recordRequests(context) {
  const requests = [];
  context.on('request', (request) => { if (!request.serviceWorker()) requests.push({ url: request.url() }); });
  context.on('requestfailed', (request) => { if (!request.serviceWorker()) requests.push({ url: request.url(), failed: true }); });
  return requests;
}

/** The size of the app's files these requests name (each once), as served and gzipped. */
function size(requests) {
  const files = new Set(requests.filter((r) => !r.failed).map((r) => new URL(r.url).pathname.slice(1) || 'index.html'));
  let bytes = 0;
  let gzipped = 0;
  for (const file of files) {
    const data = readFileSync(path.join(dist, decodeURIComponent(file)));
    bytes += data.length;
    gzipped += gzipSync(data, { level: 9 }).length;
  }
  return `${(bytes / 1024).toFixed(1)} KB (${(gzipped / 1024).toFixed(1)} KB gzipped)`;
}

for (const file of PDFS) {
  const name = path.basename(file);
  test(`${name} opened in the page gives the CLI's summary and every cell of its tables`, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const requests = recordRequests(context);
    const page = await openApp(context, app.server.url);
    await page.waitForFunction(() => typeof window.nianbao?.check === 'function');
    await page.waitForLoadState('networkidle');
    const firstLoad = requests.length;
    assert.ok(requests.every((r) => !ON_DEMAND.test(r.url)), `nothing of pdf.js before a PDF: ${requests.map((r) => r.url)}`);

    const started = Date.now();
    await page.setInputFiles('#file-input', { name, mimeType: 'application/pdf', buffer: await readFile(file) });
    await page.waitForFunction(() => document.querySelector('#report-input').value.length > 0
      && (document.querySelector('#summary')?.dataset.errors ?? '') !== '', null, { timeout: 60000 });
    const readMs = Date.now() - started;

    const cli = cliReport(file);
    const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
    assert.equal(summary.template, cli.template);
    for (const severity of ['error', 'warning', 'info']) {
      assert.equal(Number(summary[`${severity}s`]), cli.findings.filter((f) => f.severity === severity).length, severity);
    }
    let compared = 0;
    for (const [table, rows] of Object.entries(cli.tables)) {
      for (const [row, cols] of Object.entries(rows)) {
        for (const [col, value] of Object.entries(cols)) {
          const shown = await page.$eval(
            `td[data-table="${table}"][data-row="${row}"][data-col="${col}"] .value`, (el) => el.textContent);
          assert.equal(shown, value === null ? '空' : String(value), `${table}.${row}.${col}`);
          compared++;
        }
      }
    }
    assert.deepEqual(Object.keys(cli.tables).sort(), ['active', 'requests', 'review_litigation']);
    assert.ok(compared >= 23 * 7 + 3 * 5, `every cell of the three tables (${compared})`);
    const shownRules = await page.$$eval('li.finding[data-rule]', (els) => els.map((el) => el.dataset.rule));
    assert.deepEqual(shownRules.sort(), cli.findings.map((f) => f.rule).sort(), 'the same findings');

    const onDemand = requests.slice(firstLoad).filter((r) => ON_DEMAND.test(r.url));
    assert.ok(onDemand.some((r) => /\/pdf-reader-/.test(r.url)) && onDemand.some((r) => /\/pdfjs-/.test(r.url)), 'pdf.js came on demand');
    assert.ok(requests.every((r) => r.url.startsWith(app.server.url)), `only the app's own files: ${requests.map((r) => r.url)}`);
    assert.ok(requests.every((r) => !r.failed), `no failed request: ${requests.filter((r) => r.failed).map((r) => r.url)}`);
    console.log(`# ${name}: read and checked in the page in ${readMs} ms; loaded on demand ${size(onDemand)}:`
      + ` ${onDemand.map((r) => path.basename(r.url)).join(', ')}; first load ${size(requests.slice(0, firstLoad))}`);
    if (process.env.SCREENSHOTS) {
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `pdf-${name.replace(/\.pdf$/, '')}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    }
    await context.close();
  });
}

test('a broken, a scanned and an encrypted PDF get their message; the text already there stays', async () => {
  const context = await app.browser.newContext();
  const requests = recordRequests(context);
  const page = await openApp(context, app.server.url);
  await page.fill('#report-input', '已有的文字');
  const files = [
    ['坏.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), /坏\.pdf.*读不出来.*损坏/],
    ['扫描件.pdf', blankPdf(), /扫描件\.pdf.*没有可读的文字/],
    ['加密.pdf', encryptedPdf(), /加密\.pdf.*加了密/],
  ];
  for (const [name, buffer, says] of files) {
    await page.setInputFiles('#file-input', { name, mimeType: 'application/pdf', buffer });
    await page.waitForFunction((n) => document.querySelector('.notice[role="alert"]')?.textContent.includes(n), name, { timeout: 30000 });
    assert.match(await page.textContent('.notice[role="alert"]'), says);
    assert.equal(await page.inputValue('#report-input'), '已有的文字', 'nothing is lost');
  }
  assert.ok(requests.every((r) => r.url.startsWith(app.server.url)), `only the app's own files: ${requests.map((r) => r.url)}`);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'pdf-no-text.png') });
  }
  await context.close();
});

test('while a PDF is read, the page says so, and says nothing more once it is read', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  // The reader's module is held back until the message has been seen: no race with a fast read.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/pdf-reader-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  await page.setInputFiles('#file-input', { name: '年报.pdf', mimeType: 'application/pdf', buffer: await readFile(PDFS[1]) });
  await page.waitForSelector('#reading[role="status"]');
  assert.equal(await page.textContent('#reading'), '正在读取 年报.pdf……');
  release();
  await page.waitForFunction(() => document.querySelector('#report-input').value.length > 0, null, { timeout: 60000 });
  await page.waitForSelector('#reading', { state: 'detached' });
  await context.close();
});

test('a PDF whose Chinese font is not embedded is read with the vendored CMaps, fetched from nowhere', async () => {
  const context = await app.browser.newContext();
  const requests = recordRequests(context);
  const page = await openApp(context, app.server.url);
  await page.setInputFiles('#file-input', { name: '未嵌入字体.pdf', mimeType: 'application/pdf', buffer: unembeddedFontPdf() });
  await page.waitForFunction(() => document.querySelector('#report-input').value.length > 0, null, { timeout: 30000 });
  assert.equal(await page.inputValue('#report-input'), '一、总体情况\n');
  assert.ok(requests.some((r) => /\/pdf-cmaps-[0-9a-f]+\.js$/.test(r.url)), 'the CMaps came on demand');
  assert.ok(requests.every((r) => r.url.startsWith(app.server.url) && !r.failed), `${requests.map((r) => r.url)}`);
  await context.close();
});

test('the one-file copy says that PDFs need the full app', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(app.server.url + 'nianbao-offline.html');
  await page.waitForSelector('#report-input');
  await page.setInputFiles('#file-input', { name: '年报.pdf', mimeType: 'application/pdf', buffer: await readFile(PDFS[1]) });
  await page.waitForFunction(() => document.querySelector('.notice[role="alert"]')?.textContent.includes('年报.pdf'));
  assert.match(await page.textContent('.notice[role="alert"]'), /单文件版.*完整的网页版.*全选/);
  await context.close();
});

/** A valid one-page PDF that draws nothing: what a scan without a text layer gives a reader. */
function blankPdf() {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ]);
}

/** 一、总体情况 in STSong-Light, not embedded, encoded UniGB-UCS2-H: pdf.js needs two of
 * Adobe's CMaps (UniGB-UCS2-H for the codes, Adobe-GB1-UCS2 for their Unicode). */
function unembeddedFontPdf() {
  const content = 'BT /F1 16 Tf 72 700 Td <4E003001603B4F5360C551B5> Tj ET';
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** blankPdf, encrypted with a user password (RC4, revision 2): the empty password does not open it. */
function encryptedPdf() {
  const bytes32 = (seed) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${bytes32(11)}> /U <${bytes32(97)}> >>`,
  ], ' /Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]');
}

/** A PDF of these objects (numbered from 1, the first the catalogue) with its cross-reference
 * table; `trailer` is added to the trailer's dictionary. */
function pdf(objects, trailer = '') {
  let body = '%PDF-1.7\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
    + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
    + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
