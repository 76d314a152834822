import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { getProfile, setProfile } from "../../../src/functions/context";
import { getReportingDate, setReportingDate } from "../../../src/functions/cycle";
import { MemoryWorkbook } from "../../../src/host/memory";
import { pushWorkbookSettings } from "../../../src/taskpane/app/functionsBridge";

afterEach(() => {
  setProfile(DEFAULT_PROFILE);
  setReportingDate(null);
});

describe("pushWorkbookSettings", () => {
  it("hands the workbook's overrides and reporting date to the custom functions", async () => {
    const wb = MemoryWorkbook.fromGrids({
      Лист1: [],
      "Настройки МСОКО": [
        ["Ключ", "Значение", "Пояснение"],
        ["ege.highScore", 85, ""],
        ["report.date", "2026-12-31", ""],
        ["o2.alpha", "много", ""],
      ],
    });
    const pushed = await pushWorkbookSettings(wb);
    expect(pushed.profileVersion).toBe("msoko-2026.2+1");
    expect(pushed.reportingDate).toBe("2026-12-31");
    expect(pushed.errors.map((e) => e.message)).toEqual([
      "Параметр «o2.alpha» (лист «Настройки МСОКО», ячейка B4): ожидается число, а указано «много».",
    ]);
    expect(getProfile().values["ege.highScore"]).toBe(85);
    expect(getReportingDate()).toBe("2026-12-31");
  });

  it("without a settings sheet: default profile and no reporting date", async () => {
    setReportingDate("2025-01-01");
    const pushed = await pushWorkbookSettings(MemoryWorkbook.fromGrids({ Лист1: [] }));
    expect(pushed).toEqual({ profileVersion: "msoko-2026.2", reportingDate: null, errors: [] });
    expect(getProfile().overridden.size).toBe(0);
    expect(getReportingDate()).toBeNull();
  });
});
