/**
 * Enforces the bundle budget (functions < 100 KB, pane < 400 KB gzip) when dist/ holds a build.
 * In `npm test` the unit tests run beside the build, so the budget is checked after the build by
 * `node bench/check-budget.mjs`; here a missing build skips with a message, never fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUDGETS, measureBundles, overBudget } from "../../../bench/budget.mjs";

const dist = resolve(__dirname, "../../../dist");
// `npm test` builds while the unit tests run (webpack empties dist/ as it emits), so it sets
// MSOKO_TEST_NO_DIST=1 here and measures the finished build in its «budget» step instead.
const noDist = process.env.MSOKO_TEST_NO_DIST === "1";
const sizes = noDist ? null : measureBundles(dist);

describe("bundle budget", () => {
  it.skipIf(sizes === null)("dist/functions.js and the pane bundle fit their gzip budgets", () => {
    expect(overBudget(sizes!)).toEqual([]);
  });

  it.runIf(sizes === null && !noDist)(
    "no build in dist/: the budget is checked by bench/check-budget.mjs after npm run build",
    () => {
      console.warn(
        "Бюджет бандлов не проверен: в dist/ нет сборки. После npm run build выполните node bench/check-budget.mjs.",
      );
    },
  );
});

describe("bundle measurement", () => {
  const dir = mkdtempSync(join(tmpdir(), "msoko-budget-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts everything taskpane.html loads (functions.js too) and other chunks as the pane, not preview.js or the on-demand chunks", () => {
    expect(measureBundles(dir)).toBeNull();
    writeFileSync(join(dir, "functions.js"), "f");
    writeFileSync(join(dir, "taskpane.js"), "t");
    writeFileSync(join(dir, "preview.js"), "p");
    writeFileSync(join(dir, "512.js"), "c");
    writeFileSync(join(dir, "exceljs.js"), "x");
    writeFileSync(join(dir, "sample.js"), "s");
    writeFileSync(join(dir, "page.css"), "html{}");
    writeFileSync(
      join(dir, "taskpane.html"),
      '<html><head><link rel="stylesheet" href="page.css"/><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>' +
        '<body><script defer src="functions.js"></script><script defer src="taskpane.js"></script></body></html>',
    );
    const m = measureBundles(dir)!;
    expect(m.functions.files).toEqual(["functions.js"]);
    expect(m.pane.files).toEqual(["512.js", "functions.js", "page.css", "taskpane.html", "taskpane.js"]);
    expect(m.lazy.files).toEqual(["exceljs.js", "sample.js"]);
    expect(m.pane.budget).toBe(400 * 1024);
    expect(overBudget(m)).toEqual([]);
  });

  it("reports a bundle over budget in Russian with its size and excess", () => {
    const over = overBudget({
      functions: { files: ["functions.js"], gzip: BUDGETS.functions + 2048, budget: BUDGETS.functions },
      pane: { files: ["taskpane.js"], gzip: 10, budget: BUDGETS.pane },
      lazy: { files: ["exceljs.js"], gzip: 10, budget: BUDGETS.lazy },
    });
    expect(over).toEqual(["Бандл «functions» (functions.js): 102,0 КБ gzip — больше бюджета 100,0 КБ на 2,0 КБ."]);
  });
});
