/**
 * Bundle budget (issue «Benchmarks», case 5): gzip sizes of the custom-functions bundle and of the
 * pane bundle, against fixed budgets. Shared by `npm run bench`, `bench/check-budget.mjs` and the
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
};

/** Entry bundles that are not the pane: the functions runtime and the development preview. */
const NOT_PANE = new Set(["functions.js", "preview.js"]);

export function gzipSize(file) {
  return gzipSync(readFileSync(file)).length;
}

/**
 * Measures dist/: functions = functions.js; pane = taskpane.js plus every other script webpack
 * emitted (async chunks and shared vendor chunks), except functions.js and preview.js.
 * Returns null when dist/ has no build.
 */
export function measureBundles(distDir) {
  if (!existsSync(join(distDir, "functions.js")) || !existsSync(join(distDir, "taskpane.js"))) return null;
  const scripts = readdirSync(distDir).filter((f) => f.endsWith(".js"));
  const paneFiles = scripts.filter((f) => !NOT_PANE.has(f)).sort();
  const pane = paneFiles.reduce((sum, f) => sum + gzipSize(join(distDir, f)), 0);
  return {
    functions: { files: ["functions.js"], gzip: gzipSize(join(distDir, "functions.js")), budget: BUDGETS.functions },
    pane: { files: paneFiles, gzip: pane, budget: BUDGETS.pane },
  };
}

/** Russian lines for every bundle over its budget (empty when all fit). */
export function overBudget(m) {
  const out = [];
  for (const [name, b] of Object.entries(m)) {
    if (b.gzip > b.budget) {
      out.push(`Бандл «${name}» (${b.files.join(", ")}): ${kb(b.gzip)} КБ gzip — больше бюджета ${kb(b.budget)} КБ на ${kb(b.gzip - b.budget)} КБ.`);
    }
  }
  return out;
}

export function kb(bytes) {
  return (bytes / 1024).toFixed(1).replace(".", ",");
}
