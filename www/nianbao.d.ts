// TypeScript declarations of nianbao's JS API: `window.nianbao` on the app's pages, and the
// exports of `nianbao.js` for host pages. `check` returns the object of one line of
// `nianbao check --format json` (CONTRACT.md), without `file`.

/** Cells and table rows use the keys of CONTRACT.md, e.g. `requests` / `new` / `natural`. */
export type TableKey = "active" | "requests" | "review_litigation";

/** A table as `{row: {col: value}}`; `null` is a blank or unreadable cell (never 0). */
export type Table = Record<string, Record<string, number | null>>;

export type Severity = "error" | "warning" | "info";

export interface CellRef {
  table: TableKey;
  row: string;
  col: string;
}

export interface Finding {
  /** Stable rule id, the same in every language: `requests.balance`, `narrative.mismatch`… */
  rule: string;
  severity: Severity;
  /** Chinese, with the expected and the found value. */
  message: string;
  /** The table cells the finding is about (may be empty). */
  cells: CellRef[];
  /** 1-based line in the checked text. */
  line: number | null;
  /**
   * Where in the checked text the finding points (its first cell, or the number a sentence
   * states), in UTF-16 code units: `text.slice(span.start, span.end)`.
   */
  span: { start: number; end: number } | null;
}

export interface Report {
  template: "2019" | "2021" | null;
  report_year: number | null;
  agency: string | null;
  /** 统计期限 as ISO dates, with its line. */
  period: { start: string; end: string; line: number } | null;
  /** The date line at the end of the report. */
  published: { date: string; line: number } | null;
  sections: { number: number; title: string; line: number }[];
  tables: {
    active: Table | null;
    requests: Table | null;
    review_litigation: Table | null;
  };
  /** How surely each table was read; `partial`/`unreadable` cells were left out of the checks. */
  reading: {
    active: TableReading;
    requests: TableReading;
    review_litigation: TableReading;
  };
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
  /**
   * `failed` with any error; `unsure` (未能可靠读取) with no error but part of a table not read
   * reliably; `passed` otherwise.
   */
  verdict: Verdict;
}

export type Verdict = "passed" | "failed" | "unsure";

/**
 * `read` as printed; `reconstructed` through the table's own sums (numbers run together or cut
 * by a line break, with one reading only); `partial` some rows not read reliably; `unreadable`
 * found but no number read; `missing` not found.
 */
export type TableReading = "read" | "reconstructed" | "partial" | "unreadable" | "missing";

export interface CheckOptions {
  /** The report year, instead of the one in the title. */
  year?: number;
  /** 部门 (due 31 Jan) or 本级人民政府 (due 31 Mar), instead of the guess from the agency name. */
  kind?: "department" | "government";
  /**
   * Last year's report (its text), for the cross-year checks `crossyear.*`: their findings are
   * in this report's `findings` and name this report's cells.
   */
  previous?: string;
}

/** What `mount`'s callback and the `nianbao-result` event of `<nianbao-checker>` carry. */
export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  template: "2019" | "2021" | null;
  report_year: number | null;
  agency: string | null;
  verdict: Verdict;
}

export interface MountOptions {
  /** Only the paste area, the summary and the findings. */
  compact?: boolean;
  /** Text to check at once. */
  value?: string;
}

/** Checks report text. Throws a string for invalid options; never for any text. */
export function check(text: string, options?: CheckOptions): Report;

/** What `checkHtml` returns: the report, and the page's text its lines and spans point into. */
export interface HtmlReport extends Report {
  /** The page laid out as text: paragraphs one per line, table rows with tab-separated cells. */
  text: string;
}

/**
 * Checks an HTML page or clipboard HTML (`text/html` from a browser, Word or WPS): its tables
 * are read from their cells (`colspan`/`rowspan` honoured), so cells never run together.
 */
export function checkHtml(html: string, options?: CheckOptions): HtmlReport;

/** Renders an independent checker into `element` (also inside a shadow root). */
export function mount(
  element: Element,
  options?: MountOptions,
  onResult?: (summary: CheckSummary) => void,
): void;

declare global {
  interface Window {
    nianbao?: { check: typeof check; checkHtml: typeof checkHtml; mount: typeof mount };
  }
  interface HTMLElementEventMap {
    "nianbao-result": CustomEvent<CheckSummary>;
  }
  /** `<nianbao-checker compact value="…">` from `nianbao.js`. */
  interface HTMLElementTagNameMap {
    "nianbao-checker": HTMLElement;
  }
}
