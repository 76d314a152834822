/**
 * Where a finding is, as the CLI and the cycle reader name it in a message: the sheet, and the cell
 * when the finding is about one (an empty cell means the whole sheet).
 */
import { describe, expect, it } from "vitest";
import { findingPlace } from "../../../src/core/model";
import { municipalCycleFindingText } from "../../../src/form/municipal-cycle";

describe("findingPlace", () => {
  it("names the sheet and the cell, or the sheet alone", () => {
    expect(findingPlace({ sheet: "Результаты", cell: "F12" })).toBe("лист «Результаты», ячейка F12");
    expect(findingPlace({ sheet: "Паспорт ОО", cell: "" })).toBe("лист «Паспорт ОО»");
  });

  it("is what the МОУО cycle's finding text says, with and without the file", () => {
    const f = { severity: "error" as const, rule: "r", sheet: "Цикл МОУО", cell: "G5", message: "нет даты." };
    expect(municipalCycleFindingText(f, "цикл.xlsx")).toBe("Файл «цикл.xlsx», лист «Цикл МОУО», ячейка G5: нет даты.");
    expect(municipalCycleFindingText({ ...f, cell: "" })).toBe("Лист «Цикл МОУО»: нет даты.");
  });
});
