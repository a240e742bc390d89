#!/usr/bin/env python3
"""Trunk post_build hook. The page's Content-Security-Policy allows no network connection
(`connect-src 'none'`) and no inline script, so:
  - the wasm is embedded (base64) in a script file of the app's own folder instead of fetched;
  - Trunk's inline start-up script is moved into its own file, which instantiates that wasm;
  - the wasm preload link (a fetch) is dropped."""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook")


def hashed(stem, text):
    return "%s-%s.js" % (stem, hashlib.sha256(text.encode()).hexdigest()[:16])


def write(name, text):
    with open(os.path.join(staging, name), "w", encoding="utf-8") as out:
        out.write(text)


index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()

wasm_names = [n for n in os.listdir(staging) if n.endswith("_bg.wasm")]
if len(wasm_names) != 1:
    sys.exit("expected one *_bg.wasm in %s, found %s" % (staging, wasm_names))
wasm_path = os.path.join(staging, wasm_names[0])
wasm_b64 = base64.b64encode(open(wasm_path, "rb").read()).decode()
wasm_module = (
    "// The app's WebAssembly, embedded so that loading it needs no network connection.\n"
    'const text = atob("%s");\n'
    "export const wasmBytes = new Uint8Array(text.length);\n"
    "for (let i = 0; i < text.length; i++) wasmBytes[i] = text.charCodeAt(i);\n" % wasm_b64
)
wasm_js = hashed("wasm", wasm_module)
write(wasm_js, wasm_module)
os.remove(wasm_path)

inline = re.compile(r"<script type=\"module\">(.*?)</script>", re.S)
found = inline.search(html)
if not found:
    sys.exit("no inline start-up script in index.html")
start = found.group(1).strip()
start, replaced = re.subn(r"module_or_path: '[^']*'", "module_or_path: wasmBytes", start)
if replaced != 1:
    sys.exit("unexpected start-up script: %r" % start)
start = "import { wasmBytes } from './%s';\n%s\n" % (wasm_js, start)
start_js = hashed("start", start)
write(start_js, start)
html = html[: found.start()] + '<script type="module" src="./%s"></script>' % start_js + html[found.end():]
html = re.sub(r"<link rel=\"preload\" href=\"[^\"]*_bg\.wasm\"[^>]*>", "", html)
with open(index, "w", encoding="utf-8") as out:
    out.write(html)
