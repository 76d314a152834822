/**
 * Issue 22, item 8: every command that reads files (validate, summarize, analyze, school-report,
 * import-fisoko) on every file of the hostile2 corpus, in a child process under
 * `--max-old-space-size=512` with a per-case time limit: no crash, no hang, no English message,
 * no input changed, every message names the file.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CORPUS } from "../../fixtures/hostile2/generate";

const RUNNER = join(__dirname, "corpus-runner.ts");
/** Words of exceljs/Node internals that must never reach a user. */
const ENGLISH = /\b(?:Cannot|undefined|Invalid|exceeded|unexpected|Error:|attribute|Maximum|Infinity)\b/;

interface Case {
  command: string;
  file: string;
  outcome: string;
  changed: boolean;
  messages: string[];
}

const COMMANDS = ["validate", "summarize", "analyze", "school-report", "import-fisoko"];

describe("every command on the hostile2 corpus, 512 MB heap, per-case time limit", () => {
  // One child process for all the commands (see corpus-runner.ts); a crash ends its output early, and
  // the commands it did not reach fail below with their cases missing.
  let cases: Case[] = [];
  beforeAll(() => {
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        ["--max-old-space-size=512", "--import", "tsx", RUNNER, COMMANDS.join(","), "20000"],
        { encoding: "utf8", timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? "");
    }
    cases = out
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Case);
  }, 310_000);

  for (const command of COMMANDS) {
    it(command, () => {
      const mine = cases.filter((c) => c.command === command);
      expect(mine.map((c) => c.file)).toEqual(CORPUS.map((f) => f.file));
      for (const c of mine) {
        const where = `${command} ${c.file}`;
        expect(c.outcome, where).toMatch(/^[0-2]$/);
        expect(c.changed, where).toBe(false);
        const text = c.messages.join("\n");
        expect(text, where).not.toMatch(ENGLISH);
        expect(text, where).toContain(c.file);
      }
    });
  }
});
