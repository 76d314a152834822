/**
 * The spelled-out Unicode classes (for EdgeHTML 18, which cannot compile \p{…}) match exactly the
 * code points \p{L} and \p{N} match in this Node, across all of Unicode.
 */
import { describe, expect, it } from "vitest";
import { UNICODE_LETTERS, UNICODE_NUMBERS } from "../../../src/core/unicode-classes";

function mismatches(spelled: RegExp, native: RegExp): number[] {
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (spelled.test(ch) !== native.test(ch)) out.push(cp);
  }
  return out;
}

describe("Unicode classes without \\p{…}", () => {
  it("letters equal \\p{L} over all code points", () => {
    expect(mismatches(new RegExp(`^[${UNICODE_LETTERS}]$`, "u"), /^\p{L}$/u)).toEqual([]);
  });
  it("numbers equal \\p{N} over all code points", () => {
    expect(mismatches(new RegExp(`^[${UNICODE_NUMBERS}]$`, "u"), /^\p{N}$/u)).toEqual([]);
  });
  it("concrete letters: Cyrillic Ё, Greek, CJK and an astral letter; not digits or punctuation", () => {
    const L = new RegExp(`^[${UNICODE_LETTERS}]+$`, "u");
    expect(L.test("ЁжΩ漢𝒜")).toBe(true);
    expect(L.test("5")).toBe(false);
    expect(L.test("_")).toBe(false);
    expect(new RegExp(`^[${UNICODE_NUMBERS}]+$`, "u").test("0٣Ⅻ")).toBe(true);
  });
  it("contains no \\p escape (the point of the module)", () => {
    expect(UNICODE_LETTERS + UNICODE_NUMBERS).not.toMatch(/\\p\{/);
  });
});
