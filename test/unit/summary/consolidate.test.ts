import { describe, expect, it } from "vitest";
import type { SchoolReport } from "../../../src/core/model";
import { consolidate } from "../../../src/summary/model/consolidate";

const report = (login: string, year: number): SchoolReport => ({
  passport: { login, name: `ОО ${login}`, type: "СОШ", location: "село", contingent: [] },
  results: [
    {
      procedure: "ВПР",
      year,
      grade: 4,
      className: "",
      subject: "Математика",
      participants: 1,
      marks: { n5: 1, n4: 0, n3: 0, n2: 0 },
      source: "form",
    },
  ],
  participants: [],
  tasks: [],
  directions: {},
  cycle: [],
  findings: [],
});
const err = {
  severity: "error" as const,
  rule: "sum.marks",
  sheet: "Результаты",
  cell: "F7",
  message: "Сумма отметок не равна числу участников.",
};

describe("consolidation of school forms", () => {
  it("keeps one form per login: the newer by file date, else by data year, else the later file", () => {
    const c = consolidate([
      { file: "a.xlsx", modified: "2026-05-01", report: report("sch1", 2026), findings: [] },
      { file: "b.xlsx", modified: "2026-06-01", report: report("SCH1", 2025), findings: [] },
      { file: "c.xlsx", report: report("sch2", 2026), findings: [] },
      { file: "d.xlsx", report: report("sch2", 2025), findings: [] },
      { file: "e.xlsx", report: report("sch3", 2026), findings: [err] },
      { file: "f.xlsx", report: null, findings: [{ ...err, rule: "file.unreadable", sheet: "", cell: "" }] },
    ]);
    expect(c.schools.map((s) => s.passport.login)).toEqual(["SCH1", "sch2", "sch3"]);
    expect(c.files.map((f) => f.state)).toEqual([
      "duplicate",
      "included",
      "included",
      "duplicate",
      "includedWithErrors",
      "unreadable",
    ]);
    expect(c.files[0].keptFile).toBe("b.xlsx");
    expect(c.files[3].keptFile).toBe("c.xlsx");
    expect(c.files[4]).toMatchObject({ errors: 1, warnings: 0 });
  });
  it("an empty input gives an empty consolidation", () => {
    expect(consolidate([])).toEqual({ schools: [], files: [] });
  });
});
