/**
 * The V8 flags the CLI sets for its batch runs (src/cli/engine.ts). v8.setFlagsFromString ignores a
 * flag it does not know, so a Node without one of them would silently run untuned: node's command
 * line refuses unknown flags, and `node --v8-options` gives the defaults they change.
 */
import { spawnSync } from "node:child_process";
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

  it("are set once, however often commands are loaded", () => {
    expect(() => {
      tuneEngineForBatch();
      tuneEngineForBatch();
    }).not.toThrow();
  });
});
