// 年报校验 for host pages: `import { check, checkHtml, mount } from '…/nianbao.js'`, or the element
// <nianbao-checker [compact] [value="…"]>. Written by www/hooks/post_build.py, which puts in this
// build's file names. The wasm is embedded in a script file, so nothing is fetched but scripts
// and one stylesheet of this folder; the report text never leaves the page.

/** What a portal's developer needs when this module's own files cannot be loaded. */
function warnCannotLoad(what, error) {
  console.warn(`年报校验 nianbao.js：无法加载${what}（${error?.message ?? error}）。`
    + '从另一个网站加载时，nianbao.js 所在目录的全部文件都要带 CORS 响应头 '
    + '`Access-Control-Allow-Origin`（可以是门户的源），门户的 CSP 也要允许这个目录（script-src、style-src）。');
}

// Imported here, not statically, so that a failure says what to do (see warnCannotLoad).
let wasmModule, bindings;
try {
  [{ wasmModule }, bindings] = await Promise.all([import('./__WASM_JS__'), import('./__BINDINGS_JS__')]);
  await bindings.default({ module_or_path: await wasmModule });
} catch (error) {
  warnCannotLoad(' wasm 与它的 JS 文件', error);
  throw error;
}

export const { check, checkHtml, mount } = bindings;

// .docx files opened in <nianbao-checker>: read by their own wasm (src/docx_reader), loaded
// from this folder only when the first one is opened (src/web/docx.rs).
window.NIANBAO_DOCX ??= (bytes) => import('./__DOCX_READER__').then(async (reader) => {
  await reader.ready;
  return reader.openDocx(bytes);
});

// The app's styles for a shadow root, with :host reset against the page's own CSS.
const styles = new URL('./__ELEMENT_CSS__', import.meta.url).href;
// The app's width queries, in px: below each, .nianbao-root gets the class below-<px>.
const BREAKPOINTS = __BREAKPOINTS__;

/** <nianbao-checker>: an independent checker in a shadow root; fires `nianbao-result`. */
class NianbaoChecker extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return; // moved in the page: keep what is there
    const root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = styles;
    const container = document.createElement('div');
    container.className = 'nianbao-root';
    // Unstyled for a moment would look broken: show the checker once its styles are there.
    container.hidden = true;
    const show = () => { container.hidden = false; };
    link.addEventListener('load', show);
    link.addEventListener('error', () => {
      warnCannotLoad(`样式表 ${styles}`, 'error');
      show();
    });
    root.append(link, container);
    // Laid out by its own width, not the window's (a portal's column is narrower).
    new ResizeObserver(([entry]) => {
      for (const px of BREAKPOINTS) container.classList.toggle(`below-${px}`, entry.contentRect.width <= px);
    }).observe(container);
    mount(
      container,
      { compact: this.hasAttribute('compact'), value: this.getAttribute('value') ?? '' },
      (summary) => this.dispatchEvent(new CustomEvent('nianbao-result', { detail: summary, bubbles: true, composed: true })),
    );
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);
