import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { run as validateCli } from "../../../src/cli/commands/validate";
import type { Finding } from "../../../src/core/model";

const DIR = join(__dirname, "../../fixtures/forms");
const CASES = readdirSync(DIR).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, "")).sort();

interface Expected {
  rule: string;
  sheet: string;
  cell: string;
  severity?: string;
  messageIncludes?: string;
}

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;

describe("broken-forms corpus", () => {
  it("has at least 30 broken forms", () => {
    expect(CASES.filter((c) => c !== "valid").length).toBeGreaterThanOrEqual(30);
  });

  for (const name of CASES) {
    it(`${name}: yields its expected findings and leaves the file unchanged`, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as {
        errors: Expected[];
        present: Expected[];
        reportNull?: boolean;
        unreadable?: boolean;
      };
      const path = join(DIR, `${name}.xlsx`);
      const before = readFileSync(path);
      const io = memoryIo();
      const code = await validateCli([path, "--json"], io);
      if (expected.unreadable) {
        expect(code).toBe(2);
        expect(JSON.parse(io.stdout.join("\n")).unreadable).toContain("не является книгой Excel");
      } else {
        const out = JSON.parse(io.stdout.join("\n")) as { findings: Finding[]; school: unknown };
        const findings = out.findings;
        const report = out.school;
        const errors = findings.filter((f) => f.severity === "error").map(key).sort();
        expect(errors).toEqual(expected.errors.map(key).sort());
        for (const p of expected.present) {
          const hit = findings.find((f) => key(f) === key(p) && (!p.severity || f.severity === p.severity));
          expect(hit, `${key(p)} in ${findings.map(key).join("; ")}`).toBeDefined();
          if (p.messageIncludes) expect(hit!.message).toContain(p.messageIncludes);
        }
        for (const f of findings) expect(f.message.length).toBeGreaterThan(10);
        expect(report === null).toBe(expected.reportNull === true);
        expect(code).toBe(expected.errors.length > 0 ? 1 : 0);
      }
      expect(readFileSync(path).equals(before)).toBe(true);
    });
  }
});
