/**
 * importIntoForm: imported rows are appended to the form's sheets (located by C's schema), marked
 * with their source file, and read back by the form parser with the same numbers; nothing is
 * overwritten and a second import of the same export is refused.
 */
import { describe, expect, it } from "vitest";
import type { SchoolReport } from "../../../src/core/model";
import { fillForm } from "../../../src/form";
import { parseForm } from "../../../src/form/parse";
import { importFisoko, importIntoForm } from "../../../src/fisoko";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { SheetRead } from "../../../src/host/port";
import { Y2023 } from "../../fixtures/fisoko/data";
import { individual2023, reports } from "../../fixtures/fisoko/layouts";

function schoolReport(login: string): SchoolReport {
  return {
    passport: {
      login,
      name: 'МКОУ "ООШ № 3"',
      type: "ООШ",
      location: "село",
      municipality: "Ленинск-Кузнецкий городской округ",
      contingent: [{ year: 2023, grade: 5, pupils: 19 }],
    },
    results: [
      {
        procedure: "ВПР",
        year: 2023,
        grade: 5,
        className: "",
        subject: "Русский язык",
        participants: 18,
        marks: { n5: 2, n4: 6, n3: 8, n2: 2 },
        source: "form",
      },
    ],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
  };
}

async function formOf(login: string): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.write({ ops: fillForm(schoolReport(login)) });
  return wb;
}

async function sheetsOf(wb: MemoryWorkbook): Promise<SheetRead[]> {
  return wb.readSheets((await wb.listSheets()).map((s) => s.name));
}

const IMPORT = importFisoko([
  { name: "мо-2023.xlsx", sheets: reports(Y2023, 2023, "municipality") },
  { name: "протокол.xlsx", sheets: [individual2023(Y2023)] },
]);

describe("importIntoForm", () => {
  it("appends the school's rows, participants and tasks; the form parser reads them back", async () => {
    const wb = await formOf("sch420103");
    const res = importIntoForm(IMPORT, await sheetsOf(wb));
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(res.ok).toBe(true);
    expect(res.login).toBe("sch420103");
    expect(res.written).toEqual({ results: 1, participants: 18, tasks: 15 });
    expect(res.findings.map((f) => f.message)).toEqual([
      "2 строки других ОО (sch420101, sch420102) в форму ОО sch420103 не добавлены.",
      "3 строки муниципалитета, региона и всей выборки в форму ОО не записываются: это эталон для свода (признак O3 и диаграммы).",
      "Распределение первичных баллов и % выполнения заданий в форму ОО не записываются (в форме нет таких столбцов): они используются при импорте выгрузок в свод.",
      "На лист «Участники» добавлены столбцы баллов за задания З1…З15.",
    ]);
    await wb.write({ ops: res.ops });
    const { report } = parseForm(await sheetsOf(wb));
    expect(report?.results).toHaveLength(2);
    const row = report?.results.find((r) => r.subject === "Математика");
    expect(row).toMatchObject({
      procedure: "ВПР",
      year: 2023,
      grade: 5,
      className: "",
      participants: 18,
      marks: { n5: 1, n4: 3, n3: 9, n2: 5 },
      journal: { lowered: 2, confirmed: 14, raised: 2 },
    });
    expect(report?.participants).toHaveLength(18);
    report?.participants.forEach((p, i) => {
      const e = Y2023.participants[i];
      expect(p).toMatchObject({
        code: e.code,
        className: e.className,
        score: e.score,
        mark: e.mark,
        journalMark: e.journalMark,
        taskPoints: e.taskPoints,
      });
    });
    expect(report?.tasks[0]?.tasks).toEqual(Y2023.tasks);
  });

  it("marks every appended row with its source file in «Источник»", async () => {
    const wb = await formOf("sch420103");
    await wb.write({ ops: importIntoForm(IMPORT, await sheetsOf(wb)).ops });
    const [results, participants] = await wb.readSheets(["Результаты", "Участники"]);
    const sourceCol = (s: SheetRead) => {
      const header = s.values.findIndex((r) => r.includes("Источник"));
      return { header, col: s.values[header].indexOf("Источник") };
    };
    const r = sourceCol(results);
    const column = results.values
      .slice(r.header + 1)
      .map((row) => row[r.col])
      .filter((v) => v);
    expect(column).toEqual(["ФИС ОКО: мо-2023.xlsx"]);
    const p = sourceCol(participants);
    expect(
      participants.values
        .slice(p.header + 1)
        .map((row) => row[p.col])
        .filter((v) => v),
    ).toEqual(Array(18).fill("ФИС ОКО: протокол.xlsx"));
  });

  it("refuses a second import of the same export and writes nothing", async () => {
    const wb = await formOf("sch420103");
    await wb.write({ ops: importIntoForm(IMPORT, await sheetsOf(wb)).ops });
    const again = importIntoForm(IMPORT, await sheetsOf(wb));
    expect(again.ok).toBe(false);
    expect(again.ops).toEqual([]);
    expect(again.findings.filter((f) => f.severity === "error")[0]?.message).toMatch(
      /^На листе «Результаты» в строке \d+ уже есть ВПР 2023, Математика, 5 класс; импорт не выполнен, чтобы не задвоить данные\./,
    );
  });

  it("names a renamed results sheet", async () => {
    const wb = await formOf("sch420103");
    await wb.write({ ops: [{ op: "renameSheet", from: "Результаты", to: "Итоги ВПР 2023" }] });
    const res = importIntoForm(IMPORT, await sheetsOf(wb));
    expect(res.ok).toBe(false);
    expect(res.ops).toEqual([]);
    expect(res.findings.find((f) => f.severity === "error")?.message).toBe(
      "В форме нет листа «Результаты» (возможно, он переименован); импорт некуда записать. Верните листу имя «Результаты» или создайте форму заново (msoko template).",
    );
  });

  it("refuses exports of another school", async () => {
    const wb = await formOf("sch420199");
    const res = importIntoForm(IMPORT, await sheetsOf(wb));
    expect(res.ok).toBe(false);
    expect(res.findings[0].message).toBe(
      "В выгрузках нет строк ОО sch420199 (логин из паспорта формы); найдены ОО: sch420101, sch420102, sch420103. Проверьте, что выбраны выгрузки своей школы.",
    );
  });

  it("writes nothing when the import had errors", () => {
    const broken = importFisoko([{ name: "пусто.xlsx", sheets: [] }]);
    const res = importIntoForm(broken, []);
    expect(res.ok).toBe(false);
    expect(res.ops).toEqual([]);
  });
});
