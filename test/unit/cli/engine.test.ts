/**
 * The V8 flags the CLI sets for its batch runs (src/cli/engine.ts). v8.setFlagsFromString ignores a
 * flag it does not know, so a Node without one of them would silently run untuned: node's command
 * line refuses unknown flags, and `node --v8-options` gives the defaults they change.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_FLAGS, tuneEngineForBatch } from "../../../src/cli/engine";

describe("the engine's flags for a batch run", () => {
  it("are flags this Node accepts", () => {
    const r = spawnSync(process.execPath, [...BATCH_FLAGS, "-e", "process.stdout.write('ok')"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect([r.status, r.stdout]).toEqual([0, "ok"]);
    expect(spawnSync(process.execPath, ["--interrupt-budgett=1", "-e", "0"]).status).not.toBe(0);
  });

  it("raise the interrupt budget threefold and turn off concurrent on-stack replacement, which V8 has on", () => {
    const options = spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" }).stdout;
    const budget = Number(/default: --interrupt-budget=(\d+)/.exec(options)?.[1]);
    expect(BATCH_FLAGS).toContain(`--interrupt-budget=${3 * budget}`);
    expect(options).toMatch(/--concurrent-osr \(enable concurrent OSR\)\s+type: bool {2}default: --concurrent-osr/);
    expect(BATCH_FLAGS).toContain("--no-concurrent-osr");
  });

  it("hold the collector's flag, so a code cache written after a long run is used by the next run", () => {
    // A run as ./memory makes it in a long command: the cache is written after --expose-gc was set.
    const dir = mkdtempSync(join(tmpdir(), "msoko-engine-"));
    try {
      const cache = join(dir, "cache.bin");
      const run = (after: string) =>
        spawnSync(
          process.execPath,
          [
            "-e",
            [
              'const { setFlagsFromString } = require("node:v8");',
              'const { Script } = require("node:vm");',
              'const { existsSync, readFileSync, writeFileSync } = require("node:fs");',
              `for (const flag of ${JSON.stringify(BATCH_FLAGS)}) setFlagsFromString(flag);`,
              `const file = ${JSON.stringify(cache)};`,
              "const cachedData = existsSync(file) ? readFileSync(file) : undefined;",
              'const script = new Script("(function () { return [1, 2, 3].map((x) => x * 2); })", { cachedData });',
              "script.runInThisContext()();",
              after,
            ].join("\n"),
          ],
          { encoding: "utf8" },
        );
      const first = run('setFlagsFromString("--expose-gc"); writeFileSync(file, script.createCachedData());');
      expect([first.status, first.stderr]).toEqual([0, ""]);
      expect(run("process.stdout.write(String(script.cachedDataRejected))").stdout).toBe("false");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are set once, however often commands are loaded", () => {
    expect(() => {
      tuneEngineForBatch();
      tuneEngineForBatch();
    }).not.toThrow();
  });
});
