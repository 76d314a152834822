import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { run as validateCli } from "../../../src/cli/commands/validate";
import type { Finding } from "../../../src/core/model";

const DIR = join(__dirname, "../../fixtures/forms");
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

interface Expected {
  rule: string;
  sheet: string;
  cell: string;
  severity?: string;
  messageIncludes?: string;
}

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;

describe("one mistake, one message", () => {
  it("a renamed key column gives one error naming the column, and no row is checked on it", async () => {
    const io = memoryIo();
    await validateCli([join(DIR, "renamed-key-column.xlsx"), "--json"], io);
    const { findings } = JSON.parse(io.stdout.join("\n")) as { findings: Finding[] };
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe("На листе нет обязательного столбца «Год».");
    expect(findings.filter((f) => f.rule.startsWith("duplicate."))).toEqual([]);
  });

  it("a summary book is named as such, with none of its sheets read as a form", async () => {
    const io = memoryIo();
    const code = await validateCli([join(DIR, "summary-book.xlsx"), "--json"], io);
    const { findings, school } = JSON.parse(io.stdout.join("\n")) as { findings: Finding[]; school: unknown };
    expect(code).toBe(1);
    expect(school).toBeNull();
    expect(findings.map((f) => f.rule)).toEqual(["book.summary"]);
    expect(findings[0].message).toContain("«summary-book.xlsx» — муниципальный свод");
  });
});

describe("a ФИС ОКО export given as a form", () => {
  it("is named as an export in one finding", async () => {
    const io = memoryIo();
    const file = join(__dirname, "../../fixtures/fisoko/xlsx/ВПР-2025-русский-4-муниципалитет.xlsx");
    const code = await validateCli([file, "--json"], io);
    const { findings } = JSON.parse(io.stdout.join("\n")) as { findings: Finding[] };
    expect(code).toBe(1);
    expect(findings.map((f) => f.rule)).toEqual(["book.fisoko"]);
    expect(findings[0].message).toBe(
      "Файл «ВПР-2025-русский-4-муниципалитет.xlsx» — выгрузка ФИС ОКО, а не форма ОО; как форма он не проверяется.",
    );
  });
});

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
        const errors = findings
          .filter((f) => f.severity === "error")
          .map(key)
          .sort();
        expect(errors).toEqual(expected.errors.map(key).sort());
        for (const p of expected.present) {
          const hit = findings.find((f) => key(f) === key(p) && (!p.severity || f.severity === p.severity));
          expect(hit, `${key(p)} in ${findings.map(key).join("; ")}`).toBeDefined();
          if (p.messageIncludes) expect(hit!.message).toContain(p.messageIncludes);
        }
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(10);
          // A value that was never there must not leak into the text a school reads.
          expect(`${f.message} ${f.hint ?? ""}`, `${key(f)}`).not.toMatch(/undefined|NaN|\[object|\bnull\b|Infinity/);
        }
        expect(report === null).toBe(expected.reportNull === true);
        expect(code).toBe(expected.errors.length > 0 ? 1 : 0);
      }
      expect(readFileSync(path).equals(before)).toBe(true);
    });
  }
});
