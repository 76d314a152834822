/**
 * Points per task («З1», «З2»…) are read in place from the sheet's row (issue 23: no copy per
 * participant); what the rules and the report see must be what the copies gave: coerced text,
 * refused negatives, blanks, a task number twice in the header (the last filled column wins).
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model";
import type { SheetRead } from "../../../src/host/port";
import { parseForm, validateForm } from "../../../src/form";

const PASSPORT: SheetRead = {
  name: "Паспорт ОО",
  merges: [],
  values: [
    ["Логин ОО в ФИС ОКО", "sch1"],
    ["Полное наименование ОО", "Школа"],
    ["Тип ОО", "лицей"],
    ["Местность", "город"],
  ],
};
const RESULTS: SheetRead = {
  name: "Результаты",
  merges: [],
  values: [
    ["Процедура", "Год", "Класс", "Класс (буква)", "Предмет", "Участников"],
    ["ВПР", 2026, 5, "", "Математика", 4],
  ],
};
const TASKS: SheetRead = {
  name: "Задания",
  merges: [],
  values: [
    ["Процедура", "Год", "Класс", "Предмет", "№ задания", "Уровень", "Макс. балл"],
    ["ВПР", 2026, 5, "Математика", "1", "Б", 2],
    ["ВПР", 2026, 5, "Математика", "2", "Б", 2],
    ["ВПР", 2026, 5, "Математика", "3", "П", 3],
  ],
};
const WORK = ["ВПР", 2026, 5, "", "Математика"];
const participants = (head: string[], ...rows: unknown[][]): SheetRead => ({
  name: "Участники",
  merges: [],
  values: [
    ["Процедура", "Год", "Класс", "Класс (буква)", "Предмет", "Код участника", "Первичный балл", ...head],
    ...rows.map((r) => [...WORK, ...r]),
  ] as SheetRead["values"],
});
const cellsOf = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

describe("points per task read in place", () => {
  const sheet = participants(
    ["З1", "З2", "З3"],
    ["c1", 6, 1, 2, 3],
    ["c2", 5, "1,5", null, 2],
    ["c3", 4, -1, 2, 2],
    ["c4", null, 1, null, null],
    ["c5", 3, 3, null, null],
  );

  it("gives the rules and the report the points as read, blanks and refused cells as null", () => {
    const { form, findings } = validateForm([PASSPORT, RESULTS, TASKS, sheet]);
    const rows = form.tables.get("participants")!.rows;
    expect(rows.map((r) => r.repeated)).toEqual([
      [1, 2, 3],
      [1.5, null, 2],
      [null, 2, 2],
      [1, null, null],
      [3, null, null],
    ]);
    expect(rows.map((r) => r.pointCount)).toEqual([3, 3, 3, 3, 3]);
    expect(rows[1].point(0)).toBe(1.5);
    expect(rows[2].point(0)).toBeNull();
    expect(rows[0].point(5)).toBeNull();
    // «1,5» is read with a warning, −1 refused: both name their cell.
    expect(cellsOf(findings, "number.decimalComma")).toEqual(["Участники!H3"]);
    expect(findings.filter((f) => f.cell === "H4" && f.severity === "error")).toHaveLength(1);
    // c2: 1,5 + 2 = 3,5 ≠ 5; c3: 2 + 2 = 4 (the refused −1 is not added); c5: 3 = 3.
    expect(cellsOf(findings, "sum.taskPoints")).toEqual(["Участники!G3"]);
    // c5: 3 points for task 1 whose maximum is 2.
    expect(cellsOf(findings, "cross.taskMax")).toEqual(["Участники!H6"]);
    expect(findings.find((f) => f.rule === "cross.taskMax")!.message).toBe(
      "За задание № 1 стоит 3 балла, а максимум по листу «Задания» — 2.",
    );
  });

  it("keeps a participant's own points in the full report (trailing blanks cut) and none when slim", () => {
    const full = parseForm([PASSPORT, RESULTS, TASKS, sheet]).report!;
    expect(full.participants.map((p) => p.taskPoints)).toEqual([[1, 2, 3], [1.5, null, 2], [null, 2, 2], [1], [3]]);
    const slim = parseForm([PASSPORT, RESULTS, TASKS, sheet], { slim: true }).report!;
    expect(slim.participants.map((p) => p.taskPoints)).toEqual([[], [], [], [], []]);
    expect(slim.participants.map((p) => p.score)).toEqual([6, 5, 4, null, 3]);
  });

  it("reads a task number twice in the header as before: the last filled of its columns wins", () => {
    const twice = participants(["З1", "З2", "З1"], ["c1", 3, 1, 2, null], ["c2", 5, 1, 2, 3], ["c3", 4, 1, 2, "2"]);
    const { form, findings } = validateForm([PASSPORT, RESULTS, twice]);
    expect(form.tables.get("participants")!.rows.map((r) => r.repeated)).toEqual([
      [1, 2],
      [3, 2],
      [2, 2],
    ]);
    // c2: 3 + 2 = 5 (the first «З1» is overridden); c3: 2 + 2 = 4; c1: 1 + 2 = 3.
    expect(cellsOf(findings, "sum.taskPoints")).toEqual([]);
    expect(cellsOf(findings, "number.text")).toEqual(["Участники!J4"]);
  });
});
