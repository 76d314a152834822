/**
 * Bundle budget (issue «Benchmarks», case 5): gzip sizes of the custom-functions bundle and of what
 * the pane loads at start, against fixed budgets. Shared by `npm run bench`, `bench/check-budget.mjs` and the
 * unit test test/unit/aggregate/bundle-budget.test.ts, so the three can never disagree.
 * Node only (fs, zlib); no dependencies.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Budgets in bytes of gzip (zlib default level, as a web server sends it). */
export const BUDGETS = {
  functions: 100 * 1024,
  pane: 400 * 1024,
  /** Chunks fetched only on demand (see LAZY): not part of opening the pane. */
  lazy: 400 * 1024,
};

/** The development preview's entry: never loaded by the pane. */
const NOT_PANE = new Set(["preview.js"]);

/**
 * Chunks the pane loads only when needed, via import(): the preview's sample generator, exceljs as
 * the fallback reader for webviews without DecompressionStream (src/xlsx/browser.ts), and the code
 * that builds and writes the municipal summary.
 */
const LAZY = new Set(["sample.js", "exceljs.js", "summary.js"]);

export function gzipSize(file) {
  return gzipSync(readFileSync(file)).length;
}

/** Local files a page loads at start: its <script src> and stylesheets (not office.js from the CDN). */
export function loadedBy(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/gi)) {
    const href = /\bhref="([^"]+)"/i.exec(m[0]);
    if (href) out.push(href[1]);
  }
  return out.filter((u) => !/^[a-z]+:|^\/\//i.test(u)).map((u) => u.replace(/^\.?\//, "").split(/[?#]/)[0]);
}

/**
 * Measures dist/: functions = functions.js; pane = everything taskpane.html loads at start — the
 * page, its stylesheet, functions.js (the pane shares its modules) and taskpane.js — plus any other
 * script webpack emitted except preview.js and the on-demand chunks, which are measured apart
 * (lazy). Returns null when dist/ has no build.
 */
export function measureBundles(distDir) {
  if (!existsSync(join(distDir, "functions.js")) || !existsSync(join(distDir, "taskpane.js"))) return null;
  const scripts = readdirSync(distDir).filter((f) => f.endsWith(".js"));
  const sum = (files) => files.reduce((n, f) => n + gzipSize(join(distDir, f)), 0);
  const page = join(distDir, "taskpane.html");
  const pageFiles = existsSync(page)
    ? ["taskpane.html", ...loadedBy(readFileSync(page, "utf8"))].filter((f) => existsSync(join(distDir, f)))
    : [];
  const paneFiles = [...new Set([...pageFiles, ...scripts.filter((f) => !NOT_PANE.has(f) && !LAZY.has(f))])].sort();
  const lazyFiles = scripts.filter((f) => LAZY.has(f)).sort();
  return {
    functions: { files: ["functions.js"], gzip: gzipSize(join(distDir, "functions.js")), budget: BUDGETS.functions },
    pane: { files: paneFiles, gzip: sum(paneFiles), budget: BUDGETS.pane },
    lazy: { files: lazyFiles, gzip: sum(lazyFiles), budget: BUDGETS.lazy },
  };
}

/** Russian lines for every bundle over its budget (empty when all fit). */
export function overBudget(m) {
  const out = [];
  for (const [name, b] of Object.entries(m)) {
    if (b.gzip > b.budget) {
      out.push(
        `Бандл «${name}» (${b.files.join(", ")}): ${kb(b.gzip)} КБ gzip — больше бюджета ${kb(b.budget)} КБ на ${kb(b.gzip - b.budget)} КБ.`,
      );
    }
  }
  return out;
}

export function kb(bytes) {
  return (bytes / 1024).toFixed(1).replace(".", ",");
}
