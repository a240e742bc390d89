// Shared by the browser tests: serve dist/ on 127.0.0.1, start Debian's chromium, read the
// fixtures and what the CLI says about them.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const fixturesDir = path.resolve(root, '../shared/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 (a free port); resolves to { url, close }. */
export async function serve(dir = dist) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = path.join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** For a test file: `dir` served and a browser launched before its tests, both closed after
 * them; the returned object holds them as `server` and `browser`. */
export function servedApp(dir = dist) {
  const app = {};
  before(async () => {
    app.server = await serve(dir);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** The fixtures as { name, text } (decoded as the CLI would: they are UTF-8). */
export async function fixtures() {
  const names = (await readdir(fixturesDir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(fixturesDir, name), 'utf8') })));
}

/** What `nianbao check --format json` says about a fixture. */
export function cliReport(name) {
  const bin = path.join(root, 'target/release/nianbao');
  let out;
  try {
    out = execFileSync(bin, ['check', '--format', 'json', path.join(fixturesDir, name)]);
  } catch (e) {
    out = e.stdout; // exit code 1: the report has errors
  }
  return JSON.parse(out.toString().split('\n')[0]);
}

/** Opens the app and waits until it has started. */
export async function openApp(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#report-input');
  return page;
}

/** Puts `text` in the paste area as typing would, and waits for the check of that text. */
export async function enter(page, text) {
  await page.fill('#report-input', text);
  await page.click('.input-actions button');
  await page.waitForFunction(() => (document.querySelector('#summary')?.dataset.errors ?? '') !== '');
}
