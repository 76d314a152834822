import { describe, expect, it } from "vitest";
import {
  countRu,
  formatNumberRu,
  formatPercentRu,
  formatPointsRu,
  parseNumberText,
  plural,
  readCell,
} from "../../../src/core/values";
import { canonicalSubject, nearest, SUBJECTS } from "../../../src/core/subjects";

describe("reading cell values of Russian workbooks", () => {
  it("parses numbers stored as text", () => {
    expect(parseNumberText("4,5")).toBe(4.5);
    expect(parseNumberText("1\u00a0234,5")).toBe(1234.5);
    expect(parseNumberText("1 234")).toBe(1234);
    expect(parseNumberText("12,5 %")).toBe(12.5);
    expect(parseNumberText("−3")).toBe(-3);
    expect(parseNumberText("3.0")).toBe(3);
    expect(parseNumberText("4,5,6")).toBeNull();
    expect(parseNumberText("abc")).toBeNull();
    expect(parseNumberText("")).toBeNull();
  });
  it("classifies cells", () => {
    expect(readCell(null)).toEqual({ kind: "blank" });
    expect(readCell("  ")).toEqual({ kind: "blank" });
    expect(readCell("н/а")).toEqual({ kind: "na" });
    expect(readCell("Н/А")).toEqual({ kind: "na" });
    expect(readCell("отс")).toEqual({ kind: "absent" });
    expect(readCell("#Н/Д")).toEqual({ kind: "error", code: "#Н/Д" });
    expect(readCell("#VALUE!")).toEqual({ kind: "error", code: "#VALUE!" });
    expect(readCell(NaN)).toMatchObject({ kind: "error" });
    expect(readCell("3,0")).toEqual({ kind: "number", value: 3, fromText: true });
    expect(readCell(4)).toEqual({ kind: "number", value: 4, fromText: false });
    expect(readCell({ error: "#N/A" })).toEqual({ kind: "error", code: "#N/A" });
  });
  it("formats numbers the Russian way", () => {
    expect(formatNumberRu(12.5)).toBe("12,5");
    expect(formatPercentRu(12.5)).toBe("12,5\u00a0%");
    expect(formatPointsRu(3.25)).toBe("+3,3\u00a0п.п.");
    expect(formatPointsRu(-1)).toBe("−1\u00a0п.п.");
    expect(formatNumberRu(12345.678, 1)).toBe("12\u00a0345,7");
  });
  it("formats integers around the grouping boundary the same way (the integer fast path)", () => {
    expect(formatNumberRu(9999)).toBe("9999");
    expect(formatNumberRu(10000)).toBe("10\u00a0000");
    expect(formatNumberRu(-9999)).toBe("−9999");
    expect(formatNumberRu(-10000, 0)).toBe("−10\u00a0000");
    expect(formatNumberRu(-0)).toBe("0");
    expect(formatNumberRu(-5, 6)).toBe("−5");
    expect(formatNumberRu(5.0000001, 6)).toBe("5");
  });
  it("Russian plurals", () => {
    expect(plural(1, ["школа", "школы", "школ"])).toBe("школа");
    expect(plural(3, ["школа", "школы", "школ"])).toBe("школы");
    expect(plural(11, ["школа", "школы", "школ"])).toBe("школ");
    expect(plural(21, ["школа", "школы", "школ"])).toBe("школа");
    expect(countRu(25, ["школа", "школы", "школ"])).toBe("25 школ");
  });
  it("recognises subjects and suggests the nearest", () => {
    expect(canonicalSubject("русский язык")).toBe("Русский язык");
    expect(canonicalSubject("Pусский язык")).toBe("Русский язык"); // Latin P
    expect(canonicalSubject("Математика профильная")).toBe("Математика (профильная)");
    expect(canonicalSubject("Матиматика")).toBeNull();
    expect(nearest("Матиматика", SUBJECTS)).toBe("Математика");
    expect(nearest("zzzzzzzzzzzzzzzz", SUBJECTS)).toBeNull();
  });
});
