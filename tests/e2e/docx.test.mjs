// Opening .docx files in the page: a file written by LibreOffice (tests/data/libreoffice.docx)
// and one zipped here with vertical merges are read locally, their text put in the paste
// area and checked as the CLI checks them; a broken PDF, an old .doc and a broken .docx get plain
// advice and the text already there stays. `SCREENSHOTS=DIR npm test` saves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { servedApp, root, openApp } from './harness.mjs';

const app = servedApp();

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const libreoffice = path.join(root, 'tests/data/libreoffice.docx');

function cliReport(file) {
  let out;
  try {
    out = execFileSync(path.join(root, 'target/release/nianbao'), ['check', '--format', 'json', file]);
  } catch (e) {
    out = e.stdout;
  }
  return JSON.parse(out.toString().split('\n')[0]);
}

// A zip of stored (uncompressed) members: enough for a .docx, and a second path through the
// reader besides LibreOffice's deflated one.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function zipStored(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of files) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const p = (text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

test('a .docx written by LibreOffice is read in the page (in its worker) and checked as the CLI checks it', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  // Records the files sent to a worker to open (issue 16: a large .docx froze the page).
  await context.addInitScript(() => {
    window.filesSentToWorker = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.open) window.filesSentToWorker.push(message.open.name);
      return post.call(this, message, ...rest);
    };
  });
  const page = await openApp(context, app.server.url);
  const buffer = await readFile(libreoffice);
  await page.setInputFiles('#file-input', { name: '平潭综合实验区2021年报.docx', mimeType: DOCX_TYPE, buffer });
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.errors === '0');
  const cli = cliReport(libreoffice);
  const summary = await page.$eval('#summary', (el) => ({ ...el.dataset }));
  assert.equal(summary.template, '2021');
  assert.equal(Number(summary.warnings), cli.findings.filter((f) => f.severity === 'warning').length);
  assert.equal(Number(summary.infos), cli.findings.filter((f) => f.severity === 'info').length);
  assert.deepEqual(await page.evaluate(() => window.filesSentToWorker), ['平潭综合实验区2021年报.docx'],
    'the .docx was opened in the worker');
  const text = await page.inputValue('#report-input');
  assert.match(text, /^平潭综合实验区2021年度政府信息公开工作年度报告\n/);
  assert.match(text, /\n一、本年新收政府信息公开申请数量\t\t\t64\t0\t0\t2\t0\t4\t70\n/);
  // Every cell of 表三 and 表四 on the page shows what the CLI read.
  let compared = 0;
  for (const table of ['requests', 'review_litigation']) {
    for (const [row, cols] of Object.entries(cli.tables[table])) {
      for (const [col, value] of Object.entries(cols)) {
        const shown = await page.$eval(
          `td[data-table="${table}"][data-row="${row}"][data-col="${col}"] .value`, (el) => el.textContent);
        assert.equal(shown, value === null ? '空' : String(value), `${table}.${row}.${col}`);
        compared++;
      }
    }
  }
  assert.equal(compared, 25 * 7 + 3 * 5, "every cell of 表三 and 表四");
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'docx.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
  }
  await context.close();
});

test('a .docx zipped without compression, with merged cells, is read the same way', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('标题')}<w:tbl><w:tr>${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1．属于国家秘密')}${tc('0')}</w:tr><w:tr>${tc('', '<w:vMerge/>')}${tc('2．其他法律行政法规禁止公开')}${tc('１')}</w:tr></w:tbl>${p('完')}</w:body></w:document>`;
  const buffer = zipStored([['word/document.xml', xml]]);
  await page.setInputFiles('#file-input', { name: 'merged.docx', mimeType: DOCX_TYPE, buffer });
  await page.waitForFunction(() => document.querySelector('#report-input').value.includes('完'));
  assert.equal(await page.inputValue('#report-input'),
    // Normalised as pasted text is: full-width digits and stops to ASCII.
    '标题\n（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律行政法规禁止公开\t1\n完\n');
  await context.close();
});

test('a broken PDF, an old .doc and a broken .docx get plain advice; the text stays', async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.server.url);
  await page.fill('#report-input', '已有的文字');
  const files = [
    ['年报.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), /年报\.pdf.*读不出来.*PDF 阅读器打开它，全选复制/],
    ['年报.doc', 'application/msword', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /年报\.doc.*旧版 \.doc.*另存为 \.docx/],
    ['坏.docx', DOCX_TYPE, Buffer.from('PK\x03\x04 not a zip at all'), /坏\.docx.*损坏/],
  ];
  for (const [name, mimeType, buffer, says] of files) {
    await page.setInputFiles('#file-input', { name, mimeType, buffer });
    await page.waitForFunction((n) => document.querySelector('.notice[role="alert"]')?.textContent.includes(n), name);
    assert.match(await page.textContent('.notice[role="alert"]'), says);
    assert.equal(await page.inputValue('#report-input'), '已有的文字', 'nothing is lost');
  }
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'pdf-advice.png') });
  }
  await context.close();
});
