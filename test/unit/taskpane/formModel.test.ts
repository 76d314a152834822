import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createForm } from "../../../src/form/actions";
import { templateSheetNames } from "../../../src/form/template";
import { createFormMessage, extraNotices, formSheetRows } from "../../../src/taskpane/form/formModel";

describe("formSheetRows", () => {
  it("lists the schema's sheets in template order, then the instruction, with presence by Excel's name rules", () => {
    const rows = formSheetRows(["Лист1", "паспорт оо ", "ЦИКЛ"]);
    expect(rows.map((r) => r.name)).toEqual(templateSheetNames());
    expect(rows).toHaveLength(13);
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
    expect(r.created).toHaveLength(12);
    expect(createFormMessage(r)).toMatch(/^Создано 12 листов формы: «Паспорт ОО», «Результаты»/);
    const snap = wb.snapshot();
    expect(snap.sheets.find((s) => s.name === "Цикл")?.values).toEqual([["мои записи"]]);
    expect(formSheetRows(snap.sheets.map((s) => s.name)).every((row) => row.present)).toBe(true);
  });
});
