/**
 * The individual results table in both layouts: every participant's code, class, points per
 * task, raw score, mark and journal mark; absent participants and names are not imported.
 */
import { describe, expect, it } from "vitest";
import { importFisoko } from "../../../src/fisoko";
import { Y2023, Y2025, type Dataset } from "../../fixtures/fisoko/data";
import { individual2023, individual2025 } from "../../fixtures/fisoko/layouts";

describe.each([
  [Y2023, individual2023(Y2023), "Индивидуальные результаты"],
  [Y2025, individual2025(Y2025), "Лист1"],
] as [Dataset, ReturnType<typeof individual2023>, string][])("individual results %#", (d, sheet, sheetName) => {
  const res = importFisoko([{ name: "участники.xlsx", sheets: [sheet] }]);

  it("imports every participant with every number", () => {
    expect(res.ok).toBe(true);
    expect(res.participants).toHaveLength(d.participants.length);
    res.participants.forEach((p, i) => {
      const e = d.participants[i];
      expect(p).toMatchObject({
        procedure: "ВПР",
        year: d.year,
        grade: d.grade,
        subject: d.subject,
        login: "sch420103",
        source: "участники.xlsx",
        code: e.code,
        className: e.className,
        score: e.score,
        mark: e.mark,
        journalMark: e.journalMark,
        taskPoints: e.taskPoints,
      });
      expect(p.ref?.sheet).toBe(sheetName);
    });
  });

  it("gives the task list with levels and maxima", () => {
    expect(res.tasks).toEqual([
      { procedure: "ВПР", year: d.year, grade: d.grade, subject: d.subject, tasks: d.tasks, source: "участники.xlsx" },
    ]);
  });
});

describe("individual results: details", () => {
  it("2023: 18 participants, «X» is 0 points, the absent one is reported, not imported", () => {
    const res = importFisoko([{ name: "a.xlsx", sheets: [individual2023(Y2023)] }]);
    expect(res.participants).toHaveLength(18);
    expect(res.participants[0]).toMatchObject({ code: "50001", className: "5А", score: 1, mark: 2, journalMark: 2 });
    expect(res.participants[0].taskPoints.at(-1)).toBe(0);
    expect(res.participants[3].journalMark).toBeNull();
    expect(res.participants.some((p) => p.code === "50999")).toBe(false);
    expect(res.findings.map((f) => f.message)).toContain(
      "Файл «a.xlsx», лист «Индивидуальные результаты»: 1 участник отмечен как отсутствовавший и не импортируется.",
    );
    expect(res.participants.at(-1)).toMatchObject({ code: "50018", score: 15, mark: 5 });
  });

  it("2025: the names column is skipped and said so; journal marks written as text are read", () => {
    const res = importFisoko([{ name: "b.xlsx", sheets: [individual2025(Y2025)] }]);
    expect(res.findings).toEqual([
      expect.objectContaining({
        severity: "info",
        rule: "fisoko.privacy",
        cell: "D4",
        message:
          "Файл «b.xlsx», лист «Лист1», ячейка D4: столбцы с ФИО не читаются: надстройка хранит только коды участников.",
      }),
    ]);
    expect(res.participants[0]).toMatchObject({
      code: "40001",
      className: "4А",
      score: 2,
      mark: 2,
      journalMark: 2,
      taskPoints: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(JSON.stringify(res)).not.toContain('ФИО":');
  });

  it("2025: each participant points at its code cell (column B, under the two-row header and the max/level rows)", () => {
    const res = importFisoko([{ name: "b.xlsx", sheets: [individual2025(Y2025)] }]);
    expect(res.participants.slice(0, 2).map((p) => p.ref)).toEqual([
      { sheet: "Лист1", cell: "B8", file: "b.xlsx" },
      { sheet: "Лист1", cell: "B9", file: "b.xlsx" },
    ]);
  });

  it("the same participant code twice is an error and nothing is imported", () => {
    const sheet = individual2023(Y2023);
    const dup = { ...sheet, values: sheet.values.map((r, i) => (i === 6 ? ["50001", ...r.slice(1)] : r)) };
    const res = importFisoko([{ name: "d.xlsx", sheets: [dup] }]);
    expect(res.ok).toBe(false);
    expect(res.participants).toEqual([]);
    expect(res.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([
      "Файл «d.xlsx», лист «Индивидуальные результаты», ячейка A7: участник с кодом «50001» уже импортирован (файл «d.xlsx», ячейка A6); ожидается один результат на участника.",
    ]);
  });
});
