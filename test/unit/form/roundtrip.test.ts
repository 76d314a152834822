import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createForm, fillForm, parseForm, validateWorkbook } from "../../../src/form";
import type { SchoolReport } from "../../../src/core/model";
import { baseReport } from "../../fixtures/forms/base";

function strip(report: SchoolReport): unknown {
  return JSON.parse(
    JSON.stringify(report, (k, v) => (k === "ref" || k === "findings" || k === "file" ? undefined : v)),
  );
}

async function filled(report: SchoolReport): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const { notices } = await wb.write({ ops: fillForm(report) });
  expect(notices).toEqual([]);
  return wb;
}

describe("fillForm → parseForm round trip", () => {
  it("gives back the report it was filled from", async () => {
    const wb = await filled(baseReport());
    const { findings, report } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report).not.toBeNull();
    expect(strip(report!)).toEqual(strip(baseReport()));
  });

  it("puts refs on rows", async () => {
    const wb = await filled(baseReport());
    const { report } = await validateWorkbook(wb);
    expect(report!.results[0].ref).toEqual({ sheet: "Результаты", cell: "A2" });
    expect(report!.passport.contingent).toHaveLength(6);
    expect(report!.cycle[2].direction).toBe("O");
    expect(report!.participants[3].code).toBe("0104");
  });
});

describe("createForm", () => {
  it("creates every sheet of an empty workbook; the empty form is reported empty", async () => {
    const wb = new MemoryWorkbook();
    const r = await createForm(wb);
    expect(r.created).toContain("Паспорт ОО");
    expect(r.created).toContain("Инструкция");
    expect(r.skipped).toEqual([]);
    const v = await validateWorkbook(wb);
    expect(v.findings.map((f) => f.rule)).toEqual(["form.empty"]);
    expect(v.report).toBeNull();
  });

  it("never overwrites an existing sheet and says so", async () => {
    const wb = MemoryWorkbook.fromGrids({ результаты: [["мои данные"]] });
    const r = await createForm(wb);
    expect(r.skipped).toEqual(["Результаты"]);
    expect(r.notices[0]).toBe("Лист «результаты» уже есть в книге — он оставлен без изменений.");
    const [sheet] = await wb.readSheets(["результаты"]);
    expect(sheet.values).toEqual([["мои данные"]]);
    const again = await createForm(wb);
    expect(again.created).toEqual([]);
  });
});

describe("createForm on an older Excel", () => {
  it("creates the sheets without dropdowns and passes the port's Russian notices on", async () => {
    const wb = new MemoryWorkbook({ capabilities: { dataValidation: false } });
    const r = await createForm(wb);
    expect(r.created).toHaveLength(13);
    expect(r.notices.length).toBeGreaterThan(0);
    expect(r.notices.join(" ")).toMatch(/[А-Яа-я]/);
  });
});

describe("parseForm on grids", () => {
  it("parses a minimal hand-typed form", () => {
    const { report, findings } = parseForm([
      {
        name: "Паспорт ОО",
        merges: [],
        values: [
          ["Логин", "sch1"],
          ["Тип ОО", "сош"],
          ["Местность", "Село"],
          [],
          ["Год", "Класс", "Обучающихся"],
          [2026, 4, 20],
        ],
      },
      {
        name: "Результаты",
        merges: [],
        values: [
          ["Процедура", "Год", "Класс", "Предмет", "Участников", "«5»", "«4»", "«3»", "«2»"],
          ["впр", 2026, 4, "рус", 20, 5, 5, 5, 5],
        ],
      },
    ]);
    expect(findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["field.missing"]);
    expect(report!.passport).toMatchObject({
      login: "sch1",
      type: "СОШ",
      location: "село",
      contingent: [{ year: 2026, grade: 4, pupils: 20 }],
    });
    expect(report!.results[0]).toMatchObject({
      procedure: "ВПР",
      subject: "Русский язык",
      marks: { n5: 5, n4: 5, n3: 5, n2: 5 },
    });
  });
});
