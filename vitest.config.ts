// Unit tests (test/unit). Settings chosen for `npm test` on 2 cores:
// - `isolate: false`: test files share one module cache per worker instead of re-importing the whole
//   core, exceljs and React for every file; measured on this machine it halves the CPU time of the
//   suite (378 s → 179 s). It requires what the tests already do: module state that a test changes
//   (the functions' profile and reporting date) is reset in afterEach; no vi.mock, no fake timers.
// - threads, two workers: the browser tests beside this step mostly wait on chromium, and a single
//   worker left one of the two cores idle for most of the run.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/unit/**/*.test.tsx"],
    environment: "node",
    testTimeout: 60_000,
    pool: "threads",
    maxWorkers: 2,
    isolate: false,
  },
});
