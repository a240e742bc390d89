#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's page into the app's files (in $TRUNK_STAGING_DIR).

The page's Content-Security-Policy allows no network connection (`connect-src 'none'`) and no
inline script, so:
  - the wasm is embedded (base64) in a script file of the app's own folder instead of fetched;
  - Trunk's inline start-up script is moved into its own file, which instantiates that wasm and,
    over http(s), registers the service worker;
  - the wasm preload link (a fetch) is dropped.
Then it writes what README's 嵌入与离线 describes:
  - pdfjs-<hash>.js, pdfjs-worker-<hash>.js, pdf-cmaps-<hash>.js (pdf.js, vendored from
    www/pdf/node_modules), pdf-layout-<hash>.js (the second wasm, src/pdf_layout, embedded) and
    pdf-reader-<hash>.js (www/pdf/reader.js): PDFs read in the page, imported only when one is
    opened (window.NIANBAO_PDF); the one-file copy has no PDF reader;
  - worker-<hash>.js (www/worker/worker.js): checking in a Web Worker, whose URL the start-up
    script gives the app (window.NIANBAO_WORKER); the one-file copy and nianbao.js check on the
    page;
  - embed.html and its postMessage bridge (www/embed/bridge.js): the iframe widget;
  - nianbao.js (www/embed/loader.js): the ES module for host pages, with <nianbao-checker>,
    whose shadow root uses element-<hash>.css (www/embed/element.css + style.css adapted);
  - demo.html and its files (www/demo/): a pretend portal page showing the three ways;
  - nianbao-offline.html: everything in one file, for file:// and no network;
  - in every page: the sample report (www/sample.txt) and the rules' help (www/rule-help.txt),
    which the app reads from the page (src/web/page_data.rs), not from the wasm;
  - manifest.webmanifest and sw.js: offline after the first visit. sw.js precaches this build's
    files (all but itself and the one-file copy) in a cache named after their hash."""
import base64
import hashlib
import json
import os
import re
import shutil
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook")
WWW = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Trunk prints its 64-bit hashes without leading zeros: up to 16 hex digits.
HASHED = re.compile(r"-[0-9a-f]{1,16}\.[a-z]+$")


def fail(message):
    sys.exit("post_build: " + message)


def digest(data):
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode()).hexdigest()[:16]


def hashed(stem, text, ext="js"):
    return "%s-%s.%s" % (stem, digest(text), ext)


def write_hashed(stem, text, ext="js"):
    """Writes `text` under its hashed name, which it returns."""
    name = hashed(stem, text, ext)
    write(name, text)
    return name


def without_source_map(text):
    """A script without its source-map comment (maps are not copied)."""
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)


def source(*parts):
    with open(os.path.join(WWW, *parts), encoding="utf-8") as f:
        return f.read()


def read(name):
    with open(os.path.join(staging, name), encoding="utf-8") as f:
        return f.read()


def write(name, text):
    with open(os.path.join(staging, name), "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def fill(template, **values):
    """Replaces each __NAME__ of a template; every one must be there."""
    for key, value in values.items():
        mark = "__%s__" % key
        if mark not in template:
            fail("no %s in a template" % mark)
        template = template.replace(mark, value)
    return template


def sub_once(pattern, replacement, text, what, flags=0):
    text, count = re.subn(pattern, replacement, text, flags=flags)
    if count != 1:
        fail("expected one %s, found %d" % (what, count))
    return text


def csp_hash(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --- The wasm, embedded in a script of the app's folder -------------------------------------
# Two wasm files: the app's, and the PDF layout's (src/pdf_layout, Trunk's "worker" kind: its
# glue is an ES module, nianbao-pdf-layout.js), which only the PDF reader imports.
PDF_LAYOUT = "nianbao-pdf-layout"
wasm_names = sorted(n for n in os.listdir(staging) if n.endswith("_bg.wasm"))
layout_wasm_names = [n for n in wasm_names if n.startswith(PDF_LAYOUT + "_bg")]
wasm_names = [n for n in wasm_names if n not in layout_wasm_names]
if len(wasm_names) != 1 or len(layout_wasm_names) != 1:
    fail("expected the app's and the PDF layout's *_bg.wasm in %s, found %s" % (staging, wasm_names + layout_wasm_names))


def embedded_wasm(name):
    """The statements that decode a wasm file's bytes into `wasmBytes` (the file is removed)."""
    path = os.path.join(staging, name)
    with open(path, "rb") as f:
        b64 = base64.b64encode(f.read()).decode()
    os.remove(path)
    return (
        'const text = atob("%s");\n'
        "const wasmBytes = new Uint8Array(text.length);\n"
        "for (let i = 0; i < text.length; i++) wasmBytes[i] = text.charCodeAt(i);\n" % b64
    )


WASM_DECODE = embedded_wasm(wasm_names[0])
wasm_module = (
    "// The app's WebAssembly, embedded so that loading it needs no network connection.\n"
    + WASM_DECODE
    + "export { wasmBytes };\n"
)
wasm_js = write_hashed("wasm", wasm_module)

# --- PDFs, read in the page on demand: pdf.js and the reader (www/pdf/) ----------------------
# pdf.js's legacy build (it runs in older Chromium kernels too) from www/pdf/node_modules (npm ci
# there, .ci/install). Nothing here loads with the page: the start-up script only gives the app
# a function that imports the reader when a PDF is opened; the reader imports pdf.js, which
# starts its worker, and the CMaps module is imported only if a PDF asks for a CMap.
PDFJS = os.path.join(WWW, "pdf", "node_modules", "pdfjs-dist")
if not os.path.isdir(PDFJS):
    fail("www/pdf/node_modules/pdfjs-dist is missing: run `bash .ci/install` (or `npm ci --omit=optional` in www/pdf)")


def vendored(*parts):
    """A file of pdfjs-dist, without its source-map comment."""
    with open(os.path.join(PDFJS, *parts), encoding="utf-8") as f:
        return without_source_map(f.read())


pdfjs_js = write_hashed("pdfjs", vendored("legacy", "build", "pdf.min.mjs"))
pdfjs_worker_js = write_hashed("pdfjs-worker", vendored("legacy", "build", "pdf.worker.min.mjs"))
# The predefined CMaps of Simplified Chinese (Adobe-GB1 and the GB encodings), which fonts that
# are not embedded need; other scripts' are left out.
cmaps_dir = os.path.join(PDFJS, "cmaps")
cmap_names = sorted(n for n in os.listdir(cmaps_dir) if re.match(r"(Adobe-GB1-|GB|UniGB-).*\.bcmap$", n))
if not any(n == "UniGB-UCS2-H.bcmap" for n in cmap_names):
    fail("no UniGB-UCS2-H.bcmap in %s" % cmaps_dir)
cmap_entries = []
for name in cmap_names:
    with open(os.path.join(cmaps_dir, name), "rb") as f:
        cmap_entries.append('  "%s": "%s",\n' % (name[: -len(".bcmap")], base64.b64encode(f.read()).decode()))
cmaps_js = write_hashed(
    "pdf-cmaps",
    "// pdf.js's CMaps for Simplified Chinese (pdfjs-dist/cmaps, Adobe's cmap-resources: BSD-3-Clause),\n"
    "// base64, for www/pdf/reader.js.\nexport const CMAPS = {\n%s};\n" % "".join(cmap_entries),
)
# The PDF layout's wasm (src/pdf_layout) and its wasm-bindgen glue, in one module that the
# reader imports: it starts the wasm from the embedded bytes (nothing fetched).
layout_glue_name = PDF_LAYOUT + ".js"
layout_glue = read(layout_glue_name)
layout_decode = embedded_wasm(layout_wasm_names[0])
for left in [n for n in os.listdir(staging) if n.startswith(PDF_LAYOUT)]:
    os.remove(os.path.join(staging, left))  # the glue, and its TypeScript if any
if not re.search(r"(?m)^export function layOut\(", layout_glue) or not re.search(r"(?m)^export function limits\(", layout_glue):
    fail("%s does not export layOut and limits" % layout_glue_name)
layout_glue = without_source_map(layout_glue)
pdf_layout_js = write_hashed(
    "pdf-layout",
    "// 年报校验's PDF layout (src/pdf_layout): its wasm, embedded, and its wasm-bindgen glue.\n"
    "const wasmBytes = (() => {\n%sreturn wasmBytes;\n})();\n%s\n"
    "export const ready = __wbg_init({ module_or_path: wasmBytes });\n" % (layout_decode, layout_glue),
)
pdf_reader_js = write_hashed(
    "pdf-reader", fill(source("pdf", "reader.js"), PDFJS=pdfjs_js, PDF_WORKER=pdfjs_worker_js, PDF_CMAPS=cmaps_js,
                       PDF_LAYOUT=pdf_layout_js)
)

# --- The start-up script, out of index.html ----------------------------------------------------
html = read("index.html")
inline = re.compile(r"<script type=\"module\">(.*?)</script>", re.S)
found = inline.search(html)
if not found:
    fail("no inline start-up script in index.html")
start = found.group(1).strip()
start = sub_once(r"module_or_path: '[^']*'", "module_or_path: wasmBytes", start, "wasm path in the start-up script")
imports = re.compile(r"^import init, \* as bindings from '\./([^']+\.js)';\n", re.M)
bindings_import = imports.search(start)
if not bindings_import:
    fail("unexpected start-up script: %r" % start)
bindings_js = bindings_import.group(1)
start_body = imports.sub("", start)  # what runs once `init` and `bindings` exist

# --- The checking worker: the same wasm, checking off the page's thread -----------------------
worker_text = fill(source("worker", "worker.js"), WASM_JS=wasm_js, BINDINGS_JS=bindings_js)
worker_js = write_hashed("worker", worker_text)

start_js_text = (
    "import { wasmBytes } from './%s';\n"
    "// Checks run in this worker (src/web/worker.rs); without it, on the page.\n"
    "window.NIANBAO_WORKER = new URL('./%s', import.meta.url).href;\n"
    "// PDFs are read by pdf.js (src/web/pdf.rs), loaded only when the first one is opened.\n"
    "window.NIANBAO_PDF = (bytes) => import('./%s').then((reader) => reader.readPdf(bytes));\n%s\n\n"
    "// Offline after the first visit (sw.js); not from a saved copy (file:) nor a host page.\n"
    "if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {\n"
    "  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url))\n"
    "    .catch((error) => console.warn('年报校验：未能启用离线使用', error));\n"
    "}\n" % (wasm_js, worker_js, pdf_reader_js, start)
)
start_js = write_hashed("start", start_js_text)
html = html[: found.start()] + '<script type="module" src="./%s"></script>' % start_js + html[found.end():]
html = sub_once(r"<link rel=\"preload\" href=\"[^\"]*_bg\.wasm\"[^>]*>", "", html, "wasm preload link")

# --- The sample report and the rules' help, in the page (src/web/page_data.rs) ---------------
# Not in the wasm (its size is budgeted); index.html carries them to embed.html and the one-file
# copy. Raw text in scripts the browser does not run (type text/plain), in <head>: the app
# takes <body> over.
page_data = ""
for name, element in (("sample.txt", "nianbao-sample"), ("rule-help.txt", "nianbao-rule-help")):
    text = source(name)
    if re.search(r"</script|<!--", text, re.I):
        fail("www/%s cannot contain </script or <!--" % name)
    page_data += '<script type="text/plain" id="%s">%s</script>\n' % (element, text)
html = sub_once(r"</head>", lambda _: page_data + "</head>", html, "</head>")
write("index.html", html)

style_match = re.search(r'<link rel="stylesheet" href="\./([^"]+\.css)"[^>]*>', html)
if not style_match:
    fail("no stylesheet link in index.html")
style_css = style_match.group(1)
app_css = read(style_css)

# --- The web component's stylesheet ----------------------------------------------------------
component_css = sub_once(r"(?m)^:root(?:\s*,\s*:host)?\s*\{", ".nianbao-root {", app_css, ":root rule in style.css")
component_css = re.sub(r"(?m)^body\s*\{[^}]*\}\n?", "", component_css)


def px(match):
    return "%gpx" % (float(match.group(1)) * 16)


# Width queries: the page's width says nothing about the element's, so each `@media (max-width:
# Nrem)` becomes a class that nianbao.js sets on .nianbao-root from the element's own width
# (a ResizeObserver; container queries would make the element collapse in shrink-to-fit layouts).
breakpoints = []


def below(match):
    width = round(float(match.group(1)) * 16)
    breakpoints.append(width)

    def prefix(rule):
        selectors = ", ".join(".nianbao-root.below-%d %s" % (width, s.strip()) for s in rule.group(1).split(","))
        return "%s {%s}" % (selectors, rule.group(2))

    return re.sub(r"([^{}]+)\{([^{}]*)\}", prefix, match.group(2)).strip()


component_css = re.sub(r"@media \(max-width: ([\d.]+)rem\)\s*\{((?:[^{}]*\{[^{}]*\})*\s*)\}", below, component_css)
if re.search(r"@media[^{]*width", component_css):
    fail("style.css has a width query that the element's stylesheet cannot follow")
# Lengths (not the width queries: there rem is the browser's default, whatever the page says).
component_css = re.sub(r"(?<![\w.])(-?\d*\.?\d+)rem\b(?![^{}]*\{)", px, component_css)
element_css_text = source("embed", "element.css") + "\n/* style.css */\n" + component_css
element_css = write_hashed("element", element_css_text, "css")

# --- The iframe widget: embed.html and its bridge --------------------------------------------
bridge_text = source("embed", "bridge.js")
bridge_js = write_hashed("bridge", bridge_text)
embed = sub_once(r"<body[^>]*>", '<body data-nianbao="embed">', html, "<body>")
embed = sub_once(r"(\s*<!--(?:(?!-->).)*-->)?\s*<link rel=\"manifest\"[^>]*>", "", embed, "manifest link", re.S)
embed = sub_once(r"<title>[^<]*</title>", "<title>年报校验（嵌入）</title>", embed, "title")
# The bridge listens before the app starts, and queues what comes early.
embed = embed.replace(
    '<script type="module" src="./%s"></script>' % start_js,
    '<script type="module" src="./%s"></script>\n<script type="module" src="./%s"></script>' % (bridge_js, start_js),
)
write("embed.html", embed)

# --- nianbao.js, the module for host pages ---------------------------------------------------
bindings = read(bindings_js)
for name in ("check", "checkHtml", "mount"):
    if not re.search(r"(?m)^export function %s\(" % name, bindings):
        fail("%s does not export %s" % (bindings_js, name))
write("nianbao.js", fill(source("embed", "loader.js"), WASM_JS=wasm_js, BINDINGS_JS=bindings_js, ELEMENT_CSS=element_css,
                        BREAKPOINTS=json.dumps(sorted(set(breakpoints)))))

# --- Offline after the first visit: the manifest -------------------------------------------
manifest = {
    "name": "年报校验",
    "short_name": "年报校验",
    "description": "检查政府信息公开工作年度报告的统计表是否自洽，文字只在本机处理。",
    "lang": "zh-CN",
    "start_url": "./",
    "scope": "./",
    "display": "standalone",
    "background_color": "#ffffff",
    "theme_color": "#323f4b",
    "icons": [{"src": "icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
}
write("manifest.webmanifest", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")

# --- The demo page: www/demo/* next to the app ----------------------------------------------
for name in sorted(os.listdir(os.path.join(WWW, "demo"))):
    shutil.copyfile(os.path.join(WWW, "demo", name), os.path.join(staging, name))

# --- One file: nianbao-offline.html ----------------------------------------------------------
# The wasm-bindgen module inside a function, its exports returned: one inline module script.
exported = []
default_export = None


def unexport(match):
    exported.append(match.group(2))
    return match.group(1)


glue = re.sub(r"(?m)^export ((?:async )?(?:function\*?|class|const|let|var) ([\w$]+))", unexport, bindings)


def export_list(match):
    for item in match.group(1).split(","):
        parts = item.split(" as ")
        exported.append(parts[-1].strip() if len(parts) == 1 else "%s: %s" % (parts[1].strip(), parts[0].strip()))
    return ""


glue = re.sub(r"(?m)^export \{([^}]*)\};?\n", export_list, glue)
default_match = re.search(r"(?m)^export default ([\w$]+);?\n", glue)
if not default_match:
    fail("no default export in %s" % bindings_js)
default_export = default_match.group(1)
glue = glue[: default_match.start()] + glue[default_match.end():]
if re.search(r"(?m)^\s*(export\b|import\b(?!\.meta|\s*\())", glue):
    fail("%s has imports or exports this hook does not know how to inline" % bindings_js)
one_script = (
    "\n// 年报校验 in one file: the wasm (base64), its wasm-bindgen glue and the start-up code.\n"
    "const wasmBytes = (() => {\n%sreturn wasmBytes;\n})();\n"
    "const { init, bindings } = (() => {\n%s\nreturn { init: %s, bindings: Object.freeze({ %s }) };\n})();\n"
    "%s\n" % (WASM_DECODE, glue, default_export, ", ".join(exported), start_body)
)
css_text = "\n" + app_css
for text, end in ((one_script, "</script"), (css_text, "</style")):
    if re.search(end + "|<!--", text, re.I):
        fail("cannot inline text containing %s or <!--" % end)
icon = "data:image/svg+xml;base64," + base64.b64encode(open(os.path.join(staging, "icon.svg"), "rb").read()).decode()
policy = (
    "default-src 'none'; script-src %s 'wasm-unsafe-eval'; style-src %s; img-src data: blob:; "
    "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" % (csp_hash(one_script), csp_hash(css_text))
)
offline = re.sub(r"\s*<!--.*?-->", "", html, flags=re.S)
offline = sub_once(
    r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
    "<!-- One file, for use without a network (file:// too). Nothing leaves the page: the only\n"
    "       script is the one below, allowed by its hash; no connections. -->\n"
    '  <meta http-equiv="Content-Security-Policy" content="%s">' % policy,
    offline, "CSP meta",
)
offline = sub_once(r'<link rel="stylesheet" href="\./%s"[^>]*>' % re.escape(style_css), lambda _: "<style>%s</style>" % css_text, offline, "stylesheet link")
offline = sub_once(r'<script type="module" src="\./%s"></script>' % re.escape(start_js),
                   lambda _: '<script type="module">%s</script>' % one_script, offline, "start-up script")
offline = re.sub(r'\s*<link rel="(?:modulepreload|manifest)"[^>]*>', "", offline)
offline = sub_once(r'<link rel="icon"[^>]*>', '<link rel="icon" href="%s">' % icon, offline, "icon link")
# data-one-file: the copy does not offer itself (下载离线版) again, wherever it is opened from.
offline = sub_once(r"<body[^>]*>", '<body data-nianbao="app" data-one-file>', offline, "<body>")
write("nianbao-offline.html", offline)

# --- The service worker: this build's files, in a cache named after them ---------------------
files = []
for folder, _, names in os.walk(staging):
    for name in names:
        path = os.path.relpath(os.path.join(folder, name), staging).replace(os.sep, "/")
        if path not in ("sw.js", "nianbao-offline.html"):
            files.append(path)
files.sort()
build = hashlib.sha256()
for path in files:
    build.update(path.encode() + b"\0")
    with open(os.path.join(staging, path), "rb") as f:
        build.update(f.read())
precache = [[path, not HASHED.search(path)] for path in files]
write("sw.js", fill(source("embed", "sw.js"), CACHE="nianbao-" + build.hexdigest()[:16], FILES=json.dumps(precache, ensure_ascii=False)))
