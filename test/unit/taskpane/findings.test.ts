import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model";
import {
  cellOrder,
  countFindings,
  findingPlace,
  findingTarget,
  findingsSummary,
  groupFindings,
} from "../../../src/taskpane/check/findings";

const f = (severity: Finding["severity"], sheet: string, cell: string, rule = "r"): Finding => ({
  severity,
  rule,
  sheet,
  cell,
  message: `${sheet}!${cell}`,
});

describe("findingsSummary", () => {
  it("says there are no errors, mentioning other findings", () => {
    expect(findingsSummary([])).toBe("Ошибок нет: форма заполнена верно.");
    expect(findingsSummary([f("info", "Цикл", "F47"), f("info", "Цикл", "F48"), f("info", "Цикл", "F49")])).toBe(
      "Ошибок нет. Есть 3 замечания — посмотрите их.",
    );
    expect(findingsSummary([f("warning", "Результаты", "B2"), f("info", "Цикл", "F4")])).toBe(
      "Ошибок нет. Есть 1 предупреждение, 1 замечание — посмотрите их.",
    );
  });

  it("counts errors with Russian plurals (1, 2, 5, 11, 21)", () => {
    const errors = (n: number) => Array.from({ length: n }, (_, i) => f("error", "Результаты", `F${i + 2}`));
    expect(findingsSummary(errors(1))).toBe("Найдено: 1 ошибка.");
    expect(findingsSummary(errors(2))).toBe("Найдено: 2 ошибки.");
    expect(findingsSummary(errors(5))).toBe("Найдено: 5 ошибок.");
    expect(findingsSummary(errors(11))).toBe("Найдено: 11 ошибок.");
    expect(findingsSummary(errors(21))).toBe("Найдено: 21 ошибка.");
    expect(findingsSummary([...errors(2), ...Array(5).fill(f("warning", "Цикл", "A1"))])).toBe(
      "Найдено: 2 ошибки, 5 предупреждений.",
    );
  });

  it("counts by severity", () => {
    expect(countFindings([f("error", "a", ""), f("warning", "a", ""), f("warning", "a", "")])).toEqual({
      error: 1,
      warning: 2,
      info: 0,
    });
  });
});

describe("groupFindings", () => {
  it("groups by sheet in form order, the workbook-level group first, unknown sheets last", () => {
    const groups = groupFindings([
      f("info", "Цикл", "F4"),
      f("error", "Мой лист", "A1"),
      f("warning", "Результаты", "B10"),
      f("error", "", ""),
      f("error", "Паспорт ОО", "B3"),
    ]);
    expect(groups.map((g) => g.sheet)).toEqual(["", "Паспорт ОО", "Результаты", "Цикл", "Мой лист"]);
    expect(groups[0].title).toBe("Книга целиком — 1 ошибка");
    expect(groups[2].title).toBe("Лист «Результаты» — 1 предупреждение");
  });

  it("puts errors first, then orders by row and column", () => {
    const [g] = groupFindings([
      f("warning", "Результаты", "A2"),
      f("error", "Результаты", "B10"),
      f("error", "Результаты", "AA2"),
      f("error", "Результаты", "C2"),
    ]);
    expect(g.findings.map((x) => `${x.severity}:${x.cell}`)).toEqual([
      "error:C2",
      "error:AA2",
      "error:B10",
      "warning:A2",
    ]);
    expect(g.title).toBe("Лист «Результаты» — 3 ошибки, 1 предупреждение");
  });

  it("orders A1 addresses row-major; ranges by their first cell; empty first", () => {
    expect(["B2", "A10", "", "AB1", "C2:D4"].sort(cellOrder)).toEqual(["", "AB1", "B2", "C2:D4", "A10"]);
  });
});

describe("findingTarget and findingPlace", () => {
  it("selects the cell on the sheet as Excel names it, the sheet's A1 for a whole-sheet finding, nothing for a missing sheet", () => {
    expect(findingTarget(f("error", "Результаты", "F2"), ["Паспорт ОО", "РЕЗУЛЬТАТЫ"])).toEqual({
      sheet: "РЕЗУЛЬТАТЫ",
      cell: "F2",
    });
    expect(findingTarget(f("error", "Результаты", ""), ["Результаты"])).toEqual({ sheet: "Результаты", cell: "A1" });
    expect(findingTarget(f("error", "Участники", "A1"), ["Результаты"])).toBeNull();
    expect(findingTarget(f("error", "", ""), ["Результаты"])).toBeNull();
    expect(findingPlace(f("error", "Результаты", "F2"))).toBe("ячейка F2");
    expect(findingPlace(f("error", "Результаты", ""))).toBe("лист целиком");
  });
});
