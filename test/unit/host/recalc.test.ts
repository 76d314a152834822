/**
 * Recalculation after a methodology or reporting-date change: MSOKO.* functions are not volatile,
 * so the pane asks the port to recalculate once per change (memory port counts it; the strict
 * fake of Excel logs Application.calculate) and says so in Russian.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { getProfile, setProfile } from "../../../src/functions/context";
import { getReportingDate, setReportingDate } from "../../../src/functions/cycle";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createOfficePort } from "../../../src/host/officejs";
import type { WorkbookPort } from "../../../src/host/port";
import { recalculateAfterChange } from "../../../src/host/recalc";
import { readSettings } from "../../../src/host/settings";
import { saveReportDate } from "../../../src/taskpane/cycle/report-date";
import { checkOverride } from "../../../src/taskpane/methodology/edit";
import { resetOverride, saveOverride } from "../../../src/taskpane/methodology/save";
import { FakeExcel } from "./fakeExcel";

const DONE = "Книга пересчитана: ячейки с функциями МСОКО показывают результаты по новым значениям методики.";
const MANUAL = "нажмите Ctrl+Alt+F9 (на Mac — Cmd+Alt+F9 или кнопку «Пересчитать» на вкладке «Формулы»).";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  setProfile(DEFAULT_PROFILE);
  setReportingDate(null);
});

describe("a methodology change recalculates the workbook once", () => {
  it("a threshold saved on «Методика» triggers exactly one recalculation through the port", async () => {
    const wb = MemoryWorkbook.fromGrids({ Форма: [["x"]] });
    const check = checkOverride("ege.highScore", "80");
    expect(check).toMatchObject({ ok: true, stored: 80 });
    const { status } = await saveOverride(wb, "ege.highScore", 80);
    expect(wb.recalculations).toBe(1);
    expect(getProfile().values["ege.highScore"]).toBe(80);
    expect((await readSettings(wb)).map.get("ege.highScore")?.value).toBe(80);
    expect(status).toBe(`Новое значение записано в лист «Настройки МСОКО» (Высокий результат ЕГЭ: не ниже). ${DONE}`);

    await resetOverride(wb, "ege.highScore");
    expect(wb.recalculations).toBe(2);
    expect(getProfile().values["ege.highScore"]).toBe(DEFAULT_PROFILE.values["ege.highScore"]);
  });

  it("a value the check refuses is never saved, so nothing is recalculated", () => {
    expect(checkOverride("ege.highScore", "150")).toMatchObject({ ok: false });
  });

  it("in Excel it is one Application.calculate(full)", async () => {
    const fake = new FakeExcel(MemoryWorkbook.fromGrids({ Форма: [["x"]] }));
    uninstall = fake.install();
    await saveOverride(createOfficePort(), "ege.highScore", 80);
    expect(fake.log.calculations).toEqual(["Full"]);
  });

  it("a new reporting date on «Цикл» recalculates once and says so", async () => {
    const wb = MemoryWorkbook.fromGrids({ Форма: [["x"]] });
    const { status } = await saveReportDate(wb, "2026-05-15");
    expect(wb.recalculations).toBe(1);
    expect(getReportingDate()).toBe("2026-05-15");
    expect(status).toBe(
      "Отчётная дата 15.05.2026 записана в лист «Настройки МСОКО». Книга пересчитана: ячейки с функциями МСОКО показывают результаты на новую отчётную дату.",
    );
  });
});

describe("when the port cannot recalculate", () => {
  const base = MemoryWorkbook.fromGrids({ Л: [] });
  const withRecalc = (recalculate?: WorkbookPort["recalculate"]): WorkbookPort => {
    const p = Object.create(base) as WorkbookPort;
    Object.defineProperty(p, "recalculate", { value: recalculate });
    return p;
  };

  it("tells the user to press Ctrl+Alt+F9", async () => {
    expect(await recalculateAfterChange(withRecalc(undefined), "methodology")).toEqual({
      recalculated: false,
      message: `Книгу нужно пересчитать вручную, чтобы ячейки с функциями МСОКО показали результаты по новым значениям методики: ${MANUAL}`,
    });
    expect(
      await recalculateAfterChange(
        withRecalc(async () => ({ recalculated: false })),
        "reportDate",
      ),
    ).toEqual({
      recalculated: false,
      message: `Эта версия Excel не позволяет надстройке пересчитать книгу. Чтобы ячейки с функциями МСОКО показали результаты на новую отчётную дату, ${MANUAL}`,
    });
  });

  it("a failed recalculation becomes advice, not an error (the change is saved)", async () => {
    const failing = withRecalc(async () => {
      throw new Error("Excel не выполнил пересчёт книги: внутренняя ошибка Excel.");
    });
    expect((await recalculateAfterChange(failing, "methodology")).message).toBe(
      `Книгу пересчитать не удалось (Excel не выполнил пересчёт книги: внутренняя ошибка Excel). Чтобы ячейки с функциями МСОКО показали результаты по новым значениям методики, ${MANUAL}`,
    );
  });
});
