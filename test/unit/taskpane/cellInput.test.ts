import { describe, expect, it } from "vitest";
import { editText, isDateFormat, parseTypedInput, validationProblem } from "../../../src/taskpane/preview/cellInput";

const TODAY = new Date(2026, 10, 22); // 22.11.2026

describe("parseTypedInput", () => {
  it("reads numbers the Russian way: comma decimals, space thousands, exponent", () => {
    expect(parseTypedInput("12,5", undefined, TODAY)).toEqual({ kind: "value", value: 12.5 });
    expect(parseTypedInput("-3", "0", TODAY)).toEqual({ kind: "value", value: -3 });
    expect(parseTypedInput("1 234,5", undefined, TODAY)).toEqual({ kind: "value", value: 1234.5 });
    expect(parseTypedInput("1\u00a0234", undefined, TODAY)).toEqual({ kind: "value", value: 1234 });
    expect(parseTypedInput("1,5E+3", undefined, TODAY)).toEqual({ kind: "value", value: 1500 });
    expect(parseTypedInput(" 7 ", undefined, TODAY)).toEqual({ kind: "value", value: 7 });
  });

  it("turns percents into fractions and gives a General cell a percent format", () => {
    expect(parseTypedInput("12,5%", undefined, TODAY)).toEqual({ kind: "value", value: 0.125, numberFormat: "0.00%" });
    expect(parseTypedInput("50 %", "General", TODAY)).toEqual({ kind: "value", value: 0.5, numberFormat: "0%" });
    expect(parseTypedInput("50%", '0.0" %"', TODAY)).toEqual({ kind: "value", value: 0.5 });
  });

  it("reads dd.mm.yyyy and a dotted pair as dates, as Russian Excel does", () => {
    // 46348 = 22.11.2026, 46146 = 04.05.2026, 46266 = 01.09.2026.
    expect(parseTypedInput("22.11.2026", undefined, TODAY)).toEqual({
      kind: "value",
      value: 46348,
      numberFormat: "dd.mm.yyyy",
    });
    expect(parseTypedInput("4.5", undefined, TODAY)).toEqual({ kind: "value", value: 46146, numberFormat: "dd.mmm" });
    expect(parseTypedInput("1.9.26", "dd.mm.yyyy", TODAY)).toEqual({ kind: "value", value: 46266 });
    expect(parseTypedInput("31.02.2026", undefined, TODAY)).toEqual({ kind: "value", value: "31.02.2026" });
  });

  it("keeps text: words, a leading apostrophe, any input into an @ cell", () => {
    expect(parseTypedInput("много", "0", TODAY)).toEqual({ kind: "value", value: "много" });
    expect(parseTypedInput("'0012", undefined, TODAY)).toEqual({ kind: "value", value: "0012" });
    expect(parseTypedInput("7.1", "@", TODAY)).toEqual({ kind: "value", value: "7.1" });
    expect(parseTypedInput("=1+1", "@", TODAY)).toEqual({ kind: "value", value: "=1+1" });
    expect(parseTypedInput("12.5.3", undefined, TODAY)).toEqual({ kind: "value", value: "12.5.3" });
  });

  it("formulas, booleans and clearing", () => {
    expect(parseTypedInput("=SUM(B2:B4)", undefined, TODAY)).toEqual({ kind: "formula", formula: "=SUM(B2:B4)" });
    expect(parseTypedInput("=", undefined, TODAY)).toEqual({ kind: "value", value: "=" });
    expect(parseTypedInput("истина", undefined, TODAY)).toEqual({ kind: "value", value: true });
    expect(parseTypedInput("ЛОЖЬ", undefined, TODAY)).toEqual({ kind: "value", value: false });
    expect(parseTypedInput("", "0", TODAY)).toEqual({ kind: "clear" });
  });
});

describe("editText", () => {
  it("starts the edit box with what Excel's formula bar shows", () => {
    expect(editText(68.5472496474, undefined, "0.0")).toBe("68,5472496474");
    expect(editText(46348, undefined, "dd.mm.yyyy")).toBe("22.11.2026");
    expect(editText(0.125, undefined, "0.0%")).toBe("12,5%");
    expect(editText(null, "=B2*2", undefined)).toBe("=B2*2");
    expect(editText(true, undefined, undefined)).toBe("ИСТИНА");
    expect(editText(null, undefined, undefined)).toBe("");
    expect(editText("н/а", undefined, "0")).toBe("н/а");
  });
  it("tells date formats from number formats", () => {
    expect(isDateFormat("dd.mm.yyyy")).toBe(true);
    expect(isDateFormat("hh:mm")).toBe(true);
    expect(isDateFormat('0.0" %"')).toBe(false);
    expect(isDateFormat('+0.0" п.п.";-0.0" п.п."')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
});

describe("validationProblem", () => {
  const rules = [
    { address: "F2:F500", type: "whole" as const, min: 0, max: 1000, error: "Ожидается целое число от 0 до 1000." },
    { address: "A2:A500", type: "list" as const, list: ["ВПР", "ЕГЭ"] },
    { address: "H2:H9", type: "decimal" as const, min: 0, max: 5.5 },
  ];
  it("returns the rule's own message or a Russian description", () => {
    expect(validationProblem("много", "F2", rules)).toBe("Ожидается целое число от 0 до 1000.");
    expect(validationProblem(2.5, "F3", rules)).toBe("Ожидается целое число от 0 до 1000.");
    expect(validationProblem("ОГЭ", "A2", rules)).toBe("Ожидается значение из списка: ВПР, ЕГЭ.");
    expect(validationProblem(6, "H2", rules)).toBe("Ожидается число от 0 до 5,5.");
  });
  it("passes valid values, blanks and cells outside every rule", () => {
    expect(validationProblem(1000, "F500", rules)).toBeNull();
    expect(validationProblem(0, "F2", rules)).toBeNull();
    expect(validationProblem("впр", "A3", rules)).toBeNull();
    expect(validationProblem(5.5, "H9", rules)).toBeNull();
    expect(validationProblem(null, "F2", rules)).toBeNull();
    expect(validationProblem("много", "F501", rules)).toBeNull();
  });
});
