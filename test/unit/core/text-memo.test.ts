import { describe, expect, it } from "vitest";
import { isSingleSpaced, memoizeText } from "../../../src/core/text-memo";

describe("memoizeText", () => {
  it("calls the function once per text and forgets everything when full", () => {
    const calls: string[] = [];
    const upper = memoizeText((t) => {
      calls.push(t);
      return t.toUpperCase();
    }, 2);
    expect([upper("а"), upper("а"), upper("б")]).toEqual(["А", "А", "Б"]);
    expect(calls).toEqual(["а", "б"]);
    // Full at 2 texts: the third clears the memory, so "а" is computed again.
    expect(upper("в")).toBe("В");
    expect(upper("а")).toBe("А");
    expect(calls).toEqual(["а", "б", "в", "а"]);
  });
});

describe("isSingleSpaced", () => {
  const letters = (c: number) => c >= 0x430 && c <= 0x44f;
  it("accepts single inner spaces and allowed characters, the empty text too", () => {
    expect(isSingleSpaced("", letters)).toBe(true);
    expect(isSingleSpaced("русский язык", letters)).toBe(true);
  });
  it("refuses leading, trailing and doubled spaces and any character not allowed", () => {
    expect(isSingleSpaced(" язык", letters)).toBe(false);
    expect(isSingleSpaced("язык ", letters)).toBe(false);
    expect(isSingleSpaced("русский  язык", letters)).toBe(false);
    expect(isSingleSpaced("Язык", letters)).toBe(false);
    expect(isSingleSpaced("язык\u00a0", letters)).toBe(false);
  });
});
