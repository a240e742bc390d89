// 年报校验's checking worker (a module worker; see src/web/worker.rs). Its messages:
// - {module}, always first: the page's compiled wasm (src/web/worker.rs), not compiled again here.
// - {serial, text, grids?, previous}: check (grids: the cell grids of pasted tables, as bytes;
//   previous: last year's report, '' for none); answers {serial, report} (bytes,
//   src/core/model/wire.rs) or {serial, error} (also when the wasm did not start). Only the
//   newest text waiting is checked: a text replaced while an older one was being checked is
//   skipped.
// - {serial, open: {name, bytes}}: open a .docx off the page's thread; answers {serial,
//   document} (bytes) or {serial, reason} (why the file cannot be read, in Chinese) or
//   {serial, error}.
// - {serial, api: {text, options}}: the JS API's check (the iframe widget's nianbao:check);
//   answers {serial, result} (what window.nianbao.check returns) or {serial, error}.
// Every file and API request sent is answered, in order.
// Written by www/hooks/post_build.py, which puts in this build's file names.
import init, { check, check_in_worker } from './__BINDINGS_JS__';

// .docx files are read by their own wasm (src/docx_reader), imported with the first one.
const DOCX_READER = './__DOCX_READER__';

// null once the wasm runs; else why it cannot (then every message gets {serial, error}, and
// the page does the work on its own thread: a rejected promise here would leave it waiting).
let started;
const failed = new Promise((resolve) => { started = resolve; });
let waiting = null;
const jobs = [];
let busy = false;

self.onmessage = (event) => {
  if (event.data?.module) {
    init({ module_or_path: event.data.module }).then(() => started(null), (error) => started(String(error?.message ?? error)));
    return;
  }
  if (event.data?.open || event.data?.api) jobs.push(event.data);
  else waiting = event.data;
  if (!busy) {
    busy = true;
    setTimeout(run, 0);
  }
};

async function run() {
  const why = await failed;
  while (jobs.length > 0 || waiting !== null) {
    const message = jobs.length > 0 ? jobs.shift() : waiting;
    if (message === waiting) waiting = null;
    self.postMessage(why !== null ? { serial: message.serial, error: `the checker did not start: ${why}` } : await answer(message));
    // Let newer messages in between two pieces of work.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  busy = false;
}

async function answer({ serial, text, grids, previous, open, api }) {
  try {
    if (api) return { serial, result: check(api.text, api.options) };
    if (open) return await opened(serial, open.bytes);
    return { serial, report: check_in_worker(text, grids, previous ?? '') };
  } catch (error) {
    return { serial, error: String(error) };
  }
}

/** A .docx's document (its src/core/model/wire.rs bytes) or why it cannot be read. */
async function opened(serial, bytes) {
  const reader = await import(DOCX_READER);
  await reader.ready;
  try {
    return { serial, document: reader.openDocx(bytes) };
  } catch (reason) {
    return typeof reason === 'string' ? { serial, reason } : { serial, error: String(reason) };
  }
}
