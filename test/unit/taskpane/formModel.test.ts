import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createForm, readFormKind, validateWorkbook } from "../../../src/form/actions";
import { templateOps, templateSheetNames } from "../../../src/form/template";
import { SUMMARY_SHEET_NAMES } from "../../../src/summary/model/build";
import {
  FORM_KINDS,
  PRESCHOOL_ANALYSIS,
  PRESCHOOL_CHECK_NOTE,
  PRESCHOOL_SUMMARY_SHEET,
  createFormIntro,
  createFormMessage,
  extraNotices,
  fillSteps,
  formHeadline,
  formSheetRows,
} from "../../../src/taskpane/form/formModel";

const KINDERGARTEN_SHEETS = ["Паспорт ОО", "Группы МКДО", "Цикл", "Инструкция"];

describe("formSheetRows", () => {
  it("lists the schema's sheets in template order, then the instruction, with presence by Excel's name rules", () => {
    const rows = formSheetRows(["Лист1", "паспорт оо ", "ЦИКЛ"]);
    expect(rows.map((r) => r.name)).toEqual(templateSheetNames());
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({ name: "Паспорт ОО", required: true, present: true });
    expect(rows.find((r) => r.name === "Цикл")?.present).toBe(true);
    expect(rows.find((r) => r.name === "Результаты")).toMatchObject({ required: true, present: false });
    expect(rows.find((r) => r.name === "Участники")?.required).toBe(false);
    expect(rows.at(-1)).toMatchObject({ name: "Инструкция", required: false, present: false });
    expect(rows.every((r) => r.purpose.length > 10)).toBe(true);
  });
});

describe("createFormMessage", () => {
  it("names the created and the skipped sheets with Russian plurals", () => {
    expect(createFormMessage({ created: ["Паспорт ОО", "Результаты"], skipped: ["Цикл"], notices: [] })).toBe(
      "Создано 2 листа формы: «Паспорт ОО», «Результаты». Уже был и оставлен без изменений: 1 лист («Цикл»).",
    );
    expect(createFormMessage({ created: Array(11).fill("x"), skipped: [], notices: [] })).toMatch(
      /^Создано 11 листов формы: /,
    );
    expect(createFormMessage({ created: ["А"], skipped: ["Б", "В"], notices: [] })).toBe(
      "Создано 1 лист формы: «А». Уже были и оставлены без изменений: 2 листа («Б», «В»).",
    );
    expect(createFormMessage({ created: [], skipped: ["Б"], notices: [] })).toBe(
      "Новых листов не понадобилось: все листы формы уже есть в книге. Уже был и оставлен без изменений: 1 лист («Б»).",
    );
  });

  it("keeps only the notices the message does not already say", () => {
    const r = {
      created: [],
      skipped: ["Цикл"],
      notices: [
        "Лист «Цикл» уже есть в книге — он оставлен без изменений.",
        "Эта версия Excel не поддерживает диаграммы.",
      ],
    };
    expect(extraNotices(r)).toEqual(["Эта версия Excel не поддерживает диаграммы."]);
  });
});

describe("creating the form in a memory workbook (what the page does)", () => {
  it("creates the missing sheets, leaves a user's sheet alone, and the page then marks all present", async () => {
    const wb = MemoryWorkbook.fromGrids({ Лист1: [], Цикл: [["мои записи"]] });
    const r = await createForm(wb);
    expect(r.skipped).toEqual(["Цикл"]);
    expect(r.created).toHaveLength(15);
    expect(createFormMessage(r)).toMatch(/^Создано 15 листов формы: «Паспорт ОО», «Результаты»/);
    const snap = wb.snapshot();
    expect(snap.sheets.find((s) => s.name === "Цикл")?.values).toEqual([["мои записи"]]);
    expect(formSheetRows(snap.sheets.map((s) => s.name)).every((row) => row.present)).toBe(true);
  });
});

describe("a kindergarten's form on «Форма ОО»", () => {
  it("offers «школа» and «детский сад», school first", () => {
    expect(FORM_KINDS).toEqual([
      { kind: "school", label: "школа" },
      { kind: "preschool", label: "детский сад" },
    ]);
  });

  it("lists the four sheets of msoko template --preschool, with the kindergarten's own passport purpose", () => {
    const rows = formSheetRows(["группы мкдо", "Лист1"], "preschool");
    expect(rows.map((r) => r.name)).toEqual(KINDERGARTEN_SHEETS);
    expect(rows.map((r) => r.name)).toEqual(templateSheetNames({ preschool: true }));
    expect(rows.map((r) => r.present)).toEqual([false, true, false, false]);
    expect(rows[0]).toMatchObject({ required: true });
    expect(rows[0].purpose).toBe(
      "Сведения о детском саде: логин в ФИС ОКО, наименование, местность; тип ОО уже указан — «детский сад».",
    );
    expect(rows[1].purpose).toMatch(/^Направление 8: уровни качества МКДО каждой дошкольной группы/);
    // The school's list keeps the schema's words for its passport.
    expect(formSheetRows([], "school")[0].purpose).toBe(
      "Сведения о школе и контингент обучающихся по годам и классам.",
    );
  });

  it("says whose form the book is", () => {
    expect(formHeadline(null)).toBe("В книге нет листа «Паспорт ОО».");
    expect(formHeadline("school")).toBe("В книге есть лист «Паспорт ОО»: это форма школы.");
    expect(formHeadline("preschool")).toBe(
      "В книге есть лист «Паспорт ОО» с типом ОО «детский сад»: это форма детского сада.",
    );
    expect(createFormIntro("preschool")).toBe(
      "Панель создаст форму детского сада: «Паспорт ОО» с типом ОО «детский сад», «Группы МКДО» и «Цикл» — с подсказками, списками для выбора и проверкой ввода. Существующие листы книги не изменяются.",
    );
  });

  it("gives a kindergarten its own steps: МКДО levels 1–5 over 9 areas and the summary's preschool sheet", () => {
    const steps = fillSteps("preschool");
    expect(steps).toHaveLength(5);
    expect(steps[2]).toBe(
      "На листе «Группы МКДО» — одна строка на группу за год: уровень качества по каждой из 9 областей МКДО (1 — ниже базового, 2 — базовый, 3 — хороший, 4 — отличный, 5 — превосходный); пустая ячейка — область не оценивалась.",
    );
    expect(steps[4]).toBe(
      "Форму отправьте в МОУО: показатели по областям МКДО появятся в муниципальном своде на листе «Дошкольное образование».",
    );
    expect(steps.join(" ")).not.toMatch(/Участник|Анализ ОО/);
    expect(fillSteps("school")).toHaveLength(6);
    expect(fillSteps("school")[5]).toBe("По заполненной форме страница «Анализ ОО» строит листы анализа школы.");
  });

  it("names the municipal summary's preschool sheet as the summary writes it", () => {
    expect(PRESCHOOL_SUMMARY_SHEET).toBe("Дошкольное образование");
    expect(SUMMARY_SHEET_NAMES).toContain(PRESCHOOL_SUMMARY_SHEET);
  });

  it("«Проверка» and «Анализ ОО» say what they do for a kindergarten", () => {
    expect(PRESCHOOL_CHECK_NOTE).toBe(
      "Тип ОО в паспорте — «детский сад»: проверяются паспорт, лист «Группы МКДО» (уровни групп по областям МКДО) и «Цикл». Листы результатов оценочных процедур детскому саду не нужны, их отсутствие ошибкой не считается.",
    );
    expect(PRESCHOOL_ANALYSIS.title).toContain("которых у детского сада нет");
    expect(PRESCHOOL_ANALYSIS.text).toContain("на листе «Дошкольное образование»");
  });
});

describe("creating a kindergarten's form in a memory workbook", () => {
  it("creates the four sheets with the CLI's ops, the passport already «детский сад»", async () => {
    const wb = MemoryWorkbook.fromGrids({ Лист1: [] });
    const r = await createForm(wb, { preschool: true });
    expect(r).toEqual({ created: KINDERGARTEN_SHEETS, skipped: [], notices: [] });
    expect(createFormMessage(r)).toBe("Создано 4 листа формы: «Паспорт ОО», «Группы МКДО», «Цикл», «Инструкция».");
    // The same workbook as `msoko template --preschool` writes (templateOps({ preschool: true })).
    const cli = MemoryWorkbook.fromGrids({ Лист1: [] });
    await cli.write({ ops: templateOps({ preschool: true }) });
    expect(wb.snapshot()).toEqual(cli.snapshot());
    const passport = wb.snapshot().sheets.find((s) => s.name === "Паспорт ОО")!;
    expect(passport.values[4]?.slice(0, 2)).toEqual(["Тип ОО *", "детский сад"]);
    expect(await readFormKind(wb)).toBe("preschool");
    expect(
      formSheetRows(
        wb.snapshot().sheets.map((s) => s.name),
        "preschool",
      ).every((row) => row.present),
    ).toBe(true);
  });

  it("validates without asking for «Результаты»: only the empty passport and «Группы МКДО» are named", async () => {
    const wb = MemoryWorkbook.fromGrids({});
    await createForm(wb, { preschool: true });
    const { findings } = await validateWorkbook(wb);
    expect(findings.map((f) => `${f.severity} ${f.sheet} ${f.cell}`)).toEqual([
      "error Паспорт ОО B2",
      "error Паспорт ОО B3",
      "error Паспорт ОО B6",
      "warning Группы МКДО ",
    ]);
  });

  it("adds only the missing sheets: 3 created, the user's «Цикл» left alone", async () => {
    const wb = MemoryWorkbook.fromGrids({ цикл: [["мои записи"]] });
    const r = await createForm(wb, { preschool: true });
    expect(r.created).toEqual(["Паспорт ОО", "Группы МКДО", "Инструкция"]);
    expect(createFormMessage(r)).toBe(
      "Создано 3 листа формы: «Паспорт ОО», «Группы МКДО», «Инструкция». Уже был и оставлен без изменений: 1 лист («Цикл»).",
    );
    expect(wb.snapshot().sheets.find((s) => s.name === "цикл")?.values).toEqual([["мои записи"]]);
  });
});

describe("readFormKind", () => {
  it("is null without a passport, «school» for a school's template, «preschool» by the type's aliases", async () => {
    expect(await readFormKind(MemoryWorkbook.fromGrids({ Лист1: [["Тип ОО", "детский сад"]] }))).toBeNull();
    const school = MemoryWorkbook.fromGrids({});
    await createForm(school);
    expect(await readFormKind(school)).toBe("school");
    // A hand-made passport: sheet alias «Паспорт», type written «ДОУ».
    const own = MemoryWorkbook.fromGrids({
      Паспорт: [
        ["Логин ОО", "edu420999"],
        ["Тип", "ДОУ"],
      ],
    });
    expect(await readFormKind(own)).toBe("preschool");
    const typed = MemoryWorkbook.fromGrids({ "Паспорт ОО": [["Тип ОО", "СОШ"]] });
    expect(await readFormKind(typed)).toBe("school");
  });
});
