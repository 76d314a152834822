import { describe, expect, it } from "vitest";
import { ROLE_LABELS, detectRole, hasSheet } from "../../../src/taskpane/workbook/role";

describe("detectRole", () => {
  it("calls a workbook without the marker sheets «другая книга»", () => {
    expect(detectRole([])).toBe("other");
    expect(detectRole(["Лист1", "Данные"])).toBe("other");
    expect(ROLE_LABELS.other).toBe("другая книга");
  });

  it("recognises the school form by «Паспорт ОО», as Excel compares names", () => {
    expect(detectRole(["Лист1", "Паспорт ОО"])).toBe("school");
    expect(detectRole([" паспорт оо "])).toBe("school");
    expect(detectRole(["ПАСПОРТ ОО"])).toBe("school");
  });

  it("does not take a similar name for the marker", () => {
    expect(detectRole(["Паспорт ОО (2)"])).toBe("other");
    expect(detectRole(["Свод по ОО 2025"])).toBe("other");
  });

  it("recognises the municipal summary, which wins when both sheets are present", () => {
    expect(detectRole(["Свод по ОО"])).toBe("municipal");
    expect(detectRole(["Паспорт ОО", "Свод по ОО"])).toBe("municipal");
    expect(ROLE_LABELS.municipal).toBe("муниципальный свод");
    expect(ROLE_LABELS.school).toBe("форма ОО");
  });

  it("hasSheet finds one name among many", () => {
    expect(hasSheet(["А", "Б"], "б")).toBe(true);
    expect(hasSheet(["А", "Б"], "В")).toBe(false);
  });
});
