// 年报校验 for host pages: `import { check, checkHtml, mount } from '…/nianbao.js'`, or the element
// <nianbao-checker [compact] [value="…"]>. Written by www/hooks/post_build.py, which puts in this
// build's file names. The wasm is embedded in a script file, so nothing is fetched but scripts
// and one stylesheet of this folder; the report text never leaves the page.
import { wasmBytes } from './__WASM_JS__';
import init, { check, checkHtml, mount } from './__BINDINGS_JS__';

await init({ module_or_path: wasmBytes });

export { check, checkHtml, mount };

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
    link.addEventListener('error', show);
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
