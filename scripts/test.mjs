// `npm test`: everything a change must pass — type check, lint, production build, bundle and manifest
// checks, unit tests, browser end-to-end tests — aiming at 3 minutes on 2 idle cores, ending with one line
// `N passed, M failed` (`, K skipped` when any) over the unit and browser tests.
//
// Why a scheduler instead of a list: most steps are single-threaded (tsc, ESLint, webpack's JS side) or
// wait on a browser, so two of them at a time keep both cores busy. Prerequisites form a graph; among the
// steps that may start, the list order below is the priority (long steps first):
// - the unit tests start at once (after the 1-second CLI build) and run beside everything else: they are
//   the longest step. Their one test that measures dist/ (the bundle budget) is told to skip
//   (MSOKO_TEST_NO_DIST=1), because webpack empties dist/ while it emits; the «budget» step measures the
//   finished build instead;
// - a step whose prerequisite failed is not started (no browser tests of a build that failed);
// - every other step runs even after a failure, so the closing line counts every test that could run.
// Parallel steps' output is held back and printed whole when the step ends (no interleaved lines), each
// with its time. A failed step that is not a test runner (type check, lint, build, checks) counts as one
// failure in the closing line, so the line never reads «0 failed» for a run that failed.
//
// MSOKO_TEST_JOBS=N changes how many steps run at once (default 2).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const JOBS = Math.max(1, Number(process.env.MSOKO_TEST_JOBS) || 2);
const results = mkdtempSync(join(tmpdir(), "msoko-test-"));
const VITEST_JSON = join(results, "vitest.json");
const E2E_JSON = join(results, "e2e.json");
const bin = (name) => join("node_modules", ".bin", name);

/**
 * The steps. `after`: steps that must have passed first. `count`: how to read the step's test counts
 * ({ passed, failed, skipped }) once it ended; steps without it are single checks.
 */
const steps = [
  { id: "build", title: "Сборка", cmd: bin("webpack"), args: ["--mode", "production"] },
  // The built CLI (dist-cli/): the unit tests that start `msoko` as a process then run the bundle, not tsx.
  { id: "cli", title: "Сборка командной строки", cmd: "node", args: ["scripts/build-cli.mjs"] },
  {
    id: "unit",
    title: "Модульные тесты",
    cmd: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    after: ["cli"],
    env: { MSOKO_TEST_NO_DIST: "1" },
    count: unitCounts,
  },
  // The browser tests start right after the build: they mostly wait on chromium, so they overlap well.
  existsSync("test/e2e/run.mjs") && {
    id: "e2e",
    title: "Тесты в браузере",
    cmd: "node",
    args: ["test/e2e/run.mjs"],
    env: { MSOKO_E2E_RESULT: E2E_JSON },
    after: ["build"],
    count: e2eCounts,
  },
  { id: "types", title: "Проверка типов", cmd: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { id: "lint", title: "Линтер", cmd: "npm", args: ["run", "-s", "lint"] },
  { id: "budget", title: "Бюджет размера сборки", cmd: "node", args: ["bench/check-budget.mjs"], after: ["build"] },
  existsSync("scripts/check-syntax.mjs") && {
    id: "syntax",
    title: "Синтаксис сборки для старых webview",
    cmd: "node",
    args: ["scripts/check-syntax.mjs"],
    after: ["build"],
  },
  { id: "manifest", title: "Проверка манифеста", cmd: "node", args: ["scripts/check-manifest.mjs"], after: ["build"] },
].filter(Boolean);

/** Vitest's JSON report; a test file that failed to load has no failed test in it, so it counts as one. */
function unitCounts() {
  const r = readJson(VITEST_JSON);
  if (!r) return null;
  const brokenFiles = r.testResults.filter(
    (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function e2eCounts() {
  const r = readJson(E2E_JSON);
  return r && { passed: r.passed, failed: r.failed, skipped: 0 };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1).replace(".", ",")} с`;

/** Runs one step with its output captured; resolves with the exit code and the output. */
function run(step) {
  return new Promise((resolve) => {
    // Output goes through a pipe: colours only when our own output is a terminal. (Any FORCE_COLOR,
    // even "0", switches colours on in some tools, so it is removed rather than set to 0.)
    const env = { ...process.env, ...step.env };
    if (process.stdout.isTTY) env.FORCE_COLOR = "1";
    else delete env.FORCE_COLOR;
    const child = spawn(step.cmd, step.args, {
      env,
      shell: process.platform === "win32",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", (e) => resolve({ code: -1, output: `Не удалось запустить ${step.cmd}: ${e.message}\n` }));
    child.on("close", (code, signal) =>
      resolve({ code: code ?? signal, output: Buffer.concat(chunks).toString("utf8") }),
    );
  });
}

const started = Date.now();
const state = new Map(steps.map((s) => [s.id, "waiting"])); // waiting | running | passed | failed | skipped
const times = new Map();
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Steps whose prerequisites all passed (startable), and those that can never start. */
function ready() {
  return steps.filter((s) => state.get(s.id) === "waiting" && (s.after ?? []).every((d) => state.get(d) === "passed"));
}
function blocked() {
  return steps.filter(
    (s) => state.get(s.id) === "waiting" && (s.after ?? []).some((d) => ["failed", "skipped"].includes(state.get(d))),
  );
}

async function runStep(step) {
  state.set(step.id, "running");
  console.log(`▶ ${step.title}: ${[step.cmd, ...step.args].join(" ")}`);
  const t0 = Date.now();
  const { code, output } = await run(step);
  const ms = Date.now() - t0;
  times.set(step.id, ms);
  const counts = step.count?.();
  const ok = code === 0;
  state.set(step.id, ok ? "passed" : "failed");
  console.log(`\n── ${step.title} ${"─".repeat(Math.max(0, 60 - step.title.length))}`);
  process.stdout.write(output.endsWith("\n") || output === "" ? output : output + "\n");
  console.log(ok ? `✔ ${step.title}: ${seconds(ms)}` : `✖ ${step.title}: ошибка (код ${code}), ${seconds(ms)}`);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    // A runner that failed without a failed test (a crash, a timeout of the whole run) is one failure.
    if (!ok && counts.failed === 0) totals.failed++;
  } else if (!ok) {
    totals.failed++;
  }
}

const running = new Set();
for (;;) {
  for (const s of blocked()) {
    state.set(s.id, "skipped");
    console.log(
      `⏭ ${s.title}: не запущен — не прошёл шаг «${steps.find((d) => (s.after ?? []).includes(d.id) && state.get(d.id) !== "passed").title}»`,
    );
  }
  for (const s of ready()) {
    if (running.size >= JOBS) break;
    const p = runStep(s).then(() => running.delete(p));
    running.add(p);
  }
  if (running.size === 0) break;
  await Promise.race(running);
}
rmSync(results, { recursive: true, force: true });

console.log("\nВремя шагов:");
for (const s of steps) {
  const t = times.get(s.id);
  const mark = { passed: "✔", failed: "✖", skipped: "⏭" }[state.get(s.id)];
  console.log(`  ${mark} ${s.title}: ${t === undefined ? "не запущен" : seconds(t)}`);
}
const failedSteps = steps.filter((s) => state.get(s.id) !== "passed");
console.log(
  `Всего: ${seconds(Date.now() - started)}${failedSteps.length ? ` · не прошли: ${failedSteps.map((s) => `«${s.title}»`).join(", ")}` : ""}`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedSteps.length === 0 && totals.failed === 0 ? 0 : 1);
