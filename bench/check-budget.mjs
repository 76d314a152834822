#!/usr/bin/env node
/**
 * Checks the bundle budget after a build: `node bench/check-budget.mjs [dist]`.
 * Exit codes: 0 — within budget; 1 — over budget; 2 — no build in dist/ (run `npm run build`).
 * Needs no bench dependencies, so the test pipeline can call it right after webpack.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { kb, measureBundles, overBudget } from "./budget.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = resolve(process.argv[2] ?? join(root, "dist"));
const m = measureBundles(dist);
if (!m) {
  console.error(`В папке ${dist} нет сборки (functions.js и taskpane.js). Сначала выполните npm run build.`);
  process.exit(2);
}
for (const [name, b] of Object.entries(m)) {
  console.log(`${name}: ${kb(b.gzip)} КБ gzip из ${kb(b.budget)} КБ (${b.files.join(", ")})`);
}
const over = overBudget(m);
for (const line of over) console.error(line);
process.exit(over.length ? 1 : 0);
