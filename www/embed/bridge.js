// The iframe widget's side of postMessage (embed.html, copied with a hashed name by
// www/hooks/post_build.py). Only the parent window, and only from an origin listed in the
// page's `origins=` query parameter (comma-separated), is answered:
//   → {type: 'nianbao:check', text, options?, id?}
//   ← {type: 'nianbao:result', result, id?}        result = window.nianbao.check(text, options),
//                                                  run in the checking worker where there is one
//   ← {type: 'nianbao:error', message, id?}        options the checker does not accept
//   ← {type: 'nianbao:ready'}                      once, when the checker has started
//   ← {type: 'nianbao:resize', height}             the page's height in CSS pixels, when it changes
// Anything else is ignored; a page framed without origins=, or a message from an origin not
// listed, gets a console.warn saying what to do. The text is also shown in the widget's own view.
const allowed = new Set(
  (new URLSearchParams(location.search).get('origins') ?? '')
    .split(',')
    .map((entry) => {
      try {
        const origin = new URL(entry.trim()).origin;
        return origin === 'null' ? null : origin;
      } catch {
        return null;
      }
    })
    .filter(Boolean),
);
const parent = window.parent !== window ? window.parent : null;
// Said once to the portal's developer, who would otherwise see nothing happen.
if (parent && allowed.size === 0) {
  console.warn('年报校验 embed.html：地址中没有 origins=（或其中没有有效的源），门户发来的消息都不会回答。'
    + '请这样嵌入：embed.html?origins=https://门户的源（多个用逗号隔开）。');
}
const refused = new Set();

/** To the parent, once per allowed origin: the browser delivers only to the one that matches. */
function tellParent(message) {
  for (const origin of allowed) parent?.postMessage(message, origin);
}

const queue = [];
let running = false;

/** Shows `text` in the widget's paste area, in place of what is there. */
function show(input, text) {
  // First as a paste of all of it: the app takes a long text itself and shows only its start,
  // so the browser never lays out megabytes in the text area. A short one it leaves to us.
  if (!input.readOnly) {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.setSelectionRange(0, input.value.length);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (!input.dispatchEvent(paste)) return;
  }
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function handle(event) {
  const { text, options, id } = event.data;
  show(document.getElementById('report-input'), text);
  checkOffPage(text, options).then((result) => ({ type: 'nianbao:result', result }))
    .catch((error) => ({ type: 'nianbao:error', message: String(error?.message ?? error) }))
    .then((reply) => {
      if (id !== undefined) reply.id = id;
      event.source.postMessage(reply, event.origin);
    });
}

// The checking worker's script (src/web/worker.rs): a large text is checked without freezing
// the widget. Without one (or once it fails), checks run on the page.
let worker = null;
const pending = new Map();
let serial = 0;

function checkOnPage(text, options) {
  return new Promise((resolve) => resolve(window.nianbao.check(text, options)));
}

function checkOffPage(text, options) {
  if (worker === null && typeof window.NIANBAO_WORKER === 'string' && window.NIANBAO_WORKER
      && window.NIANBAO_MODULE instanceof WebAssembly.Module) {
    try {
      worker = new Worker(window.NIANBAO_WORKER, { type: 'module' });
      // The page's compiled wasm: the worker does not compile it again.
      worker.postMessage({ module: window.NIANBAO_MODULE });
      worker.onmessage = ({ data }) => {
        const request = pending.get(data?.serial);
        if (!request) return;
        pending.delete(data.serial);
        if ('result' in data) request.resolve(data.result);
        else if (/did not start/.test(data.error ?? '')) request.resolve(checkOnPage(request.text, request.options));
        else request.reject(new Error(data.error));
      };
      worker.onerror = () => {
        worker = false;
        for (const request of pending.values()) request.resolve(checkOnPage(request.text, request.options));
        pending.clear();
      };
    } catch {
      worker = false;
    }
  }
  if (!worker) return checkOnPage(text, options);
  serial += 1;
  return new Promise((resolve, reject) => {
    pending.set(serial, { resolve, reject, text, options });
    worker.postMessage({ serial, api: { text, options } });
  });
}

function whenStarted() {
  if (running) return;
  // Once the app has rendered its paste area (and its first effects have run: a macrotask later).
  if (typeof window.nianbao?.check !== 'function' || !document.getElementById('report-input')) {
    setTimeout(whenStarted, 20);
    return;
  }
  running = true;
  tellParent({ type: 'nianbao:ready' });
  queue.splice(0).forEach(handle);
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      tellParent({ type: 'nianbao:resize', height });
    }
  }).observe(document.documentElement);
}

window.addEventListener('message', (event) => {
  if (!parent || event.source !== parent) return;
  if (!allowed.has(event.origin)) {
    if (allowed.size > 0 && !refused.has(event.origin)) {
      refused.add(event.origin);
      console.warn(`年报校验 embed.html：${event.origin} 不在地址的 origins= 中，它发来的消息不会回答。`
        + `允许的源：${[...allowed].join(', ')}。`);
    }
    return;
  }
  const data = event.data;
  if (data === null || typeof data !== 'object' || data.type !== 'nianbao:check' || typeof data.text !== 'string') return;
  if (running) handle(event);
  else queue.push(event);
});

// The app starts after this script; its start-up script says when it has.
const started = () => setTimeout(whenStarted, 0);
if (window.wasmBindings) started();
else addEventListener('TrunkApplicationStarted', started, { once: true });
