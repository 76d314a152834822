import { describe, expect, it } from "vitest";
import {
  columnIndex,
  columnLetters,
  contains,
  formatCell,
  formatRange,
  intersects,
  offset,
  parseCell,
  parseQualified,
  parseRange,
  qualify,
  quoteSheet,
  rangeFrom,
  rangeSize,
} from "../../../src/core/a1";

describe("column letters", () => {
  it("converts both ways at the letter boundaries", () => {
    const cases: [number, string][] = [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [51, "AZ"],
      [52, "BA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ];
    for (const [i, s] of cases) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
    expect(columnIndex("ab")).toBe(27);
  });
  it("refuses columns beyond XFD and non-letters", () => {
    expect(() => columnLetters(16384)).toThrow(/вне листа/);
    expect(() => columnLetters(-1)).toThrow();
    expect(() => columnIndex("XFE")).toThrow(/XFD/);
    expect(() => columnIndex("А")).toThrow(); // Cyrillic А
    expect(() => columnIndex("")).toThrow();
  });
});

describe("cells and ranges", () => {
  it("parses and formats cells, with $ and lower case", () => {
    expect(parseCell("B3")).toEqual({ row: 2, col: 1 });
    expect(parseCell("$c$10")).toEqual({ row: 9, col: 2 });
    expect(formatCell({ row: 0, col: 0 })).toBe("A1");
    expect(() => parseCell("A0")).toThrow(/Строка 0/);
    expect(() => parseCell("A1048577")).toThrow();
    expect(() => parseCell("1A")).toThrow(/B3/);
  });
  it("normalises ranges and expands whole rows and columns", () => {
    expect(parseRange("C5:A1")).toEqual({ top: 0, left: 0, bottom: 4, right: 2 });
    expect(formatRange(parseRange("C5:A1"))).toBe("A1:C5");
    expect(formatRange(parseRange("B3:B3"))).toBe("B3");
    expect(parseRange("A:C")).toEqual({ top: 0, left: 0, bottom: 1048575, right: 2 });
    expect(parseRange("2:4")).toEqual({ top: 1, left: 0, bottom: 3, right: 16383 });
    expect(() => parseRange("A1:B2:C3")).toThrow();
  });
  it("computes size, block from a corner and offsets", () => {
    expect(rangeSize("A1:C5")).toEqual({ rows: 5, columns: 3 });
    expect(rangeSize("D4")).toEqual({ rows: 1, columns: 1 });
    expect(rangeFrom("B3", 2, 3)).toBe("B3:D4");
    expect(rangeFrom("A1", 1, 1)).toBe("A1");
    expect(offset("A1", 1, 2)).toBe("C2");
    expect(offset("A1:B2", 2, 0)).toBe("A3:B4");
    expect(() => offset("A1", -1, 0)).toThrow();
  });
  it("tests overlap and containment", () => {
    expect(intersects(parseRange("A1:B2"), parseRange("B2:C3"))).toBe(true);
    expect(intersects(parseRange("A1:B2"), parseRange("C1:D2"))).toBe(false);
    expect(contains(parseRange("A1:D4"), parseRange("B2:C3"))).toBe(true);
    expect(contains(parseRange("A1:D4"), parseRange("B2:E3"))).toBe(false);
  });
});

describe("sheet-qualified references", () => {
  it("quotes names that need it and doubles apostrophes", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Свод по ОО")).toBe("'Свод по ОО'");
    expect(quoteSheet("Итоги")).toBe("'Итоги'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(qualify("Свод по ОО", "A1")).toBe("'Свод по ОО'!A1");
  });
  it("parses quoted and unquoted references", () => {
    expect(parseQualified("'Свод по ОО'!A1:B2")).toEqual({ sheet: "Свод по ОО", address: "A1:B2" });
    expect(parseQualified("Data!$b$3")).toEqual({ sheet: "Data", address: "B3" });
    expect(parseQualified("'O''Brien'!C1")).toEqual({ sheet: "O'Brien", address: "C1" });
    expect(parseQualified("c7")).toEqual({ address: "C7" });
    expect(() => parseQualified("'Свод!A1")).toThrow(/кавычка/);
    expect(() => parseQualified("!A1")).toThrow(/пустое/);
    expect(() => parseQualified("Лист!ZZZZ1")).toThrow();
  });
  it("round-trips qualify → parseQualified", () => {
    for (const name of ["Свод по ОО", "O'Brien", "Data", "Лист (2)"]) {
      expect(parseQualified(qualify(name, "B2:C9"))).toEqual({ sheet: name, address: "B2:C9" });
    }
  });
});
