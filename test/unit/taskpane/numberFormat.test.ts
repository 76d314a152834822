import { describe, expect, it } from "vitest";
import { formatCellText, formatSections, generalNumberText } from "../../../src/taskpane/preview/numberFormat";

const NB = "\u00a0";

describe("generalNumberText", () => {
  it("shows up to 10 significant digits with a comma, as a standard-width column in Russian Excel", () => {
    expect(generalNumberText(68.5472496474)).toBe("68,54724965");
    expect(generalNumberText(58.4)).toBe("58,4");
    expect(generalNumberText(2026)).toBe("2026");
    expect(generalNumberText(-0.125)).toBe("-0,125");
    expect(generalNumberText(0)).toBe("0");
    expect(generalNumberText(1234567)).toBe("1234567");
  });
  it("switches to the exponent beyond 11 characters", () => {
    expect(generalNumberText(123456789012)).toBe("1,23457E+11");
    expect(generalNumberText(0.0000000001234)).toBe("1,234E-10");
  });
});

describe("formatSections", () => {
  it("splits at semicolons outside quotes", () => {
    expect(formatSections('+0.0" п.п.";-0.0" п.п.";0.0" п.п."')).toEqual(['+0.0" п.п."', '-0.0" п.п."', '0.0" п.п."']);
    expect(formatSections('0" ; "0')).toEqual(['0" ; "0']);
  });
});

describe("formatCellText", () => {
  it("applies the formats the add-in writes", () => {
    expect(formatCellText(68.5472496474, "0.0")).toBe("68,5");
    expect(formatCellText(68.5472496474, '0.0" %"')).toBe("68,5 %");
    expect(formatCellText(3.456, "0.00")).toBe("3,46");
    expect(formatCellText(25, "0")).toBe("25");
    expect(formatCellText(24.5, "0")).toBe("25");
    expect(formatCellText(1.005, "0.00")).toBe("1,01");
    expect(formatCellText(0.685, "0%")).toBe("69%");
    expect(formatCellText(0.6854, "0.0%")).toBe("68,5%");
  });

  it("uses the section of the sign: п.п. with an explicit plus, minus and zero", () => {
    const pp = '+0.0" п.п.";-0.0" п.п.";0.0" п.п."';
    expect(formatCellText(3.24, pp)).toBe("+3,2 п.п.");
    expect(formatCellText(-1.05, pp)).toBe("-1,1 п.п.");
    expect(formatCellText(0, pp)).toBe("0,0 п.п.");
    // One section: the minus comes from the number.
    expect(formatCellText(-2.5, "0.0")).toBe("-2,5");
  });

  it("groups thousands with a no-break space only where the format asks", () => {
    expect(formatCellText(1234567.891, "#,##0")).toBe(`1${NB}234${NB}568`);
    expect(formatCellText(1234.5, "#,##0.00")).toBe(`1${NB}234,50`);
    expect(formatCellText(1234.5, "0.00")).toBe("1234,50");
    expect(formatCellText(999, "#,##0")).toBe("999");
    expect(formatCellText(1234567, "#,##0,")).toBe(`1${NB}235`);
  });

  it("drops optional digits and keeps the decimal sign like Excel", () => {
    expect(formatCellText(12.5, "0.0#")).toBe("12,5");
    expect(formatCellText(12, "0.##")).toBe("12,");
    expect(formatCellText(0.5, "#.0")).toBe(",5");
  });

  it("draws dates from Excel serials", () => {
    // 46348 = 22.11.2026; 45658 = 01.01.2025.
    expect(formatCellText(46348, "dd.mm.yyyy")).toBe("22.11.2026");
    expect(formatCellText(45658, "d.m.yy")).toBe("1.1.25");
    expect(formatCellText(46348, "d mmm yyyy")).toBe("22 ноя 2026");
    expect(formatCellText(46348.5, "dd.mm.yyyy hh:mm")).toBe("22.11.2026 12:00");
    expect(formatCellText(-3, "dd.mm.yyyy")).toBe("########");
  });

  it("leaves text alone unless a text section wraps it; @ shows numbers in General", () => {
    expect(formatCellText("н/а", "0.0")).toBe("н/а");
    expect(formatCellText("7.1", "@")).toBe("7.1");
    expect(formatCellText("sch1", '"Логин: "@')).toBe("Логин: sch1");
    expect(formatCellText("x", '0;-0;0;"["@"]"')).toBe("[x]");
    expect(formatCellText(7, "@")).toBe("7");
  });

  it("shows General for absent, General and bracketed codes; booleans and blanks as Excel", () => {
    expect(formatCellText(68.5472496474)).toBe("68,54724965");
    expect(formatCellText(68.5472496474, "General")).toBe("68,54724965");
    expect(formatCellText(5, "[Red]0.0")).toBe("5,0");
    expect(formatCellText(true, "0.0")).toBe("ИСТИНА");
    expect(formatCellText(null, "0.0")).toBe("");
    expect(formatCellText(1234.5, "0.00E+00")).toBe("1,23E+03");
  });
});
