import { afterEach, describe, expect, it } from "vitest";
import * as F from "../../../src/functions/functions";
import { setProfile } from "../../../src/functions/context";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";

/** The error a function raises, as Excel would show it: code and Russian message. */
function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error("expected an error");
}

const col = (...v: unknown[]) => v.map((x) => [x]);

afterEach(() => setProfile(DEFAULT_PROFILE));

describe("custom functions: a row of counts or a column of marks", () => {
  it("SOU of counts (5,10,8,2) is 58.4 %", () => {
    expect(F.sou([[5, 10, 8, 2]])).toBe(58.4);
  });
  it("QUALITY of a column with text numbers, blanks and н/а", () => {
    // "5","4","3,0" are marks; "" and "н/а" are not participants → 2 of 3.
    expect(F.quality(col("5", "4", "3,0", "", "н/а"))).toBeCloseTo(66.6667, 4);
  });
  it("counts may carry n1 and text numbers with NBSP", () => {
    expect(F.success([["1\u00a0000", 0, 0, 0, 1000]])).toBe(50);
  });
  it("a column and its counts give the same values", () => {
    const marks = col(5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2);
    expect(F.sou(marks)).toBe(58.4);
    expect(F.meanmark(marks)).toBe(3.72);
    expect(F.success(marks)).toBe(92);
  });
  it("few participants (N < 20) still get the value", () => {
    expect(F.quality(col(5, 3, 3))).toBeCloseTo(33.3333, 4);
  });
  it("отс is never a participant; н/а counts as «1» only when the profile says so", () => {
    expect(F.success(col(5, "отс", "н/а"))).toBe(100);
    setProfile(applyOverrides([{ key: "marks.naAsOne", value: "да" }]).profile);
    expect(F.success(col(5, "отс", "н/а"))).toBe(50);
    expect(F.sou(col(5, "н/а"))).toBe(53.5);
  });
  it("empty range and all blanks give #Н/Д with a Russian reason (#ДЕЛ/0! cannot carry one)", () => {
    expect(excelError(() => F.quality([[0, 0, 0, 0]]))).toMatchObject({ code: "#Н/Д" });
    const e = excelError(() => F.quality(col("", null, "отс")));
    expect(e.code).toBe("#Н/Д");
    expect(e.message).toContain("Нет участников");
  });
  it("a bad value names its row and column", () => {
    const e = excelError(() => F.quality(col(5, 4, "abc")));
    expect(e.code).toBe("#ЗНАЧ!");
    expect(e.message).toBe(
      "Значение «abc» в строке 3, столбце 1 аргумента «отметки» не подходит: ожидается отметка 2, 3, 4, 5 (или 1), «н/а», «отс» или пустая ячейка.",
    );
  });
  it("out-of-range and fractional marks are errors", () => {
    expect(excelError(() => F.quality(col(6))).message).toContain("строке 1, столбце 1");
    expect(excelError(() => F.quality(col(0))).message).toContain("«0»");
    expect(excelError(() => F.quality(col("4,5"))).message).toContain("«4,5»");
    expect(excelError(() => F.quality(col("#Н/Д"))).message).toContain("«#Н/Д»");
  });
  it("negative or fractional counts are errors naming the column", () => {
    const e = excelError(() => F.sou([[5, -1, 8, 2]]));
    expect(e.message).toContain("строке 1, столбце 2");
    expect(e.message).toContain("количество участников");
  });
  it("other shapes are refused with the expected shapes named", () => {
    const e = excelError(() =>
      F.quality([
        [5, 4],
        [3, 2],
      ]),
    );
    expect(e.message).toContain("2×2");
    expect(e.message).toContain("одна строка из 4–5 количеств");
  });
});

describe("CONFIRM", () => {
  const test = col(5, 4, 3, 2, 3, "отс", 5);
  const journal = col(5, 5, 5, 3, 2, 4, 3);
  it("from two columns, by mode (English or Russian)", () => {
    expect(F.confirm(test, journal)).toBeCloseTo(16.6667, 4);
    expect(F.confirm(test, journal, "понизили")).toBe(50);
    expect(F.confirm(test, journal, "raised")).toBeCloseTo(33.3333, 4);
    expect(F.confirm(test, journal, "расхождение2")).toBeCloseTo(33.3333, 4);
  });
  it("from a row of counts (понизили, подтвердили, повысили)", () => {
    expect(F.confirm([[10, 30, 10]], undefined, "подтвердили")).toBe(60);
    expect(F.confirm([[10, 30, 10]], [[null]], "lowered")).toBe(20);
    expect(excelError(() => F.confirm([[10, 30, 10]], undefined, "gap2")).message).toContain("расхождение2");
  });
  it("columns of different height and unknown modes are errors", () => {
    expect(excelError(() => F.confirm(col(5, 4), col(5))).message).toContain("одной высоты");
    expect(excelError(() => F.confirm(test, journal, "всё")).message).toContain("режим «всё» не известен");
  });
});

describe("BELOWMIN", () => {
  it("ВПР/ОГЭ: share of «2» among marks or counts", () => {
    expect(F.belowmin("ВПР", "Математика", 2025, [[5, 10, 8, 2]])).toBe(8);
    expect(F.belowmin("огэ", "Русский язык", 2025, col(2, 3, 4, 2))).toBe(50);
  });
  it("ЕГЭ: share of scores below the subject minimum of the year", () => {
    // обществознание 2026: minimum 42 → 41 and 10 are below, 42 is not.
    expect(F.belowmin("ЕГЭ", "Обществознание", 2026, col(41, 42, 90, 10, ""))).toBe(50);
    expect(F.belowmin("ЕГЭ", "Математика (базовая)", 2026, col(2, 3, 4, 5))).toBe(25);
  });
  it("unknown procedure or subject suggests the nearest; unknown year minimum is named", () => {
    expect(excelError(() => F.belowmin("ВРП", "Математика", 2025, [[1, 1, 1, 1]])).message).toContain(
      "возможно, «ВПР»",
    );
    expect(excelError(() => F.belowmin("ЕГЭ", "Обществознане", 2025, col(50))).message).toContain(
      "возможно, «Обществознание»",
    );
    expect(excelError(() => F.belowmin("ЕГЭ", "Физика", 2015, col(50))).message).toContain("за 2015 год не задан");
    expect(excelError(() => F.belowmin("ЕГЭ", "Физика", 2025, col(101))).message).toContain("от 0 до 100");
  });
});

describe("DYNAMICS (ДИНАМИКА; formerly DELTA)", () => {
  it("two numbers → percentage points", () => {
    expect(F.dynamics([[62.5]], [[50]])).toBe(12.5);
    expect(F.dynamics([["12,5"]], [["10"]])).toBe(2.5);
  });
  it("with an indicator: of marks of two years", () => {
    expect(F.dynamics([[5, 10, 8, 2]], [[2, 8, 10, 5]], "качество")).toBe(20);
    expect(F.dynamics([[5, 10, 8, 2]], [[2, 8, 10, 5]], "share2")).toBe(-12);
  });
  it("non-numbers are errors", () => {
    expect(excelError(() => F.dynamics([["много"]], [[1]])).message).toContain("«текущее значение»");
  });
});
