/**
 * What a recommendation names (issue 17, part 5): subjects, grades and the numbers that triggered
 * it, in Russian — the phrase builder (src/core/focus.ts) and the focus of risk factors and signs
 * in the summary's recommendations (src/summary/model/analysis-tables.ts).
 */
import { describe, expect, it } from "vitest";
import { bySubjectRu, focusText } from "../../../src/core/focus";
import type { RiskFactorResult } from "../../../src/core/risk";
import type { SignResult } from "../../../src/core/objectivity";
import { factorFocus, signFocus } from "../../../src/summary/model/analysis-tables";

const NB = "\u00a0";

describe("focusText", () => {
  it("groups grades of one subject and lists the values in grade order", () => {
    expect(
      focusText(
        [
          { subject: "Математика", grade: 6, value: 31 },
          { subject: "Математика", grade: 5, value: 34 },
          { subject: "Русский язык", grade: 7, value: 30.5 },
        ],
        "доля «2»",
      ),
    ).toBe(
      `по математике в 5 и 6 классах: доля «2» 34${NB}% и 31${NB}%; по русскому языку в 7 классе: доля «2» 30,5${NB}%`,
    );
  });
  it("three grades, no values, a procedure, an unknown subject", () => {
    expect(
      focusText([
        { subject: "Физика", grade: 9 },
        { subject: "Физика", grade: 7 },
        { subject: "Физика", grade: 8 },
      ]),
    ).toBe("по физике в 7, 8 и 9 классах");
    expect(focusText([{ subject: "Математика", grade: 9, procedure: "ОГЭ" }])).toBe("по математике (ОГЭ) в 9 классе");
    expect(bySubjectRu("Астрономия")).toBe("по предмету «Астрономия»");
    expect(focusText([])).toBe("");
  });
});

function factor(id: "R1" | "R2" | "R3", values: number[], numbers: Record<string, number> = {}): RiskFactorResult {
  return {
    id,
    hasData: true,
    fired: true,
    numbers,
    threshold: [],
    tags: [],
    items: values.map((value, i) => ({
      procedure: "ВПР",
      year: 2026,
      grade: 4 + i,
      subject: i % 2 ? "Русский язык" : "Математика",
      n: 25,
      value,
    })),
  } as RiskFactorResult;
}

describe("the focus of a summary recommendation", () => {
  it("R1: the worst five procedures by share, the rest counted", () => {
    // Shares by grade 4…10: 31, 45, 33, 50, 40, 30, 35 → the worst five: 50 (7, рус.), 45 (5, рус.), 40 (8, мат.), 35 (10, мат.), 33 (6, мат.).
    expect(factorFocus(factor("R1", [31, 45, 33, 50, 40, 30, 35]))).toBe(
      `по русскому языку (ВПР) в 5 и 7 классах: не преодолели минимальный порог 45${NB}% и 50${NB}%; ` +
        `по математике (ВПР) в 6, 8 и 10 классах: не преодолели минимальный порог 33${NB}%, 40${NB}% и 35${NB}%; и ещё в 2 процедурах`,
    );
  });
  it("R3 names the rises; R2 the standardized result", () => {
    expect(factorFocus(factor("R3", [25]))).toBe(`по математике (ВПР) в 4 классе: доля «2» выросла до 25${NB}%`);
    expect(factorFocus({ ...factor("R2", []), numbers: { z: -1.234, procedures: 21 } })).toBe(
      "средний стандартизированный результат −1,23 по 21 процедуре",
    );
  });
  it("a sign names where it fired", () => {
    const sign = { rule: "O2", procedure: "ВПР", grade: 4, subject: "Русский язык", year: 2026 } as SignResult;
    expect(signFocus(sign)).toBe("по русскому языку (ВПР) в 4 классе");
    expect(signFocus({ rule: "O6", year: 2026 } as SignResult)).toBe("");
  });
});
