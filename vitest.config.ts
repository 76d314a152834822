// Unit tests (test/unit). Settings chosen for `npm test` on 2 cores:
// - `isolate: false`: test files share one module cache per worker instead of re-importing the whole
//   core, exceljs and React for every file; measured on this machine it halves the CPU time of the
//   suite (378 s → 179 s). It requires what the tests already do: module state that a test changes
//   (the functions' profile and reporting date) is reset in afterEach; no vi.mock, no fake timers.
// - threads, two workers: the browser tests beside this step mostly wait on chromium, and a single
//   worker left one of the two cores idle for most of the run.
// - the slowest files first: without vitest's duration cache (a fresh clone, CI) it starts the largest
//   files first, and the slowest tests are small files that then ran last, one worker busy, the other
//   idle. SLOW_FIRST lists them (measured, slowest first); vitest's cache orders the rest.
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

const SLOW_FIRST = [
  "test/unit/host/summary500.test.ts",
  "test/unit/hostile/linear-scan.test.ts",
  "test/unit/host/limits.test.ts",
  "test/unit/summary/print.test.ts",
  "test/unit/hostile/corpus-commands.test.ts",
  "test/unit/hostile/one-bad-form.test.ts",
  "test/unit/summary/cli.test.ts",
  "test/unit/sample/quality.test.ts",
  "test/unit/school/outputs-scan.test.ts",
  "test/unit/school/regulations.test.ts",
  "test/unit/hostile/book-budget.test.ts",
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((p) => f.moduleId.replace(/\\/g, "/").endsWith(p));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/unit/**/*.test.tsx"],
    environment: "node",
    testTimeout: 60_000,
    pool: "threads",
    maxWorkers: 2,
    isolate: false,
    sequence: { sequencer: SlowFirst },
  },
});
