import { describe, expect, it } from "vitest";
import { luminance, themeFromOffice } from "../../../src/taskpane/app/theme";
import { describeError } from "../../../src/taskpane/shared/errors";
import { NoDataError } from "../../../src/core/errors";

describe("themeFromOffice", () => {
  it("picks dark for Office's dark body colours and light otherwise", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark"); // «Тёмно-серая»
    expect(themeFromOffice({ bodyBackgroundColor: "#000000" })).toBe("dark"); // «Чёрная»
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light"); // «Светло-серая»
  });

  it("falls back to light without a usable theme", () => {
    expect(themeFromOffice(undefined)).toBe("light");
    expect(themeFromOffice({})).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "тёмная" })).toBe("light");
  });

  it("computes relative luminance of #RRGGBB", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
    expect(luminance("000000")).toBe(0);
    expect(luminance("#808080")).toBeCloseTo(0.2159, 3);
    expect(luminance("#fff")).toBeNull();
  });
});

describe("describeError", () => {
  it("passes domain messages through and labels the rest as unexpected", () => {
    expect(describeError(new NoDataError("Нет ни одного участника."))).toBe("Нет ни одного участника.");
    expect(describeError(new Error("boom"))).toBe("Непредвиденная ошибка: boom");
    expect(describeError(new Error(""))).toBe("Непредвиденная ошибка без описания.");
    expect(describeError("текст")).toBe("Непредвиденная ошибка: текст");
    expect(describeError(undefined)).toBe("Непредвиденная ошибка без описания.");
    expect(describeError(new DOMException("aborted", "AbortError"))).toBe("Операция отменена.");
  });
});
