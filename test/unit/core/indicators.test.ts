import { describe, expect, it } from "vitest";
import * as ind from "../../../src/core/indicators";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

const W = DEFAULT_PROFILE.values["sou.weights"];
// Hand-computed reference class: n5=5, n4=10, n3=8, n2=2 → N=25.
const C = { n5: 5, n4: 10, n3: 8, n2: 2 };

describe("result indicators (methodology §2)", () => {
  it("success rate = (n5+n4+n3)/N·100", () => {
    expect(ind.successRate(C)).toBe(92); // 23/25
  });
  it("quality = (n5+n4)/N·100", () => {
    expect(ind.quality(C)).toBe(60); // 15/25
  });
  it("СОУ with weights 100/64/36/16/7", () => {
    expect(ind.sou(C, W)).toBe(58.4); // (500+640+288+32)/25 = 1460/25
    expect(ind.sou({ n5: 0, n4: 0, n3: 0, n2: 0, n1: 4 }, W)).toBe(7);
    expect(ind.sou({ n5: 1, n4: 1, n3: 1, n2: 1, n1: 1 }, W)).toBeCloseTo((100 + 64 + 36 + 16 + 7) / 5, 12);
  });
  it("СОУ is not the pass rate", () => {
    expect(ind.sou(C, W)).not.toBe(ind.successRate(C));
  });
  it("mean mark", () => {
    expect(ind.meanMark(C)).toBe(3.72); // (25+40+24+4)/25 = 93/25
  });
  it("share of «2» and «5»", () => {
    expect(ind.share2(C)).toBe(8);
    expect(ind.share5(C)).toBe(20);
    expect(ind.share2({ n5: 0, n4: 0, n3: 3, n2: 1, n1: 1 })).toBe(40);
  });
  it("no participants gives null, never 0", () => {
    const empty = { n5: 0, n4: 0, n3: 0, n2: 0 };
    expect(ind.successRate(empty)).toBeNull();
    expect(ind.quality(empty)).toBeNull();
    expect(ind.sou(empty, W)).toBeNull();
    expect(ind.meanMark(empty)).toBeNull();
  });
  it("counts marks from a list", () => {
    expect(ind.countMarks(Uint8Array.from([5, 5, 4, 3, 2, 2, 1]))).toEqual({ n5: 2, n4: 1, n3: 1, n2: 2, n1: 1 });
  });
  it("mean raw score and completion of the maximum", () => {
    const m = ind.meanScore([10, 12, 20]);
    expect(m).toBe(14);
    expect(ind.completionOfMax(m, 24)).toBeCloseTo(58.333333, 5);
    expect(ind.meanScore([])).toBeNull();
    expect(ind.completionOfMax(14, 0)).toBeNull();
  });
  it("task completion = Σ points / (N·max) · 100", () => {
    expect(ind.taskCompletion(30, 20, 2)).toBe(75);
    expect(ind.taskCompletion(0, 0, 2)).toBeNull();
  });
  it("confirmation of journal marks: lowered / confirmed / raised / gap ≥ 2", () => {
    const test = [5, 4, 3, 2, 3, NaN, 5];
    const journal = [5, 5, 5, 3, 2, 4, 3];
    const c = ind.confirmation(test, journal);
    expect(c).toEqual({ n: 6, confirmed: 1, lowered: 3, raised: 2, gap2: 2 });
    expect(ind.confirmationShare(c, "lowered")).toBe(50);
    expect(ind.confirmationShare(c, "gap2")).toBeCloseTo(33.333333, 5);
    expect(ind.confirmationShare({ lowered: 0, confirmed: 0, raised: 0 }, "confirmed")).toBeNull();
  });
  it("share of ЕГЭ scores below the minimum (strictly below)", () => {
    expect(ind.shareBelowScore([23, 24, 25, 80], 24)).toBe(25);
    expect(ind.shareBelowScore([], 24)).toBeNull();
  });
  it("dynamics in percentage points without float noise", () => {
    expect(ind.delta(12.3, 10.1)).toBe(2.2);
    expect(ind.delta(null, 3)).toBeNull();
  });
  it("sample-size class at the edges 50 / 20", () => {
    expect(ind.sizeClass(50, DEFAULT_PROFILE)).toBe("informative");
    expect(ind.sizeClass(49, DEFAULT_PROFILE)).toBe("approximate");
    expect(ind.sizeClass(20, DEFAULT_PROFILE)).toBe("approximate");
    expect(ind.sizeClass(19, DEFAULT_PROFILE)).toBe("limited");
    expect(ind.sizeClass(0, DEFAULT_PROFILE)).toBe("limited");
  });
});
