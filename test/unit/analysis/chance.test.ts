/**
 * The tests that rule chance out (revision 2026.2): exact binomial tails and the one-sided
 * two-proportion test, against values computed independently (exact sums of binomial terms and
 * erfc in Python's math module, quoted in each comment).
 */
import { describe, expect, it } from "vitest";
import { binomialUpperTail, normalUpperTail, twoProportionUpper } from "../../../src/core/objectivity/chance";

describe("binomialUpperTail: exact P(X ≥ k), X ~ Bin(n, p)", () => {
  it("matches exact sums", () => {
    // Σ_{j=15..20} C(20, j) / 2²⁰ = 21 700 / 1 048 576.
    expect(binomialUpperTail(15, 20, 0.5)).toBeCloseTo(21700 / 1048576, 14);
    // P(X ≥ 1) = 1 − 0,9¹⁰ = 0,6513215599.
    expect(binomialUpperTail(1, 10, 0.1)).toBeCloseTo(0.6513215599, 12);
    // All ten of ten: 0,5¹⁰ = 0,0009765625.
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(0.0009765625, 15);
  });
  it("keeps tiny tails (no 1 − cdf cancellation): P(X ≥ 30), X ~ Bin(300; 0,02) = 9,6556e−13", () => {
    expect(binomialUpperTail(30, 300, 0.02) / 9.655633538064944e-13).toBeCloseTo(1, 9);
  });
  it("edges: k ≤ 0 → 1, k > n → 0, p = 0 → 0, p = 1 → 1", () => {
    expect(binomialUpperTail(0, 20, 0.3)).toBe(1);
    expect(binomialUpperTail(21, 20, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 20, 0)).toBe(0);
    expect(binomialUpperTail(20, 20, 1)).toBe(1);
  });
  it("large n uses Stirling's series for ln n! without losing accuracy: P(X ≥ 150), X ~ Bin(300; 0,5)", () => {
    // By symmetry P(X ≥ 150) = (1 + P(X = 150)) / 2, P(X = 150) = C(300, 150)/2³⁰⁰ = 0,046027 (Python: comb(300,150)/2**300).
    expect(binomialUpperTail(150, 300, 0.5)).toBeCloseTo((1 + 0.0460274) / 2, 6);
  });
});

describe("normalUpperTail and twoProportionUpper", () => {
  it("standard normal tails", () => {
    expect(normalUpperTail(1.959963985)).toBeCloseTo(0.025, 8);
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447461, 7);
    expect(normalUpperTail(6) / 9.865876450377012e-10).toBeCloseTo(1, 5);
  });
  it("12/25 vs 4/25: p̄ = 0,32, z = 0,32 / √(0,32·0,68·0,08) = 2,42536, P = 0,0076467", () => {
    const t = twoProportionUpper(12, 25, 4, 25);
    expect(t.difference).toBeCloseTo(0.32, 12);
    expect(t.z).toBeCloseTo(2.4253562504, 8);
    expect(t.p).toBeCloseTo(0.0076466855, 7);
  });
  it("the lower share gives P above 0,5; equal shares 0,5; shares of 0 or 1 on both sides give 1", () => {
    expect(twoProportionUpper(4, 25, 12, 25).p).toBeCloseTo(1 - 0.0076466855, 7);
    expect(twoProportionUpper(5, 20, 10, 40).p).toBeCloseTo(0.5, 6);
    expect(twoProportionUpper(0, 20, 0, 30).p).toBe(1);
    expect(twoProportionUpper(20, 20, 30, 30).p).toBe(1);
    expect(twoProportionUpper(3, 0, 1, 10).p).toBe(1);
  });
});
