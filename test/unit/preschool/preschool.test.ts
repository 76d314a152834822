import { describe, expect, it } from "vitest";
import { DIRECTION_INDICATORS, schoolIndicator } from "../../../src/core/directions";
import type { PreschoolGroupRow, SchoolReport } from "../../../src/core/model";
import { MKDO_AREAS, municipalPreschool, schoolPreschool } from "../../../src/core/preschool";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { fillForm, templateOps, validateWorkbook } from "../../../src/form";
import { MemoryWorkbook } from "../../../src/host/memory";
import { kindergartenReport } from "../../../src/sample/kindergarten";
import { preschoolTable } from "../../../src/summary/model/preschool-table";

const ALL = Object.fromEntries(MKDO_AREAS.map((a) => [a.id, null])) as Record<string, number | null>;
const group = (group: string, levels: Record<string, number>, year = 2026): PreschoolGroupRow => ({
  year,
  group,
  children: 20,
  levels: { ...ALL, ...levels },
});
/** Every one of the 9 areas at `level`. */
const every = (level: number) => Object.fromEntries(MKDO_AREAS.map((a) => [a.id, level]));

function kindergarten(login: string, groups: PreschoolGroupRow[]): SchoolReport {
  return {
    passport: { login, name: login, type: "детский сад", location: "город", contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
    preschoolGroups: groups,
  };
}

describe("direction 8: МКДО by area", () => {
  // Group A is basic or better everywhere; group B is below basic (1) in «Образовательные условия».
  const a = kindergarten("doo1", [group("A", every(3)), group("B", { ...every(2), mkdo5: 1 })]);

  it("2 groups, 9 areas: every area's denominator is 2, never 18", () => {
    const y = schoolPreschool(a, 2026, DEFAULT_PROFILE)!;
    expect(y.areas).toHaveLength(9);
    expect(y.areas.map((x) => x.assessed)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const conditions = y.areas.find((x) => x.area === "mkdo5")!;
    expect(conditions).toMatchObject({ assessed: 2, basicOrAbove: 1, share: 50, meanLevel: 2 });
    expect(y.areas.find((x) => x.area === "mkdo1")).toMatchObject({ basicOrAbove: 2, share: 100, meanLevel: 2.5 });
    // Each group counts once overall: A is basic+ in all areas, B is not.
    expect(y).toMatchObject({ groups: 2, assessedGroups: 2, basicAllAreas: 1, shareAll: 50 });
  });

  it("an area assessed for one group only has denominator 1", () => {
    const k = kindergarten("doo2", [group("A", { mkdo1: 2, mkdo6: 4 }), group("B", { mkdo1: 1 })]);
    const y = schoolPreschool(k, 2026, DEFAULT_PROFILE)!;
    expect(y.areas.find((x) => x.area === "mkdo6")).toMatchObject({ assessed: 1, basicOrAbove: 1, share: 100 });
    expect(y.areas.find((x) => x.area === "mkdo2")).toMatchObject({ assessed: 0, share: null, meanLevel: null });
    expect(y.areas.find((x) => x.area === "mkdo1")).toMatchObject({ assessed: 2, basicOrAbove: 1, share: 50 });
  });

  it("the basic level is a profile setting: at the threshold counts, just below does not", () => {
    const k = kindergarten("doo3", [group("A", { mkdo1: 3 }), group("B", { mkdo1: 2 })]);
    const strict = applyOverrides([{ key: "preschool.basicLevel", value: 3 }]).profile;
    expect(schoolPreschool(k, 2026, strict)!.areas[0]).toMatchObject({ basicOrAbove: 1, share: 50 });
    expect(schoolPreschool(k, 2026, DEFAULT_PROFILE)!.areas[0]).toMatchObject({ basicOrAbove: 2, share: 100 });
  });

  it("the older «Дошкольное» sheet: each area row keeps its own group count", () => {
    const school: SchoolReport = {
      ...kindergarten("edu1", []),
      preschoolGroups: undefined,
      passport: { login: "edu1", name: "edu1", type: "СОШ", location: "село", contingent: [] },
      directions: {
        preschool: MKDO_AREAS.map((x, i) => ({
          year: 2026,
          label: x.name,
          values: { groups: 2, groupsBasicOrAbove: i === 4 ? 1 : 2, mkdoScore: null },
        })),
      },
    };
    const y = schoolPreschool(school, 2026, DEFAULT_PROFILE)!;
    expect(y.areas.map((x) => x.assessed)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(y.areas[4]).toMatchObject({ name: "Образовательные условия", basicOrAbove: 1, share: 50 });
    expect(y.assessedGroups).toBeNull();
    // The municipality adds this school's 2 groups per area to the kindergarten's 2: 4 per area.
    const m = municipalPreschool([a, school], 2026, DEFAULT_PROFILE)!;
    expect(m.areas.find((x) => x.area === "mkdo5")).toMatchObject({ assessed: 4, basicOrAbove: 2, share: 50 });
    expect(m.areas.find((x) => x.area === "mkdo1")).toMatchObject({ assessed: 4, basicOrAbove: 4, share: 100 });
    expect(m).toMatchObject({ assessedGroups: 2, basicAllAreas: 1, shareAll: 50 });
  });

  it("the direction-8 indicator counts groups, not group × area", () => {
    const ind = DIRECTION_INDICATORS.find((i) => i.id === "mkdoBasicShare")!;
    expect(schoolIndicator(a, 2026, ind, DEFAULT_PROFILE)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it("the summary table: one line per area plus the all-areas line, share as a formula", () => {
    const t = preschoolTable([a], DEFAULT_PROFILE);
    const own = t.rows.filter((r) => r.login === "doo1");
    expect(own).toHaveLength(10);
    expect(own[0]).toMatchObject({ assessed: 2, basic: 1, share: 50 });
    expect(own.find((r) => r.area === "Образовательные условия")).toMatchObject({ assessed: 2, basic: 1, share: 50 });
    expect(t.columns.find((c) => c.id === "share")!.formula).toBe('IF({assessed}>0,({basic})/{assessed}*100,"")');
  });
});

describe("the kindergarten's form", () => {
  it("round trip: type «детский сад», no «Результаты» sheet, zero findings", async () => {
    const k = kindergarten("doo420901", [group("Солнышко", every(3)), group("Радуга", { mkdo1: 2, mkdo5: 1 })]);
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(k) });
    expect((await wb.listSheets()).map((x) => x.name)).not.toContain("Результаты");
    const { findings, report } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report!.passport.type).toBe("детский сад");
    expect(report!.preschoolGroups).toHaveLength(2);
    expect(report!.preschoolGroups![1].levels).toMatchObject({ mkdo1: 2, mkdo5: 1, mkdo2: null });
    expect(report!.preschoolGroups![1].ref).toEqual({ sheet: "Группы МКДО", cell: "A3" });
  });

  it("the preschool template has the type filled in and its empty groups sheet is named in a warning", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: templateOps({ preschool: true }) });
    expect((await wb.listSheets()).map((x) => x.name)).toEqual(["Паспорт ОО", "Группы МКДО", "Цикл", "Инструкция"]);
    const [passport] = await wb.readSheets(["Паспорт ОО"]);
    expect(passport.values.some((r) => r?.[1] === "детский сад")).toBe(true);
  });

  it("a kindergarten without groups gets one warning naming the sheet", async () => {
    const k = kindergarten("doo420901", []);
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(k) });
    const { findings } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.sheet, f.message])).toEqual([
      [
        "sheet.empty",
        "Группы МКДО",
        "Тип ОО — «детский сад», а лист «Группы МКДО» не заполнен: показатели направления 8 не вычисляются.",
      ],
    ]);
  });

  it("a level outside the scale is an error naming sheet and cell", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(kindergarten("doo420901", [group("Солнышко", every(3))])) });
    await wb.write({ ops: [{ op: "values", sheet: "Группы МКДО", address: "D2", values: [["отлично"]] }] });
    const { findings } = await validateWorkbook(wb);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["type.enum", "Группы МКДО", "D2"]]);
    expect(errors[0].message).toContain("ниже базового, базовый, хороший, отличный, превосходный");
  });
});

describe("the demo kindergarten", () => {
  it("passes the form's check and gives every area its own denominator", async () => {
    const k = kindergartenReport(0, 2026, [2025, 2026]);
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(k) });
    const { findings, report } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    const y = schoolPreschool(report!, 2026, DEFAULT_PROFILE)!;
    expect(y.groups).toBe(3);
    for (const a of y.areas) {
      const assessed = report!.preschoolGroups!.filter((g) => g.year === 2026 && g.levels[a.area] !== null).length;
      expect(a.assessed).toBe(assessed);
      expect(a.assessed).toBeLessThanOrEqual(3);
    }
  });
});
