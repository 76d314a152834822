/**
 * Broken exports — truncated, wrong report, renamed sheet, text in number cells, files that
 * disagree — give Russian messages naming the file, sheet and cell, and import nothing at all.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/values";
import { importFisoko, type FisokoFile, type FisokoImport } from "../../../src/fisoko";
import { Y2023, Y2025 } from "../../fixtures/fisoko/data";
import * as L from "../../fixtures/fisoko/layouts";

type Sheet = L.SheetFixture;

/** A copy of the sheet with row `r` (0-based) replaced. */
function withRow(s: Sheet, r: number, row: (old: CellValue[]) => CellValue[]): Sheet {
  return { ...s, values: s.values.map((x, i) => (i === r ? row(x) : x)) };
}

function errors(res: FisokoImport): string[] {
  return res.findings.filter((f) => f.severity === "error").map((f) => f.message);
}

function expectNothingImported(res: FisokoImport): void {
  expect(res.ok).toBe(false);
  expect(res.results).toEqual([]);
  expect(res.participants).toEqual([]);
  expect(res.tasks).toEqual([]);
  expect(res.references).toEqual([]);
  expect(res.national).toEqual([]);
}

const file = (name: string, ...sheets: Sheet[]): FisokoFile => ({ name, sheets });
const SCHOOL = '«(sch420101) МБОУ "СОШ № 1"»';

describe("truncated exports", () => {
  it("a school row cut after «2»: each empty cell is named", () => {
    const m = L.marks2023(Y2023, "municipality");
    const cut = {
      ...m,
      values: m.values.slice(0, 12).map((r, i) => (i === 11 ? [...r.slice(0, 4), null, null, null] : r)),
    };
    const res = importFisoko([file("обрыв.xlsx", cut)]);
    expectNothingImported(res);
    expect(errors(res)).toEqual(
      ["E12", "F12", "G12"].map(
        (cell, k) =>
          `Файл «обрыв.xlsx», лист «Статистика по отметкам», ячейка ${cell}: нет значения (значение отметки «${k + 3}» в строке ${SCHOOL}); ожидается число не меньше 0. Возможно, выгрузка оборвана.`,
      ),
    );
    expect(res.findings[0]).toMatchObject({
      sheet: "Статистика по отметкам",
      cell: "E12",
      file: "обрыв.xlsx",
      rule: "fisoko.blank",
    });
  });

  it("a comparison without its last «Всего» row", () => {
    const j = L.journal2023(Y2023, "school");
    const res = importFisoko([file("j.xlsx", { ...j, values: j.values.slice(0, -1) })]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «j.xlsx», лист «Сравнение отметок», ячейка A25: у группы ${SCHOOL} нет строк «Всего…»; ожидаются четыре строки: Понизили, Подтвердили, Повысили, Всего. Возможно, выгрузка оборвана.`,
    ]);
  });

  it("a distribution cut on the right (scores 18–20 missing)", () => {
    const d = L.distribution2023(Y2023, "school");
    const res = importFisoko([file("d.xlsx", { ...d, values: d.values.map((r) => r.slice(0, 21)) })]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      "Файл «d.xlsx», лист «Распределение первичных баллов», ячейка A7: в заголовке указан максимальный первичный балл 20, а столбцы баллов идут до 17; ожидается совпадение. Возможно, таблица обрезана справа.",
    ]);
  });

  it("a header with no data rows under it", () => {
    const m = L.marks2025(Y2025, "school");
    const res = importFisoko([file("h.xlsx", { ...m, values: m.values.slice(0, 4) })]);
    expectNothingImported(res);
    expect(errors(res)[0]).toContain("ячейка A4: под заголовком таблицы нет ни одной строки с результатами");
  });

  it("a scores column missing in the middle", () => {
    const d = L.distribution2025(Y2025, "school");
    const res = importFisoko([
      file("d.xlsx", { ...d, values: d.values.map((r) => [...r.slice(0, 8), ...r.slice(9)]) }),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      "Файл «d.xlsx», лист «Лист3», ячейка A3: среди столбцов баллов 0…24 нет балла 7; ожидаются все баллы подряд. Возможно, выгрузка обрезана.",
    ]);
  });
});

describe("wrong report", () => {
  it("an unsupported ФИС ОКО report is named", () => {
    const res = importFisoko([
      file("g.xlsx", {
        name: "Лист1",
        values: [["Выполнение заданий группами участников"], ["ВПР 2025. Математика. 5 класс"]],
        merges: [],
      }),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      "Файл «g.xlsx», лист «Лист1», ячейка A1: отчёт «Выполнение заданий группами участников» не импортируется; поддерживаются отчёты «Статистика по отметкам», «Сравнение отметок с отметками по журналу», «Распределение первичных баллов», «Выполнение заданий», «Индивидуальные результаты».",
    ]);
  });

  it("a workbook that is no ФИС ОКО export says what was found", () => {
    const res = importFisoko([
      file("form.xlsx", {
        name: "Паспорт ОО",
        values: [["Паспорт образовательной организации"], ["Логин ОО в ФИС ОКО", "sch420101"]],
        merges: [],
      }),
    ]);
    expectNothingImported(res);
    expect(errors(res)[0]).toBe(
      "Файл «form.xlsx», лист «Паспорт ОО»: не найден заголовок отчёта ФИС ОКО в первых строках; ожидается один из отчётов «Статистика по отметкам», «Сравнение отметок с отметками по журналу», «Распределение первичных баллов», «Выполнение заданий», «Индивидуальные результаты». Найдено: «Паспорт образовательной организации», «Логин ОО в ФИС ОКО», «sch420101».",
    );
  });

  it("an empty file", () => {
    const res = importFisoko([file("e.xlsx", { name: "Лист1", values: [], merges: [] })]);
    expectNothingImported(res);
    expect(errors(res)[0]).toMatch(/^Файл «e\.xlsx»: в файле нет ни одного заполненного листа/);
  });

  it("an unknown extra sheet next to a report is skipped with a warning", () => {
    const res = importFisoko([
      file("x.xlsx", L.marks2023(Y2023, "school"), {
        name: "Диаграмма",
        values: [["Данные для диаграммы"], [1, 2]],
        merges: [],
      }),
    ]);
    expect(res.ok).toBe(true);
    expect(res.results).toHaveLength(1);
    expect(res.findings.filter((f) => f.severity === "warning").map((f) => f.message)[0]).toMatch(
      /^Файл «x\.xlsx», лист «Диаграмма»: не найден заголовок .* Лист пропущен\.$/,
    );
  });

  it("a typo in the subject suggests the nearest one; a missing year and grade is named", () => {
    const m = L.marks2025(Y2025, "school");
    expect(
      errors(
        importFisoko([
          file(
            "s.xlsx",
            withRow(m, 1, () => ["ВПР 2025. Руский язык. 4 класс"]),
          ),
        ]),
      ),
    ).toEqual([
      "Файл «s.xlsx», лист «Лист1»: предмет «Руский язык» не распознан; возможно, «Русский язык». Ожидается название предмета, например «Русский язык», «Математика», «Окружающий мир».",
    ]);
    expect(
      errors(
        importFisoko([
          file(
            "s.xlsx",
            withRow(m, 1, () => ["Русский язык"]),
          ),
        ]),
      ),
    ).toEqual([
      "Файл «s.xlsx», лист «Лист1»: в заголовке не найдены год и класс работы; ожидается строка вида «ВПР 2025. Математика. 5 класс» или «Всероссийские проверочные работы 2025 (5 класс)». Найдено: «Русский язык», «СТАТИСТИКА ПО ОТМЕТКАМ».",
    ]);
  });
});

describe("layout variants", () => {
  it("a table without the report title is recognised by its sheet name", () => {
    const m = L.marks2025(Y2025, "school");
    const pasted = {
      ...m,
      name: "Статистика по отметкам",
      values: m.values.filter((r) => r[0] !== "СТАТИСТИКА  ПО  ОТМЕТКАМ"),
    };
    const res = importFisoko([file("p.xlsx", pasted)]);
    expect(res.ok).toBe(true);
    expect(res.results[0].marks).toEqual({ n2: 3, n3: 17, n4: 19, n5: 9 });
  });

  it("a comparison whose labels are merged down over their group rows", () => {
    const rows = [
      ["ВПР 2025. Русский язык. 4 класс"],
      ["Сравнение отметок с отметками по журналу"],
      ["Группы участников", null, "Кол-во участников", "%"],
      ["Ленинск-Кузнецкий городской округ", "Понизили (Отм. < Отм. по журналу)", 260, "22,6"],
      [null, "Подтвердили (Отм. = Отм. по журналу)", 810, "70,4"],
      [null, "Повысили (Отм. > Отм. по журналу)", 80, "7"],
      [null, "Всего", 1150, "100"],
      ['(sch420101) МБОУ "СОШ № 1"', "Понизили (Отм. < Отм. по журналу)", 9, "18,8"],
      [null, "Подтвердили (Отм. = Отм. по журналу)", 35, "72,9"],
      [null, "Повысили (Отм. > Отм. по журналу)", 4, "8,3"],
      [null, "Всего", 48, "100"],
    ];
    const res = importFisoko([file("m.xlsx", { name: "Лист2", values: rows, merges: ["A3:B3", "A4:A7", "A8:A11"] })]);
    expect(res.ok).toBe(true);
    expect(res.references[0]).toMatchObject({
      level: "municipality",
      journal: { lowered: 260, confirmed: 810, raised: 80 },
      participants: 1150,
    });
    expect(res.results[0]).toMatchObject({
      login: "sch420101",
      journal: { lowered: 9, confirmed: 35, raised: 4 },
      participants: 48,
    });
  });

  it("a flat table with a separate «Логин ОО» column takes schools from it", () => {
    const flat: Sheet = {
      name: "Лист1",
      merges: [],
      values: [
        ["ВПР 2025. Русский язык. 4 класс"],
        ["Статистика по отметкам"],
        ["Наименование", "Логин ОО", "Кол-во участников", "2", "3", "4", "5"],
        ["Ленинск-Кузнецкий городской округ", null, 1150, "12,4", "41,3", "33,6", "12,7"],
        ['МБОУ "СОШ № 1"', "SCH420101", 48, "6,3", "35,4", "39,6", "18,8"],
      ],
    };
    const res = importFisoko([file("flat.xlsx", flat)]);
    expect(res.ok).toBe(true);
    expect(res.results[0]).toMatchObject({
      login: "sch420101",
      schoolName: 'МБОУ "СОШ № 1"',
      participants: 48,
      marks: { n2: 3, n3: 17, n4: 19, n5: 9 },
    });
    // «… городской округ» is a municipality even as the first row (no region above it).
    expect(res.references.map((r) => [r.level, r.name])).toEqual([
      ["municipality", "Ленинск-Кузнецкий городской округ"],
    ]);
  });
});

describe("school rows", () => {
  it("a school without a login is refused, not taken for a municipality", () => {
    const m = withRow(L.marks2023(Y2023, "school"), 11, (r) => ['МБОУ "СОШ № 1"', ...r.slice(1)]);
    const res = importFisoko([file("l.xlsx", m)]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      'Файл «l.xlsx», лист «Статистика по отметкам», ячейка A12: у ОО «МБОУ "СОШ № 1"» нет логина ФИС ОКО; ожидается подпись вида «(sch420101) МБОУ "СОШ № 1"», по логину строка относится к школе.',
    ]);
  });
});

describe("renamed or swapped sheet", () => {
  it("a sheet named «Статистика по отметкам» holding the comparison is refused", () => {
    const j = L.journal2023(Y2023, "school");
    const res = importFisoko([file("r.xlsx", { ...j, name: "Статистика по отметкам" })]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      "Файл «r.xlsx», лист «Статистика по отметкам», ячейка A1: лист называется как отчёт «Статистика по отметкам», а в заголовке — отчёт «Сравнение отметок с отметками по журналу»; лист переименован или перепутан. Выгрузите отчёт из ФИС ОКО заново или исправьте название листа.",
    ]);
  });

  it("a sheet renamed to anything neutral is still read by its title", () => {
    const res = importFisoko([file("n.xlsx", { ...L.journal2023(Y2023, "school"), name: "Мой отчёт" })]);
    expect(res.ok).toBe(true);
    expect(res.results[0].journal).toEqual({ lowered: 10, confirmed: 38, raised: 4 });
  });
});

describe("text and wrong numbers in number cells", () => {
  const m = L.marks2025(Y2025, "school");

  it("«много» instead of the number of participants", () => {
    const res = importFisoko([
      file(
        "x.xlsx",
        withRow(m, 7, (r) => [r[0], "много", ...r.slice(2)]),
      ),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «x.xlsx», лист «Лист1», ячейка B8: число участников в строке ${SCHOOL}: найдено «много», ожидается целое число не меньше 0.`,
    ]);
  });

  it("percentages that do not give whole pupils", () => {
    const res = importFisoko([
      file(
        "c.xlsx",
        withRow(m, 7, (r) => [r[0], r[1], "10", "20", "30", "39", r[6]]),
      ),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «c.xlsx», лист «Лист1», ячейка F8: «2» в строке ${SCHOOL}: 39 % от 48 участников — 18,72, это не определяет целое число участников; выгрузите отчёт с количествами или с процентами до сотых.`,
    ]);
  });

  it("whole percents are accepted when they still determine the counts (19 % of 48 = 9 pupils)", () => {
    const res = importFisoko([
      file(
        "c.xlsx",
        withRow(m, 7, (r) => [r[0], r[1], "6", "35", "40", "19", r[6]]),
      ),
    ]);
    expect(res.ok).toBe(true);
    expect(res.results[0].marks).toEqual({ n2: 9, n3: 19, n4: 17, n5: 3 });
  });

  it("marks that add up neither to N nor to 100 %", () => {
    // Header «Отметка» says nothing about % or counts: the row sum must decide, and cannot.
    const c = withRow(
      withRow(L.marks2023(Y2023, "school"), 6, (r) => [...r.slice(0, 3), "Отметка", ...r.slice(4)]),
      11,
      (r) => [r[0], r[1], r[2], 4, 18, 20, 11],
    );
    const res = importFisoko([file("n.xlsx", c)]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «n.xlsx», лист «Статистика по отметкам», ячейка D12: отметки «2»–«5» в строке ${SCHOOL} в сумме дают 53: это ни число участников (52), ни 100 %. Проверьте, что строка не обрезана и в ней нет лишних значений.`,
    ]);
  });

  it("counts under a header that says % are read as % and must add up to 100", () => {
    const c = withRow(L.marks2023(Y2023, "school"), 11, (r) => [r[0], r[1], r[2], 4, 18, 20, 11]);
    const res = importFisoko([file("n.xlsx", c)]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «n.xlsx», лист «Статистика по отметкам», ячейка D12: доли отметок «2»–«5» в строке ${SCHOOL} в сумме дают 53 %, ожидается 100 %.`,
    ]);
  });

  it("counts under a header without % are read as counts", () => {
    const c = withRow(
      withRow(L.marks2023(Y2023, "school"), 6, (r) => [...r.slice(0, 3), "Отметка", ...r.slice(4)]),
      11,
      (r) => [r[0], r[1], r[2], 4, 18, 20, 10],
    );
    const res = importFisoko([file("n.xlsx", c)]);
    expect(res.ok).toBe(true);
    expect(res.results[0].marks).toEqual({ n2: 4, n3: 18, n4: 20, n5: 10 });
    expect(res.references[1].marks).toEqual({ n2: 126, n3: 483, n4: 420, n5: 171 });
  });

  it("a comparison whose groups do not add up to «Всего»", () => {
    const j = L.journal2023(Y2023, "school");
    const res = importFisoko([
      file(
        "j.xlsx",
        withRow(j, 24, (r) => [r[0], 53, r[2]]),
      ),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «j.xlsx», лист «Сравнение отметок», ячейка A21: в группе ${SCHOOL} понизили 10, подтвердили 38, повысили 4 — в сумме 52, а в строке «Всего» 53; ожидается равенство.`,
    ]);
  });

  it("points above the task's maximum in the individual table", () => {
    const i = L.individual2025(Y2025);
    const res = importFisoko([
      file(
        "i.xlsx",
        withRow(i, 7, (r) => [...r.slice(0, 7), 5, ...r.slice(8)]),
      ),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      "Файл «i.xlsx», лист «Лист1», ячейка H8: у участника «40001» за задание 1К1 5 балл., а максимум 4; ожидается число от 0 до 4.",
    ]);
  });

  it("a task completion above 100 %", () => {
    const t = L.tasks2025(Y2025, "school");
    const res = importFisoko([
      file(
        "t.xlsx",
        withRow(t, 6, (r) => [...r.slice(0, 6), "104,5"]),
      ),
    ]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «t.xlsx», лист «Лист4», ячейка G7: % выполнения задания 1К1 (${SCHOOL}): найдено «104,5», ожидается число от 0 до 100.`,
    ]);
  });
});

describe("several files: all or nothing", () => {
  it("one broken file stops the import of the good one too", () => {
    const bad = withRow(L.marks2025(Y2025, "school"), 7, (r) => [r[0], r[1], "abc", ...r.slice(3)]);
    const res = importFisoko([file("хороший.xlsx", L.marks2023(Y2023, "school")), file("плохой.xlsx", bad)]);
    expectNothingImported(res);
    expect(errors(res)).toEqual([
      `Файл «плохой.xlsx», лист «Лист1», ячейка C8: значение отметки «5» в строке ${SCHOOL}: найдено «abc», ожидается число не меньше 0.`,
    ]);
    expect(res.reports.map((r) => r.file)).toEqual(["хороший.xlsx"]);
  });

  it("the same school with other numbers in another file is an error; a differing reference a warning", () => {
    const a = L.marks2023(Y2023, "school");
    const b = withRow(
      withRow(a, 11, (r) => [r[0], r[1], r[2], 5.77, 34.62, 40.38, 19.23]),
      10,
      (r) => [r[0], r[1], r[2], 10.6, 40.15, 35, 14.25],
    );
    const res = importFisoko([file("a.xlsx", a), file("b.xlsx", b)]);
    expectNothingImported(res);
    expect(res.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "Файл «b.xlsx», лист «Статистика по отметкам»: для «Ленинск-Кузнецкий городской округ» (ВПР 2023, Математика, 5 класс) отчёт «Статистика по отметкам» даёт другие числа, чем файл «a.xlsx»; используются числа из файла «a.xlsx» (выгрузки сделаны в разные дни?).",
      ],
      [
        "error",
        "Файл «b.xlsx», лист «Статистика по отметкам»: для ОО sch420101 (ВПР 2023, Математика, 5 класс) отчёт «Статистика по отметкам» даёт другие числа, чем файл «a.xlsx»; оставьте одну выгрузку этого отчёта.",
      ],
    ]);
  });

  it("the same export twice is merged, the row names both files", () => {
    const a = L.marks2023(Y2023, "school");
    const res = importFisoko([file("a.xlsx", a), file("копия.xlsx", a)]);
    expect(res.ok).toBe(true);
    expect(res.results).toHaveLength(1);
    expect(res.results[0].source).toBe("a.xlsx; копия.xlsx");
  });

  it("a school's reports from different files merge into one row", () => {
    const res = importFisoko([
      file("отметки.xlsx", L.marks2025(Y2025, "school")),
      file("журнал.xlsx", L.journal2025(Y2025, "school")),
    ]);
    expect(res.results).toHaveLength(1);
    expect(res.results[0]).toMatchObject({
      source: "отметки.xlsx; журнал.xlsx",
      marks: { n2: 3, n3: 17, n4: 19, n5: 9 },
      journal: { lowered: 9, confirmed: 35, raised: 4 },
    });
  });
});
