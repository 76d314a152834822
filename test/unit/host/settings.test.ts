import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { MemoryWorkbook } from "../../../src/host/memory";
import {
  loadProfile,
  readSettings,
  removeSetting,
  reportDate,
  writeSetting,
  writeSettings,
  SETTINGS_SHEET,
} from "../../../src/host/settings";

describe("settings sheet «Настройки МСОКО»", () => {
  it("creates the sheet hidden with headers on the first write and reads entries with their cells", async () => {
    const wb = MemoryWorkbook.fromGrids({ Форма: [["x"]] });
    expect(await readSettings(wb)).toMatchObject({ exists: false, entries: [] });
    await writeSetting(wb, "report.date", "2026-05-15");
    await writeSetting(wb, "ege.highScore", 85);
    const sheets = await wb.listSheets();
    expect(sheets[1]).toEqual({ name: SETTINGS_SHEET, position: 1, visibility: "hidden" });
    const [grid] = await wb.readSheets([SETTINGS_SHEET]);
    expect(grid.values).toEqual([
      ["Ключ", "Значение", "Пояснение"],
      ["report.date", "2026-05-15", "Отчётная дата книги (ГГГГ-ММ-ДД)"],
      ["ege.highScore", 85, "Высокий результат ЕГЭ: не ниже"],
    ]);
    const s = await readSettings(wb);
    expect(s.entries.map((e) => [e.key, e.value, e.ref.cell])).toEqual([
      ["report.date", "2026-05-15", "B2"],
      ["ege.highScore", 85, "B3"],
    ]);
    expect(reportDate(s)).toBe("2026-05-15");
  });

  it("updates in place, removes compactly and blanks the freed row", async () => {
    const wb = MemoryWorkbook.fromGrids({ Форма: [] });
    await writeSettings(wb, [
      { key: "a.one", value: 1, note: "первый" },
      { key: "b.two", value: 2 },
      { key: "c.three", value: 3 },
    ]);
    await writeSetting(wb, "b.two", 22);
    await removeSetting(wb, "a.one");
    const [grid] = await wb.readSheets([SETTINGS_SHEET]);
    expect(grid.values).toEqual([
      ["Ключ", "Значение", "Пояснение"],
      ["b.two", 22, null],
      ["c.three", 3, null],
    ]);
  });

  it("keeps a dangerous key or value as inert text", async () => {
    const wb = MemoryWorkbook.fromGrids({ Форма: [] });
    await writeSetting(wb, "__proto__", '=HYPERLINK("x")');
    await writeSetting(wb, "constructor", 1);
    const s = await readSettings(wb);
    expect(s.map.get("__proto__")?.value).toBe('=HYPERLINK("x")');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { profile, errors } = await loadProfile(wb);
    expect(profile.overridden.size).toBe(0);
    expect(errors.map((e) => e.key)).toEqual(["__proto__", "constructor"]);
    expect(errors[0].message).toContain("лист «Настройки МСОКО», ячейка B2");
    await expect(writeSetting(wb, "  ", 1)).rejects.toThrow(/не может быть пустым/);
  });

  it("loads the profile from methodology keys only, reporting bad values with their cell", async () => {
    const wb = MemoryWorkbook.fromGrids({
      Форма: [],
      [SETTINGS_SHEET]: [
        ["Ключ", "Значение", "Пояснение"],
        ["ege.highScore", "85", ""],
        ["report.date", "2026-05-15", ""],
        ["workbook.role", "school", ""],
        ["generated|Свод по ОО", "summary", ""],
        ["marks.naAsOne", "может быть", ""],
        ["ege.min|Физика|2027", 40, ""],
      ],
    });
    const { profile, errors } = await loadProfile(wb);
    expect(profile.values["ege.highScore"]).toBe(85);
    // Two overrides applied (ege.highScore and ege.min|Физика|2027) on top of the default profile.
    expect(profile.version).toBe(`${DEFAULT_PROFILE.version}+2`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ key: "marks.naAsOne", ref: { sheet: SETTINGS_SHEET, cell: "B6" } });
    expect(errors[0].message).toMatch(/ожидается «да» или «нет»/);
  });

  it("reads a reporting date typed into Excel as a date serial, and rejects impossible dates", () => {
    const mk = (v: unknown) => ({
      exists: true,
      entries: [],
      grid: [],
      map: new Map([["report.date", { key: "report.date", value: v, note: "", ref: { sheet: "s", cell: "B2" } }]]),
    });
    expect(reportDate(mk(46157))).toBe("2026-05-15");
    expect(reportDate(mk("2026-02-30"))).toBeNull();
    expect(reportDate(mk("вчера"))).toBeNull();
  });
});
