// 年报校验's PDF reader, loaded by the page only when a PDF is opened (src/web/pdf.rs): pdf.js
// (vendored from pdfjs-dist by www/hooks/post_build.py) reads the file in its worker, from the
// bytes given, fetching nothing. What it returns is what the CLI's reader gives
// (src/native/pdf.rs): runs of text on one baseline and the straight lines drawn on each page,
// in PDF user space (points, y upwards), which the core lays out (src/core/input/pdf.rs) in
// the layout's own small wasm (src/pdf_layout), loaded with this.
import * as pdfjs from './__PDFJS__';
import { ready, layOut, limits } from './__PDF_LAYOUT__';

pdfjs.GlobalWorkerOptions.workerSrc = new URL('./__PDF_WORKER__', import.meta.url).href;

/**
 * What pdf.js would fetch, given without a connection: the predefined CMaps of Simplified
 * Chinese (GBK-EUC-H, UniGB-UCS2-H, Adobe-GB1-UCS2…, for PDFs whose fonts are not embedded),
 * from a module imported only when a PDF asks for one. Anything else (standard fonts, other
 * scripts' CMaps) is refused, and pdf.js does without.
 */
class BinaryData {
  async fetch({ kind, filename }) {
    const name = filename.replace(/\.bcmap$/, '');
    if (kind === 'cMapUrl') {
      const { CMAPS } = await import('./__PDF_CMAPS__');
      if (Object.prototype.hasOwnProperty.call(CMAPS, name)) return Uint8Array.from(atob(CMAPS[name]), (c) => c.charCodeAt(0));
    }
    throw new Error(`年报校验 does not fetch ${kind} ${filename}`);
  }
}

const { OPS } = pdfjs;
// The painting operators whose paths may be table borders: those the CLI's reader sees
// (pdf-extract passes on `S`, `f` and `F` only), so that both find the same tables; the others
// mostly fill backgrounds, whose edges would make frames round prose.
const PAINTS = new Set([OPS.stroke, OPS.fill]);
// pdf.js's path data (DrawOPS): each operator followed by its coordinates.
const MOVE_TO = 0, LINE_TO = 1, CURVE_TO = 2, QUADRATIC_TO = 3, CLOSE = 4;

/** Why a PDF was not read: `kind` is one of the core's PdfError names. */
export class PdfFailure extends Error {
  constructor(kind) {
    super(kind);
    this.kind = kind;
  }
}

/**
 * Reads a PDF and lays it out: the document (the core's `Document`, as src/web/pdf.rs takes
 * it), or a PdfFailure. Over the core's limits of pages, glyphs or ruling lines the file is
 * refused ('TooLarge'), as the CLI does.
 */
export async function readPdf(bytes) {
  const content = await readContent(bytes); // the layout wasm is ready once this has its limits
  try {
    return layOut(content.texts, content.runs, content.rules);
  } catch (kind) {
    throw new PdfFailure(typeof kind === 'string' ? kind : 'Unreadable');
  }
}

/**
 * A PDF's runs of text and ruling lines: { texts: string[], runs: Float64Array (page, x, y,
 * width, size for each text), rules: Float64Array (page, x0, y0, x1, y1 for each line) }.
 */
async function readContent(bytes) {
  await ready;
  const [maxPages, maxGlyphs, maxRules] = limits();
  const task = pdfjs.getDocument({
    data: bytes,
    // Nothing fetched and nothing evaluated: no fonts installed in the page, no standard-font
    // or wasm files, no eval; CMaps from the vendored module (BinaryData).
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    // pdf.js's image decoders for scans (JBIG2, JPEG 2000) are not needed for text: their wasm
    // is refused (BinaryData) and their JS fallback is looked for at an address that only
    // throws, so nothing is requested.
    wasmUrl: 'data:text/javascript,throw 0;//',
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    BinaryDataFactory: BinaryData,
    useWorkerFetch: false,
    cMapPacked: true,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw new PdfFailure(error?.name === 'PasswordException' ? 'Encrypted' : 'Unreadable');
  }
  try {
    if (pdf.numPages > maxPages) throw new PdfFailure('TooLarge');
    const content = { texts: [], runs: [], rules: [], glyphs: 0 };
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      await readText(page, number - 1, content);
      if (content.glyphs > maxGlyphs) throw new PdfFailure('TooLarge');
      await readRules(page, number - 1, content);
      if (content.rules.length / 5 > maxRules) throw new PdfFailure('TooLarge');
      page.cleanup();
    }
    return { texts: content.texts, runs: Float64Array.from(content.runs), rules: Float64Array.from(content.rules) };
  } catch (error) {
    throw error instanceof PdfFailure ? error : new PdfFailure('Unreadable');
  } finally {
    await task.destroy();
  }
}

/**
 * A page's text as runs, as the CLI's reader makes them: a piece of text is appended to the
 * last run when it follows it on the same baseline (less than 0.3 of the font size apart).
 * Vertical text (pdf.js gives it as one item, top down) is one run per character, as drawn.
 */
async function readText(page, index, content) {
  const { items } = await page.getTextContent({ disableNormalization: true });
  let last = null;
  const push = (x, y, width, size, text) => {
    const follows = last && Math.abs(last.y - y) < 0.3 * size && Math.abs(x - (last.x + last.width)) < 0.3 * size;
    if (follows) {
      last.text += text;
      last.width = x + width - last.x;
    } else {
      if (last) flush(last, index, content);
      last = { x, y, width, size, text };
    }
  };
  for (const item of items) {
    const text = withoutLayoutSpaces(item.str);
    if (!text.trim()) continue;
    const [, , , d, x, y] = item.transform;
    const size = Math.abs(d);
    if (item.width === 0 && item.height > 0 && text.length > 1) {
      // Vertical: the item's height is its advance, its characters evenly down from the top.
      const chars = Array.from(text);
      const step = item.height / chars.length;
      chars.forEach((char, i) => push(x, y - i * step, size, size, char));
    } else {
      push(x, y, item.width, size, text);
    }
  }
  if (last) flush(last, index, content);
}

/**
 * pdf.js puts a space wherever glyphs stand a little apart (over a tenth of the font size);
 * next to a Chinese character that is layout (Word's gap between Chinese and Latin text, a
 * justified line), not a word break, and the CLI's reader does not see it: dropped.
 */
function withoutLayoutSpaces(text) {
  return text.replace(/ +(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) +/g, '');
}

function flush(run, page, content) {
  content.texts.push(run.text);
  content.glyphs += run.text.length;
  content.runs.push(page, run.x, run.y, run.width, run.size);
}

/**
 * A page's ruling lines, as the CLI's reader finds them: every straight piece of a stroked
 * or filled path, in page space (the transformation matrix followed through save, restore,
 * `cm` and form XObjects); a rectangle that is thin is a line, a larger one its four edges.
 */
async function readRules(page, index, content) {
  const { fnArray, argsArray } = await page.getOperatorList({ intent: 'display' });
  let ctm = [1, 0, 0, 1, 0, 0];
  const saved = [];
  const rule = (x0, y0, x1, y1) => content.rules.push(index, x0, y0, x1, y1);
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i];
    switch (fnArray[i]) {
      case OPS.save:
        saved.push(ctm);
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        ctm = saved.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(args, ctm);
        break;
      case OPS.paintFormXObjectBegin:
        saved.push(ctm);
        if (args[0]) ctm = multiply(args[0], ctm);
        break;
      case OPS.constructPath:
        if (PAINTS.has(args[0]) && args[1]?.[0]) pathRules(args[1][0], ctm, rule);
        break;
    }
  }
}

/** The product of two PDF matrices [a b c d e f]: `m` applied first, then `n`. */
function multiply(m, n) {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The straight pieces of one path (pdf.js's path data), as rules in page space. */
function pathRules(data, ctm, rule) {
  const at = (x, y) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  let from = null;
  for (let i = 0; i < data.length;) {
    switch (data[i]) {
      case MOVE_TO: {
        const rectangle = rectangleAt(data, i);
        if (rectangle) {
          const [x0, y0, x1, y1] = rectangle;
          edges(at(x0, y0), at(x1, y1), rule);
          i += 15;
          from = null;
          break;
        }
        from = at(data[i + 1], data[i + 2]);
        i += 3;
        break;
      }
      case LINE_TO: {
        const to = at(data[i + 1], data[i + 2]);
        if (from) rule(from[0], from[1], to[0], to[1]);
        from = to;
        i += 3;
        break;
      }
      case CURVE_TO:
        from = at(data[i + 5], data[i + 6]);
        i += 7;
        break;
      case QUADRATIC_TO:
        from = at(data[i + 3], data[i + 4]);
        i += 5;
        break;
      default:
        i += 1;
    }
  }
}

/**
 * The corners of the rectangle that a PDF's `re` becomes in pdf.js (moveTo, three lineTo
 * round an axis-aligned box, closePath) starting at `i`, or null.
 */
function rectangleAt(data, i) {
  if (data.length < i + 15 || data[i + 3] !== LINE_TO || data[i + 6] !== LINE_TO
    || data[i + 9] !== LINE_TO || data[i + 12] !== CLOSE) return null;
  const [x0, y0, x1, y1] = [data[i + 1], data[i + 2], data[i + 7], data[i + 8]];
  const box = data[i + 4] === x1 && data[i + 5] === y0 && data[i + 10] === x0 && data[i + 11] === y1;
  return box ? [x0, y0, x1, y1] : null;
}

/** A thin rectangle is a line; a larger one (a cell drawn as a box) is its four edges. */
function edges([x0, y0], [x1, y1], rule) {
  const [w, h] = [Math.abs(x1 - x0), Math.abs(y1 - y0)];
  if (h <= 2) {
    rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  } else if (w <= 2) {
    rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
  } else {
    rule(x0, y0, x1, y0);
    rule(x0, y1, x1, y1);
    rule(x0, y0, x0, y1);
    rule(x1, y0, x1, y1);
  }
}
