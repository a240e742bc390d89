// 年报校验's checking worker (a module worker; see src/web/worker.rs). Two kinds of message:
// - {serial, text, grids?, previous}: check (grids: the cell grids of pasted tables; previous:
//   last year's report, '' for none); answers {serial, report} or {serial, error} (also when
//   the wasm did not start). Only the newest text waiting is checked: a text replaced while an
//   older one was being checked is skipped.
// - {serial, open: {name, bytes}}: open a .docx off the page's thread; answers {serial,
//   document} or {serial, reason} (why the file cannot be read, in Chinese) or {serial, error}.
// - {serial, api: {text, options}}: the JS API's check (the iframe widget's nianbao:check);
//   answers {serial, result} (what window.nianbao.check returns) or {serial, error}.
// Every file and API request sent is answered, in order.
// Written by www/hooks/post_build.py, which puts in this build's file names.
import { wasmBytes } from './__WASM_JS__';
import init, { check, check_in_worker, open_in_worker } from './__BINDINGS_JS__';

// null once the wasm runs; else why it cannot (then every message gets {serial, error}, and
// the page does the work on its own thread: a rejected promise here would leave it waiting).
const failed = init({ module_or_path: wasmBytes }).then(() => null, (error) => String(error?.message ?? error));
let waiting = null;
const jobs = [];
let busy = false;

self.onmessage = (event) => {
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
    self.postMessage(why !== null ? { serial: message.serial, error: `the checker did not start: ${why}` } : answer(message));
    // Let newer messages in between two pieces of work.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  busy = false;
}

function answer({ serial, text, grids, previous, open, api }) {
  try {
    if (api) return { serial, result: check(api.text, api.options) };
    if (open) {
      const opened = open_in_worker(open.name, open.bytes);
      return typeof opened === 'string' ? { serial, reason: opened } : { serial, document: opened };
    }
    return { serial, report: check_in_worker(text, grids, previous ?? '') };
  } catch (error) {
    return { serial, error: String(error) };
  }
}
