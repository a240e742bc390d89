// 年报校验's checking worker (a module worker; see src/web/worker.rs): the page sends
// {serial, text, grids?, previous} (grids: the cell grids of pasted tables; previous: last year's report, '' for none), this answers {serial, report}, or {serial, error} (also when the wasm did not start). Only the newest text waiting
// is checked: a text replaced while an older one was being checked is skipped. Written by
// www/hooks/post_build.py, which puts in this build's file names.
import { wasmBytes } from './__WASM_JS__';
import init, { check_in_worker } from './__BINDINGS_JS__';

// null once the wasm runs; else why it cannot (then every text gets {serial, error}, and the
// page checks on its own thread: a rejected promise here would leave the page waiting).
const failed = init({ module_or_path: wasmBytes }).then(() => null, (error) => String(error?.message ?? error));
let waiting = null;

self.onmessage = (event) => {
  const idle = waiting === null;
  waiting = event.data;
  if (idle) setTimeout(run, 0);
};

async function run() {
  const why = await failed;
  const { serial, text, grids, previous } = waiting;
  waiting = null;
  let reply;
  if (why !== null) {
    reply = { serial, error: `the checker did not start: ${why}` };
  } else {
    try {
      reply = { serial, report: check_in_worker(text, grids, previous ?? '') };
    } catch (error) {
      reply = { serial, error: String(error) };
    }
  }
  self.postMessage(reply);
}
