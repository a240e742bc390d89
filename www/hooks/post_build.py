#!/usr/bin/env python3
"""Trunk post_build hook: turns Trunk's page into the app's files (in $TRUNK_STAGING_DIR).

The page's Content-Security-Policy allows no network connection (`connect-src 'none'`) and no
inline script, so:
  - the wasm is embedded (gzip, then base64) in a script file of the app's own folder instead of
    fetched, and compiled once: the page hands the module to its workers;
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
  - in every page: the rules' help (www/rule-help.txt), which the app reads from the page
    (src/web/page_data.rs), not from the wasm; the sample report (www/sample.txt) in the
    one-file copy, and elsewhere in sample-<hash>.js, imported when it is asked for;
  - manifest.webmanifest and sw.js: offline after the first visit. sw.js precaches this build's
    files (all but itself and the one-file copy) in a cache named after their hash."""
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
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


def js_without_comments(text):
    """A script as sent: without its whole-line `//` comments and `/** … */` blocks (every first
    load carries them otherwise; the sources keep them)."""
    text = re.sub(r"(?ms)^[ \t]*/\*\*.*?\*/[ \t]*\n", "", text)
    return re.sub(r"(?m)^[ \t]*//.*\n", "", text)


def css_without_comments(text):
    return re.sub(r"(?m)^[ \t]*\n", "", re.sub(r"/\*.*?\*/", "", text, flags=re.S))


def html_without_comments(text):
    return re.sub(r"\n?[ \t]*<!--.*?-->", "", text, flags=re.S)


def csp_hash(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --- The wasm, embedded in a script of the app's folder -------------------------------------
# Three wasm files: the app's, and two loaded on demand (Trunk's "worker" kind: each one's glue
# is an ES module): the PDF layout's (src/pdf_layout, nianbao-pdf-layout.js), which only the
# PDF reader imports, and the .docx reader's (src/docx_reader, nianbao-docx-reader.js).
PDF_LAYOUT = "nianbao-pdf-layout"
DOCX_READER = "nianbao-docx-reader"
ON_DEMAND = (PDF_LAYOUT, DOCX_READER)
wasm_names = sorted(n for n in os.listdir(staging) if n.endswith("_bg.wasm"))
on_demand_wasm = {stem: [n for n in wasm_names if n.startswith(stem + "_bg")] for stem in ON_DEMAND}
wasm_names = [n for n in wasm_names if not n.startswith(ON_DEMAND)]
if len(wasm_names) != 1 or any(len(names) != 1 for names in on_demand_wasm.values()):
    fail("expected the app's, the PDF layout's and the .docx reader's *_bg.wasm in %s, found %s"
         % (staging, sorted(os.listdir(staging))))


def packed(path):
    """The file at `path` gzipped as small as we can: by zopfli when installed (.ci/install),
    about 5% smaller than zlib's best and still plain gzip for the browser to inflate."""
    with open(path, "rb") as f:
        data = f.read()
    zopfli = shutil.which("zopfli")
    if zopfli:
        out = subprocess.run([zopfli, "-c", path], stdout=subprocess.PIPE, check=True).stdout
        if gzip.decompress(out) == data:
            return out
        fail("zopfli's output does not inflate to its input")
    print("post_build: zopfli is not installed (bash .ci/install): the wasm is gzipped by zlib, about 5% larger")
    return gzip.compress(data, 9, mtime=0)


def embedded_wasm(name):
    """An expression: a promise of the compiled WebAssembly.Module of a wasm file, which is
    removed. Its bytes are gzipped, then base64 (a script may hold only text, and the page
    fetches nothing: connect-src 'none'); the browser inflates them (DecompressionStream)
    and compiles them once. Base64 of the gzip costs about what the gzip does, whether the
    server compresses scripts or not; base64 of the wasm itself cost a third more gzipped."""
    path = os.path.join(staging, name)
    b64 = base64.b64encode(packed(path)).decode()
    os.remove(path)
    return (
        "(async () => {\n"
        '  const base64 = "%s";\n'
        "  // The browser's own decoder where there is one (Chromium 140 on), else atob and a loop.\n"
        "  const gzipped = Uint8Array.fromBase64?.(base64) ?? (() => {\n"
        "    const text = atob(base64);\n"
        "    const bytes = new Uint8Array(text.length);\n"
        "    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n"
        "    return bytes;\n"
        "  })();\n"
        "  const wasm = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
        "  return WebAssembly.compile(await new Response(wasm).arrayBuffer());\n"
        "})()" % b64
    )


WASM_MODULE = embedded_wasm(wasm_names[0])
wasm_js = write_hashed(
    "wasm",
    "// The app's WebAssembly, embedded so that loading it needs no network connection: a\n"
    "// promise of its module, compiled once for the page and its workers.\n"
    "export const wasmModule = %s;\n" % WASM_MODULE,
)

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


def on_demand_module(stem, out_stem, exports, what):
    """The wasm of `stem` (src/pdf_layout or src/docx_reader) and its wasm-bindgen glue, in one
    module written as <out_stem>-<hash>.js, whose `ready` resolves once the wasm runs from its
    embedded bytes (nothing fetched); its file name, and the glue for the one-file copy."""
    glue_name = stem + ".js"
    glue = read(glue_name)
    module = embedded_wasm(on_demand_wasm[stem][0])
    for left in [n for n in os.listdir(staging) if n.startswith(stem)]:
        os.remove(os.path.join(staging, left))  # the glue, and its TypeScript if any
    for name in exports:
        if not re.search(r"(?m)^export function %s\(" % name, glue):
            fail("%s does not export %s" % (glue_name, name))
    glue = without_source_map(glue)
    name = write_hashed(
        out_stem,
        "// 年报校验's %s: its wasm, embedded, and its wasm-bindgen glue.\n"
        "const wasmModule = %s;\n%s\n"
        "export const ready = wasmModule.then((module) => __wbg_init({ module_or_path: module }));\n"
        % (what, module, glue),
    )
    return name, module, glue


pdf_layout_js, _, _ = on_demand_module(PDF_LAYOUT, "pdf-layout", ("layOut", "limits"), "PDF layout (src/pdf_layout)")
docx_reader_js, DOCX_MODULE, DOCX_GLUE = on_demand_module(
    DOCX_READER, "docx-reader", ("openDocx",), ".docx reader (src/docx_reader)")
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
start = sub_once(r"module_or_path: '[^']*'", "module_or_path: await wasmModule", start, "wasm path in the start-up script")
imports = re.compile(r"^import init, \* as bindings from '\./([^']+\.js)';\n", re.M)
bindings_import = imports.search(start)
if not bindings_import:
    fail("unexpected start-up script: %r" % start)
bindings_js = bindings_import.group(1)
start_body = imports.sub("", start)  # what runs once `init` and `bindings` exist

# --- The checking worker: the same wasm, checking off the page's thread -----------------------
worker_text = fill(source("worker", "worker.js"), BINDINGS_JS=bindings_js, DOCX_READER=docx_reader_js)
worker_js = write_hashed("worker", js_without_comments(worker_text))

# The sample report of 「用示例年报试一试」, imported only when that button is pressed: in every
# first load it would cost 4 KB gzipped (src/web/page_data.rs).
def plain_text(name):
    """A text of www/ for a <script type="text/plain"> element."""
    text = source(name)
    if re.search(r"</script|<!--", text, re.I):
        fail("www/%s cannot contain </script or <!--" % name)
    return text


SAMPLE = plain_text("sample.txt")
sample_js = write_hashed("sample", "// www/sample.txt, for 「用示例年报试一试」.\nexport const SAMPLE = %s;\n"
                         % json.dumps(SAMPLE, ensure_ascii=False))

start_js_text = (
    "import { wasmModule } from './%s';\n"
    "// Checks run in this worker (src/web/worker.rs); without it, on the page. The worker gets\n"
    "// the page's compiled module in its first message (NIANBAO_MODULE), not compiling it again.\n"
    "window.NIANBAO_WORKER = new URL('./%s', import.meta.url).href;\n"
    "window.NIANBAO_MODULE = await wasmModule;\n"
    "// .docx files are read by their own wasm (src/docx_reader), loaded only when the first one is\n"
    "// opened: in the worker, or here where there is none (src/web/docx.rs).\n"
    "window.NIANBAO_DOCX = (bytes) => import('./%s').then(async (reader) => {\n"
    "  await reader.ready;\n"
    "  return reader.openDocx(bytes);\n"
    "});\n"
    "// The sample report, imported when 「用示例年报试一试」 is pressed (src/web/page_data.rs).\n"
    "window.NIANBAO_SAMPLE = () => import('./%s').then((sample) => sample.SAMPLE);\n"
    "// PDFs are read by pdf.js (src/web/pdf.rs), loaded only when the first one is opened.\n"
    "window.NIANBAO_PDF = (bytes) => import('./%s').then((reader) => reader.readPdf(bytes));\n%s\n\n"
    "// Offline after the first visit (sw.js); not from a saved copy (file:) nor a host page.\n"
    "if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) {\n"
    "  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url))\n"
    "    .catch((error) => console.warn('年报校验：未能启用离线使用', error));\n"
    "}\n" % (wasm_js, worker_js, docx_reader_js, sample_js, pdf_reader_js, start)
)
start_js = write_hashed("start", js_without_comments(start_js_text))
html = html[: found.start()] + '<script type="module" src="./%s"></script>' % start_js + html[found.end():]
html = sub_once(r"<link rel=\"preload\" href=\"[^\"]*_bg\.wasm\"[^>]*>", "", html, "wasm preload link")
# The wasm's script, fetched as the page is parsed, not once the start-up script has run: it is
# the first load's largest file.
html = sub_once(r"(<link rel=\"modulepreload\")", lambda m: '<link rel="modulepreload" href="./%s">%s' % (wasm_js, m.group(1)),
                html, "the glue's modulepreload link")

# --- The rules' help (and the sample), in the page (src/web/page_data.rs) ---------------------
# Not in the wasm (its size is budgeted); index.html carries the help to embed.html and the
# one-file copy, which also holds the sample (it imports nothing). Raw text in scripts the
# browser does not run (type text/plain), in <head>: the app takes <body> over.
RULE_HELP = '<script type="text/plain" id="nianbao-rule-help">%s</script>\n' % plain_text("rule-help.txt")
html = sub_once(r"</head>", lambda _: RULE_HELP + "</head>", html, "</head>")
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
                        DOCX_READER=docx_reader_js,
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
# Each wasm-bindgen module inside a function, its exports returned: one inline module script.


def inlined(module, what):
    """A wasm-bindgen glue module as the body of a function: its code without `export`, the
    name of its default export (the init function) and the list of its exports."""
    exported = []

    def unexport(match):
        exported.append(match.group(2))
        return match.group(1)

    glue = re.sub(r"(?m)^export ((?:async )?(?:function\*?|class|const|let|var) ([\w$]+))", unexport, module)

    def export_list(match):
        for item in match.group(1).split(","):
            parts = item.split(" as ")
            exported.append(parts[-1].strip() if len(parts) == 1 else "%s: %s" % (parts[1].strip(), parts[0].strip()))
        return ""

    glue = re.sub(r"(?m)^export \{([^}]*)\};?\n", export_list, glue)
    default_match = re.search(r"(?m)^export default ([\w$]+);?\n", glue)
    if not default_match:
        fail("no default export in %s" % what)
    glue = glue[: default_match.start()] + glue[default_match.end():]
    if re.search(r"(?m)^\s*(export\b|import\b(?!\.meta|\s*\())", glue):
        fail("%s has imports or exports this hook does not know how to inline" % what)
    return glue, default_match.group(1), exported


glue, default_export, exported = inlined(bindings, bindings_js)
docx_glue, docx_init, _ = inlined(DOCX_GLUE, DOCX_READER + ".js")
one_script = (
    "\n// 年报校验 in one file: the wasm (gzip, base64), its wasm-bindgen glue and the start-up code.\n"
    "const wasmModule = %s;\n"
    "const { init, bindings } = (() => {\n%s\nreturn { init: %s, bindings: Object.freeze({ %s }) };\n})();\n"
    "// .docx files (src/web/docx.rs): their reader's wasm, started when the first one is opened.\n"
    "window.NIANBAO_DOCX = (() => {\n"
    "  let reader = null;\n"
    "  return (bytes) => {\n"
    "    reader ??= (async () => {\n"
    "      const { start, openDocx } = (() => {\n%s\nreturn { start: %s, openDocx };\n})();\n"
    "      await start({ module_or_path: await %s });\n"
    "      return openDocx;\n"
    "    })();\n"
    "    return reader.then((openDocx) => openDocx(bytes));\n"
    "  };\n"
    "})();\n"
    "%s\n" % (WASM_MODULE, glue, default_export, ", ".join(exported), docx_glue, docx_init, DOCX_MODULE, start_body)
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
if RULE_HELP not in offline:
    fail("no rules' help in the one-file copy")
offline = offline.replace(RULE_HELP, '<script type="text/plain" id="nianbao-sample">%s</script>\n%s' % (SAMPLE, RULE_HELP), 1)
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

# --- The first load's files as sent: without comments ---------------------------------------
# The stylesheet and the glue keep Trunk's names; their integrity attributes are renewed.
def sri(text):
    return "sha384-" + base64.b64encode(hashlib.sha384(text.encode()).digest()).decode()


for name, strip in ((style_css, css_without_comments), (bindings_js, js_without_comments)):
    before, after = read(name), strip(read(name))
    write(name, after)
    for page in ("index.html", "embed.html"):
        text = read(page)
        if sri(before) not in text:
            fail("no integrity attribute for %s in %s" % (name, page))
        write(page, text.replace(sri(before), sri(after)))
for page in ("index.html", "embed.html"):
    write(page, html_without_comments(read(page)))

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
