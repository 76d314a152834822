import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { checkOverride, currentEditText, editText, isParamKey } from "../../../src/taskpane/methodology/edit";

describe("editText", () => {
  it("writes the value as the user would type it", () => {
    expect(editText(28.5)).toBe("28,5");
    expect(editText(0.01)).toBe("0,01");
    expect(editText(12345)).toBe("12345");
    expect(editText([100, 64, 36, 16, 7])).toBe("100; 64; 36; 16; 7");
    expect(editText(true)).toBe("да");
    expect(editText(false)).toBe("нет");
    expect(currentEditText(DEFAULT_PROFILE, "ege.highScore")).toBe("81");
  });
});

describe("checkOverride", () => {
  it("accepts values in range and returns what to store", () => {
    expect(checkOverride("ege.highScore", " 85 ")).toEqual({ ok: true, stored: 85, text: "85" });
    expect(checkOverride("o2.alpha", "0,05")).toEqual({ ok: true, stored: 0.05, text: "0,05" });
    expect(checkOverride("sou.weights", "100;64;36;16;7")).toEqual({
      ok: true,
      stored: "100; 64; 36; 16; 7",
      text: "100; 64; 36; 16; 7",
    });
    expect(checkOverride("marks.naAsOne", "да")).toEqual({ ok: true, stored: "да", text: "да" });
  });

  it("rejects with the profile's Russian reason, without the parameter prefix", () => {
    expect(checkOverride("ege.highScore", "150")).toEqual({
      ok: false,
      message: "Ожидается число в диапазоне 0…100, а указано «150».",
    });
    expect(checkOverride("ege.highScore", "восемьдесят")).toEqual({
      ok: false,
      message: "Ожидается число, а указано «восемьдесят».",
    });
    expect(checkOverride("ege.highScore", "81,5")).toEqual({
      ok: false,
      message: "Ожидается целое число, а указано «81,5».",
    });
    expect(checkOverride("sou.weights", "100; 64")).toEqual({
      ok: false,
      message: "Ожидается 5 чисел через «;», а указано «100; 64».",
    });
    expect(checkOverride("marks.naAsOne", "может быть")).toEqual({
      ok: false,
      message: "Ожидается «да» или «нет», а указано «может быть».",
    });
    expect(checkOverride("ege.highScore", "   ")).toEqual({
      ok: false,
      message: "Введите значение или нажмите «Отмена».",
    });
  });

  it("knows the catalogue's keys only", () => {
    expect(isParamKey("ege.highScore")).toBe(true);
    expect(isParamKey("__proto__")).toBe(false);
    expect(isParamKey("report.date")).toBe(false);
  });
});
