/**
 * Issue 22, item 8: every command that reads files (validate, summarize, analyze, school-report,
 * import-fisoko) on every file of the hostile2 corpus, in a child process under
 * `--max-old-space-size=512` with a per-case time limit: no crash, no hang, no English message,
 * no input changed, every message names the file.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS } from "../../fixtures/hostile2/generate";

const RUNNER = join(__dirname, "corpus-runner.ts");
/** Words of exceljs/Node internals that must never reach a user. */
const ENGLISH = /\b(?:Cannot|undefined|Invalid|exceeded|unexpected|Error:|attribute|Maximum|Infinity)\b/;

interface Case {
  file: string;
  outcome: string;
  changed: boolean;
  messages: string[];
}

describe("every command on the hostile2 corpus, 512 MB heap, per-case time limit", () => {
  for (const command of ["validate", "summarize", "analyze", "school-report", "import-fisoko"]) {
    it(
      command,
      () => {
        const out = execFileSync(
          process.execPath,
          ["--max-old-space-size=512", "--import", "tsx", RUNNER, command, "20000"],
          { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
        );
        const cases = out
          .trim()
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => JSON.parse(l) as Case);
        expect(cases.map((c) => c.file)).toEqual(CORPUS.map((f) => f.file));
        for (const c of cases) {
          const where = `${command} ${c.file}`;
          expect(c.outcome, where).toMatch(/^[0-2]$/);
          expect(c.changed, where).toBe(false);
          const text = c.messages.join("\n");
          expect(text, where).not.toMatch(ENGLISH);
          expect(text, where).toContain(c.file);
        }
      },
      130_000,
    );
  }
});
