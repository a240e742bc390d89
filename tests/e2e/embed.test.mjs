// Embedding and offline (README, 嵌入与离线), in Chromium against dist/:
// the app keeps working offline after its first visit (service worker); the one-file copy works
// from file:// with no network at all; nianbao.js gives host pages the CLI's very object, and
// <nianbao-checker> keeps its look under hostile page CSS, one instance independent of another;
// embed.html answers its parent only on an allowed origin; the demo page shows all three ways
// under its own strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, fixtures, cliReport, openApp, enter, dist, root, fixturesDir } from './harness.mjs';

let server, browser, all;
before(async () => {
  server = await serve();
  browser = await launch();
  all = await fixtures();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origin = (url) => new URL(url).origin;
const withoutFile = ({ file, ...report }) => report;
const summaryOf = (page, scope = '') =>
  page.$eval(`${scope} #summary`, (el) => ({ errors: Number(el.dataset.errors), warnings: Number(el.dataset.warnings),
    infos: Number(el.dataset.infos), template: el.dataset.template }));
const expectedSummary = (cli) => ({ ...cli.summary, template: cli.template ?? '' });
const rules = (report) => [...new Set(report.findings.map((f) => f.rule))].sort();

/** A page of the test's own at `url` on the app's origin (so it may import ./nianbao.js). */
async function hostPage(context, name, html) {
  const url = `${server.url}${name}`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  return { page, url };
}

/** The page's iframe whose address matches. */
const child = (page, pattern) => page.frames().find((f) => f.parentFrame() && pattern.test(f.url()));

/** Console errors and CSP violations of a page. */
function problems(page) {
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) seen.push(m.text()); });
  page.on('pageerror', (e) => seen.push(String(e)));
  return seen;
}

test('offline after the first visit: the service worker serves the app, which checks as online', async () => {
  const context = await browser.newContext();
  // A cache of an older build and one of another app of the origin, made before the first visit.
  const before = await context.newPage();
  await before.goto(`${server.url}icon.svg`);
  await before.evaluate(() => Promise.all([caches.open('nianbao-0000000000000000'), caches.open('other-app')]));
  await before.close();

  const page = await openApp(context, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  const { cacheNames, cached } = await page.evaluate(async () => {
    const names = await caches.keys();
    const mine = names.find((n) => n.startsWith('nianbao-') && n !== 'nianbao-0000000000000000');
    const keys = mine ? await (await caches.open(mine)).keys() : [];
    return { cacheNames: names, cached: keys.map((r) => new URL(r.url).pathname.slice(1)).sort() };
  });
  // The precache list is this build's files: all of dist/ but sw.js and the one-file copy.
  const files = (await readdir(dist)).filter((n) => n !== 'sw.js' && n !== 'nianbao-offline.html').sort();
  assert.deepEqual(cached, files);
  assert.ok(files.includes('index.html') && files.includes('embed.html') && files.includes('nianbao.js')
    && files.includes('manifest.webmanifest') && files.includes('icon.svg') && files.includes('nianbao.d.ts'), `${files}`);
  // Trunk prints the 64-bit hash without leading zeros: 16 hex digits or fewer.
  assert.ok(files.some((n) => /^wasm-[0-9a-f]{1,16}\.js$/.test(n)) && files.some((n) => /^style-[0-9a-f]{1,16}\.css$/.test(n)), `${files}`);
  // The older build's cache is gone; another app's is not touched.
  assert.equal(cacheNames.length, 2, `${cacheNames}`);
  assert.ok(cacheNames.includes('other-app'));
  const [online] = all.filter((f) => f.name.startsWith('003_'));
  await enter(page, online.text);
  const shownOnline = await summaryOf(page);
  assert.deepEqual(shownOnline, expectedSummary(cliReport(online.name)));

  // The server is still there, but the browser is offline: everything comes from the cache.
  // The reload comes at once: the text just checked is kept when the page is left (the save
  // once typing paused, alone, lost it when the reload came first: a flake under load).
  await context.setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForSelector('#report-input');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
  assert.deepEqual(await summaryOf(page), shownOnline, 'the kept text, checked offline');
  for (const { name, text } of all) {
    const cli = cliReport(name);
    await enter(page, text);
    assert.deepEqual(await summaryOf(page), expectedSummary(cli), `${name} offline`);
    assert.deepEqual(await page.$$eval('.finding', (els) => [...new Set(els.map((e) => e.dataset.rule))].sort()), rules(cli), name);
  }
  // Pages are found whatever their query string, and a folder is its index.html.
  const embed = await page.goto(`${server.url}embed.html?origins=${encodeURIComponent('https://portal.example')}`);
  assert.ok(embed.fromServiceWorker());
  await page.waitForSelector('#report-input');
  assert.equal(await page.$eval('body', (b) => b.dataset.nianbao), 'embed');
  await page.goto(`${server.url}?utm=x`);
  await page.waitForSelector('#report-input');
  assert.equal(await page.$eval('body', (b) => b.dataset.nianbao), 'app');
  // Truly offline: nothing outside the cache is there.
  assert.equal(await page.evaluate(async (u) => (await caches.match(u)) === undefined, `${server.url}nianbao-offline.html`), true);
  await context.close();
});

test('the one-file copy works from file:// with every network request blocked', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'nianbao-offline-'));
  const copy = path.join(folder, '年报校验-离线版.html');
  await copyFile(path.join(dist, 'nianbao-offline.html'), copy);
  const context = await browser.newContext();
  const attempted = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  context.on('request', (r) => { if (!/^(file|data):/.test(r.url())) attempted.push(r.url()); });
  const page = await context.newPage();
  const seen = problems(page);
  await page.goto(pathToFileURL(copy).href);
  await page.waitForSelector('#report-input');
  assert.equal(await page.$eval('body', (b) => b.dataset.nianbao), 'app');
  // One script runs; the sample and the rules' help are data (type text/plain).
  assert.equal(await page.$$eval('script:not([type="text/plain"])', (s) => s.length), 1, 'one inline script');
  assert.deepEqual(await page.$$eval('script[type="text/plain"]', (s) => s.map((e) => e.id)), ['nianbao-sample', 'nianbao-rule-help']);
  assert.equal(await page.$$eval('script[src], link[rel="stylesheet"], link[rel="manifest"]', (s) => s.length), 0);
  for (const { name, text } of all) {
    const cli = cliReport(name);
    await enter(page, text);
    assert.deepEqual(await summaryOf(page), expectedSummary(cli), name);
    assert.deepEqual(await page.$$eval('.finding', (els) => [...new Set(els.map((e) => e.dataset.rule))].sort()), rules(cli), name);
    assert.deepEqual(await page.evaluate((t) => window.nianbao.check(t), text), withoutFile(cli), `${name}: check`);
  }
  // A .docx is read by the reader's wasm inside the file (there is no worker here), as the CLI
  // reads it.
  const docx = path.join(root, 'tests/data/libreoffice.docx');
  await page.setInputFiles('#file-input', {
    name: '年报.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await readFile(docx),
  });
  await page.waitForFunction(() => /^平潭综合实验区/.test(document.querySelector('#report-input')?.value ?? ''));
  await page.waitForFunction(() => document.querySelector('#summary')?.dataset.template === '2021');
  assert.deepEqual(await summaryOf(page), expectedSummary(cliReport(path.relative(fixturesDir, docx))), '.docx');
  // No offer to download what one already has, no service worker from a file.
  assert.equal(await page.$$eval('a[href$="nianbao-offline.html"]', (a) => a.filter((e) => e.offsetParent).length), 0);
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
  assert.deepEqual(attempted, [], 'no network request at all');
  assert.deepEqual(seen, []);
  await context.close();
  await rm(folder, { recursive: true });
});

test('check() imported from nianbao.js on a host page gives the CLI object for every fixture', async () => {
  const context = await browser.newContext();
  const { page, url } = await hostPage(context, 'host-api.html', `<!DOCTYPE html><meta charset="utf-8">
    <title>host</title><p id="host">门户页面</p>
    <script type="module">import { check, mount } from './nianbao.js';
      Object.assign(window, { hostCheck: check, hostMount: mount, imported: true });</script>`);
  const seen = problems(page);
  await page.goto(url);
  await page.waitForFunction(() => window.imported === true);
  for (const { name, text } of all) {
    const api = await page.evaluate((t) => window.hostCheck(t), text);
    assert.deepEqual(api, withoutFile(cliReport(name)), name);
  }
  // Options as the CLI takes them; a wrong one is a clear error, not a wrong result.
  const [first] = all;
  assert.equal((await page.evaluate((t) => window.hostCheck(t, { year: 2030 }), first.text)).report_year, 2030);
  assert.match(await page.evaluate((t) => { try { window.hostCheck(t, { kind: 'x' }); return ''; } catch (e) { return String(e); } }, first.text), /kind/);
  // A host page gets the API, and no app of its own.
  assert.equal(await page.evaluate(() => typeof window.nianbao?.check), 'function');
  assert.equal(await page.$$eval('#report-input, .app', (e) => e.length), 0);
  assert.deepEqual(await page.$$eval('body > *', (els) => els.map((e) => e.tagName)), ['P', 'SCRIPT']);
  assert.deepEqual(seen, []);
  await context.close();
});

const HOSTILE = `
  * { display: inline !important; color: red !important; font-size: 40px !important; line-height: 0.6 !important;
      font-family: serif !important; margin: 0 !important; padding: 0 !important; letter-spacing: 4px !important;
      width: auto !important; height: auto !important; float: left !important; visibility: visible !important; }
  table, td, th, tr { border: 0 !important; display: inline !important; }
  html { font-size: 10px !important; }
  div, p, li, ul, section, textarea { position: static !important; max-width: 20px !important; }
  nianbao-checker { all: unset !important; background: yellow !important; text-align: right !important; }`;

test('<nianbao-checker> keeps its tables and findings under hostile CSS; two are independent', async () => {
  const context = await browser.newContext();
  // The host page's own strict policy: no inline script or style but what it lists.
  const { page, url } = await hostPage(context, 'host-component.html', `<!DOCTYPE html><html><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-HOSTILE'; connect-src 'none'">
    <title>host</title><style>${HOSTILE}</style>
    <script type="module" src="./nianbao.js"></script></head>
    <body><h1>门户</h1><main id="slot"></main></body></html>`.replace("'sha256-HOSTILE'", `'${cspHash(HOSTILE)}'`));
  const seen = problems(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('nianbao-checker') !== undefined);
  const a = all.find((f) => f.name.startsWith('003_'));
  const b = all.find((f) => f.name.startsWith('淮安'));
  await page.evaluate(([ta, tb]) => {
    window.results = [];
    document.addEventListener('nianbao-result', (e) => window.results.push({ id: e.target.id, detail: e.detail }));
    for (const [id, text] of [['a', ta], ['b', tb]]) {
      const el = document.createElement('nianbao-checker');
      el.id = id;
      el.setAttribute('value', text);
      document.getElementById('slot').append(el);
    }
  }, [a.text, b.text]);
  await page.waitForFunction(() => ['a', 'b'].every((id) => window.results.some((r) => r.id === id)));
  await page.waitForFunction(() => [...document.querySelectorAll('nianbao-checker')]
    .every((el) => !el.shadowRoot.querySelector('.nianbao-root').hidden));
  const cliA = cliReport(a.name);
  const cliB = cliReport(b.name);
  const detail = (cli) => ({ ...cli.summary, template: cli.template, report_year: cli.report_year, agency: cli.agency, verdict: cli.verdict });
  // Each reports its own counts (once per check it makes), on its own element.
  const reported = async () => {
    const byId = {};
    for (const { id, detail: d } of await page.evaluate(() => window.results)) (byId[id] ??= []).push(d);
    return byId;
  };
  const first = await reported();
  assert.deepEqual(Object.keys(first).sort(), ['a', 'b']);
  first.a.forEach((d) => assert.deepEqual(d, detail(cliA)));
  first.b.forEach((d) => assert.deepEqual(d, detail(cliB)));
  assert.deepEqual(await summaryOf(page, '#a'), expectedSummary(cliA));
  assert.deepEqual(await summaryOf(page, '#b'), expectedSummary(cliB));

  for (const [id, cli] of [['a', cliA], ['b', cliB]]) {
    const layout = await page.$eval(`#${id}`, (host) => {
      const root = host.shadowRoot;
      const cells = [...root.querySelectorAll('td.cell[data-table="requests"]')];
      const rows = [...root.querySelectorAll('table.form tr')].filter((tr) => tr.querySelector('td.cell[data-table="requests"]'));
      const style = getComputedStyle(cells[0]);
      const host_ = getComputedStyle(host);
      return {
        cells: cells.length,
        empty: cells.filter((td) => { const r = td.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length,
        display: style.display, color: style.color, fontSize: parseFloat(style.fontSize), border: style.borderTopWidth,
        rowTops: new Set(rows.map((tr) => Math.round(tr.getBoundingClientRect().top))).size, rows: rows.length,
        findings: [...root.querySelectorAll('.finding')].map((f) => ({ rule: f.dataset.rule, severity: f.dataset.severity,
          height: f.getBoundingClientRect().height, display: getComputedStyle(f).display })),
        hostDisplay: host_.display, hostWidth: host.getBoundingClientRect().width,
        textarea: getComputedStyle(root.querySelector('#report-input')).display,
      };
    });
    const cells = Object.values(cli.tables.requests).reduce((n, row) => n + Object.keys(row).length, 0);
    assert.equal(layout.cells, cells, `${id}: every cell of 表三`);
    assert.equal(layout.empty, 0, `${id}: cells have a size`);
    assert.equal(layout.display, 'table-cell');
    assert.notEqual(layout.color, 'rgb(255, 0, 0)');
    assert.ok(layout.fontSize > 10 && layout.fontSize < 20, `${id}: font size ${layout.fontSize}`);
    assert.equal(layout.border, '1px');
    assert.equal(layout.rowTops, layout.rows, `${id}: each row on its own line`);
    assert.equal(layout.hostDisplay, 'block');
    assert.ok(layout.hostWidth > 600, `${id}: width ${layout.hostWidth}`);
    assert.deepEqual(layout.findings.map(({ rule, severity }) => ({ rule, severity })),
      cli.findings.map(({ rule, severity }) => ({ rule, severity })), `${id}: findings`);
    assert.ok(layout.findings.every((f) => f.height > 0 && f.display !== 'inline'), JSON.stringify(layout.findings));
  }

  // Typing in one changes that one only, and only it reports.
  const c = all.find((f) => f.name.startsWith('004_'));
  const cliC = cliReport(c.name);
  await page.waitForTimeout(500);
  const settled = await reported();
  await page.locator('#b').locator('#report-input').fill(c.text);
  await page.waitForFunction((n) => window.results.filter((r) => r.id === 'b').length > n, settled.b.length);
  await page.waitForTimeout(500);
  const after = await reported();
  assert.equal(after.a.length, settled.a.length, 'a says nothing when b changes');
  after.b.slice(settled.b.length).forEach((d) => assert.deepEqual(d, detail(cliC)));
  assert.deepEqual(await summaryOf(page, '#b'), expectedSummary(cliC));
  assert.deepEqual(await summaryOf(page, '#a'), expectedSummary(cliA));
  // compact: summary and findings, no tables.
  await page.evaluate((t) => {
    const el = document.createElement('nianbao-checker');
    el.id = 'small';
    el.setAttribute('compact', '');
    el.setAttribute('value', t);
    document.getElementById('slot').append(el);
  }, a.text);
  await page.waitForFunction(() => window.results.some((r) => r.id === 'small'));
  assert.deepEqual(await summaryOf(page, '#small'), expectedSummary(cliA));
  assert.equal(await page.$$eval('#small td.cell', (e) => e.length), 0);
  assert.equal(await page.$$eval('#small .finding', (e) => e.length), cliA.findings.length);
  // Nothing is stored by a host page's checkers.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(seen, []);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'hostile.png'), fullPage: true, clip: { x: 0, y: 0, width: 1400, height: 1800 } });
  await context.close();
});

test('embed.html answers its parent on an allowed origin, and nobody else', async () => {
  // The host pages are on a second origin: another port.
  const folder = await mkdtemp(path.join(tmpdir(), 'nianbao-host-'));
  await writeFile(path.join(folder, 'host.html'), `<!DOCTYPE html><meta charset="utf-8"><title>portal</title>
    <script src="host.js"></script>`);
  await writeFile(path.join(folder, 'host.js'), `
    window.messages = [];
    addEventListener('message', (e) => {
      if (e.source === document.getElementById('frame')?.contentWindow) messages.push({ origin: e.origin, data: e.data });
    });
    addEventListener('DOMContentLoaded', () => {
      const params = new URLSearchParams(location.search);
      const frame = document.createElement('iframe');
      frame.id = 'frame';
      frame.src = params.get('frame');
      frame.style.width = '900px';
      // Sent as soon as the frame's document has loaded: the bridge queues it until the checker starts.
      frame.addEventListener('load', () => {
        if (params.has('send')) frame.contentWindow.postMessage({ type: 'nianbao:check', text: window.sampleText, id: 7 }, new URL(frame.src).origin);
      }, { once: true });
      document.body.append(frame);
      if (params.has('sibling')) {
        const sibling = document.createElement('iframe');
        sibling.src = 'sibling.html';
        document.body.append(sibling);
      }
    });`);
  // On the allowed origin but not the parent: ignored.
  await writeFile(path.join(folder, 'sibling.html'), '<!DOCTYPE html><script src="sibling.js"></script>');
  await writeFile(path.join(folder, 'sibling.js'), `
    window.answers = [];
    addEventListener('message', (e) => answers.push(e.data));
    window.tell = (text, target) => parent.frames[0].postMessage({ type: 'nianbao:check', text }, target);`);
  const portal = await serve(folder);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sample = all.find((f) => f.name.startsWith('003_'));
    await page.addInitScript((text) => { window.sampleText = text; }, sample.text);
    // In every frame: the longest value ever written into a text area.
    await page.addInitScript(() => {
      const value = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
      Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
        ...value,
        set(text) {
          window.longestValueSet = Math.max(window.longestValueSet ?? 0, String(text).length);
          value.set.call(this, text);
        },
      });
    });
    // In every frame: how many API checks were sent to a worker (issue 16: not on the page).
    await page.addInitScript(() => {
      window.apiChecksInWorker = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        if (message?.api) window.apiChecksInWorker += 1;
        return post.call(this, message, ...rest);
      };
    });
    const cli = cliReport(sample.name);
    const embedUrl = (origins) => `${server.url}embed.html?origins=${encodeURIComponent(origins)}`;
    const hostUrl = (frame, extra = {}) => `${portal.url}host.html?${new URLSearchParams({ frame, ...extra })}`;
    assert.notEqual(origin(portal.url), origin(server.url));

    // Allowed: the portal's origin is listed (with another one).
    await page.goto(hostUrl(embedUrl(`https://other.example,${origin(portal.url)}`), { send: '1', sibling: '1' }));
    await page.waitForFunction(() => messages.some((m) => m.data.type === 'nianbao:result'), null, { timeout: 20000 });
    const result = (await page.evaluate(() => messages)).find((m) => m.data.type === 'nianbao:result');
    assert.equal(result.origin, origin(server.url));
    assert.equal(result.data.id, 7);
    assert.deepEqual(result.data.result, withoutFile(cli));
    await page.waitForFunction(() => messages.some((m) => m.data.type === 'nianbao:resize'));
    const resize = (await page.evaluate(() => messages)).filter((m) => m.data.type === 'nianbao:resize').at(-1);
    assert.ok(Number.isInteger(resize.data.height) && resize.data.height > 300, JSON.stringify(resize));
    // The widget shows what it was sent.
    const frame = child(page, /embed\.html/);
    await frame.waitForFunction((n) => document.querySelector('#summary')?.dataset.errors === String(n), cli.summary.errors);
    assert.equal(await frame.inputValue('#report-input'), sample.text);
    // A sibling frame of the same origin is not the parent: no answer, nothing shown.
    const sibling = child(page, /sibling\.html/);
    await sibling.waitForFunction(() => typeof window.tell === 'function');
    await sibling.evaluate((target) => window.tell('一、总体情况', target), origin(server.url));
    await page.waitForTimeout(1000);
    assert.deepEqual(await sibling.evaluate(() => window.answers), []);
    assert.equal(await frame.inputValue('#report-input'), sample.text);
    // A malformed message from the parent is ignored as well.
    const before = await page.evaluate(() => messages.length);
    await page.evaluate((o) => document.getElementById('frame').contentWindow.postMessage({ type: 'nianbao:check', text: 42 }, o), origin(server.url));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => messages.length), before);
    // A long text (600 KB) is checked whole but never written into the text area: the app
    // takes it as a paste and shows only its start (laying out megabytes freezes the page).
    const long = sample.text.repeat(Math.ceil(600_000 / Buffer.byteLength(sample.text)));
    await page.evaluate(([o, text]) => document.getElementById('frame').contentWindow.postMessage({ type: 'nianbao:check', text, id: 8 }, o), [origin(server.url), long]);
    await page.waitForFunction(() => messages.some((m) => m.data.id === 8), null, { timeout: 20000 });
    const longResult = (await page.evaluate(() => messages)).find((m) => m.data.id === 8);
    assert.equal(longResult.data.type, 'nianbao:result');
    await frame.waitForSelector('#long-text-note');
    await frame.waitForFunction((n) => document.querySelector('#summary')?.dataset.errors === String(n), longResult.data.result.summary.errors);
    assert.ok(await frame.$eval('#report-input', (area) => area.readOnly));
    assert.ok(long.startsWith(await frame.inputValue('#report-input')));
    const longest = await frame.evaluate(() => window.longestValueSet);
    assert.ok(longest < long.length / 10, `the text area was given ${longest} characters`);
    assert.equal(await frame.evaluate(() => window.apiChecksInWorker), 2, 'both checks ran in the worker');

    // Not allowed: the list names someone else. The frame works, but says nothing to this page.
    await page.goto(hostUrl(embedUrl(origin(server.url)), { send: '1' }));
    const quiet = child(page, /embed\.html/);
    await quiet.waitForFunction(() => typeof window.nianbao?.check === 'function' && document.querySelector('#report-input'));
    await page.evaluate((o) => document.getElementById('frame').contentWindow.postMessage({ type: 'nianbao:check', text: 'x' }, o), origin(server.url));
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => messages), [], 'no message at all');
    assert.equal(await quiet.inputValue('#report-input'), '');
    // No list at all: the same.
    await page.goto(hostUrl(`${server.url}embed.html`, { send: '1' }));
    await child(page, /embed\.html/).waitForSelector('#report-input');
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => messages), []);
    await context.close();
  } finally {
    await portal.close();
    await rm(folder, { recursive: true });
  }
});

test('demo.html shows the three ways under its own strict CSP', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = problems(page);
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`${server.url}demo.html`);
  await page.waitForFunction(() => customElements.get('nianbao-checker') !== undefined);
  const sample = all.find((f) => f.name.startsWith('003_'));
  const cli = cliReport(sample.name);
  const counts = `${cli.summary.errors} 个错误，${cli.summary.warnings} 个警告，${cli.summary.infos} 个提示`;
  await page.click('#component-sample');
  await page.waitForFunction((c) => document.getElementById('component-status').textContent.includes(c), counts);
  assert.deepEqual(await summaryOf(page, '#component'), expectedSummary(cli));
  // The element is laid out by its own width (a column of the portal), not the window's.
  const columns = await page.$eval('#component', (el) => ({ width: el.getBoundingClientRect().width,
    tracks: getComputedStyle(el.shadowRoot.querySelector('.results')).gridTemplateColumns.split(' ').length }));
  assert.ok(columns.width < 960 && columns.tracks === 1, JSON.stringify(columns));
  await child(page, /embed\.html/).waitForSelector('#report-input');
  await page.click('#iframe-sample');
  await page.waitForFunction((c) => document.getElementById('iframe-status').textContent.includes(c), counts);
  await page.waitForFunction(() => parseInt(document.getElementById('widget').style.height, 10) > 400);
  await page.click('#api-sample');
  assert.equal(await page.$$eval('#api-result li', (e) => e.length), cli.findings.length);
  assert.match(await page.textContent('#api-result .verdict'), new RegExp(counts));
  assert.ok(await page.$eval('#side-checker', (el) => el.shadowRoot.querySelector('#report-input') !== null));
  assert.deepEqual(seen, []);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'demo.png'), fullPage: true });
  await context.close();
});

function cspHash(text) {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
