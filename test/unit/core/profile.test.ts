import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  DEFAULT_PROFILE,
  egeMinimum,
  markScale,
  PARAMS,
  PARAM_KEYS,
  PROFILE_VERSION,
} from "../../../src/core/profile";
import { sizeClass } from "../../../src/core/indicators";

describe("methodology profile", () => {
  it("every parameter has a label, a section, a rule and a provenance tag", () => {
    for (const k of PARAM_KEYS) {
      const p = PARAMS[k];
      expect(p.label.length, k).toBeGreaterThan(5);
      expect(["OFFICIAL", "OFFICIAL*", "REGIONAL", "COMMON", "DEFAULT"]).toContain(p.tag);
      expect(p.rule).toMatch(/^§\d/);
    }
  });
  it("holds the methodology's defaults", () => {
    expect(DEFAULT_PROFILE.values["sou.weights"]).toEqual([100, 64, 36, 16, 7]);
    expect(DEFAULT_PROFILE.values["sample.informative"]).toBe(50);
    expect(DEFAULT_PROFILE.values["sample.approximate"]).toBe(20);
    expect(DEFAULT_PROFILE.values["risk.weights"]).toEqual([3, 2, 1, 1, 2]);
    expect(DEFAULT_PROFILE.version).toBe(PROFILE_VERSION);
  });
  it("ЕГЭ minimums by subject and year", () => {
    expect(egeMinimum(DEFAULT_PROFILE, "Обществознание", 2026)?.score).toBe(42);
    expect(egeMinimum(DEFAULT_PROFILE, "рус", 2020)?.score).toBe(24);
    expect(egeMinimum(DEFAULT_PROFILE, "Информатика", 2018)).toBeNull();
    expect(egeMinimum(DEFAULT_PROFILE, "Математика (базовая)", 2025)?.score).toBeNull();
  });
  it("score → mark scale of ВПР 2026 русский 4 класс", () => {
    expect(markScale(DEFAULT_PROFILE, "ВПР", 2026, 4, "Русский язык")).toMatchObject({
      max: 24,
      min3: 10,
      min4: 16,
      min5: 21,
    });
    expect(markScale(DEFAULT_PROFILE, "ВПР", 2025, 4, "Русский язык")).toBeNull();
  });
  it("overrides change values, mark them and bump the version", () => {
    const { profile, errors } = applyOverrides([
      { key: "sample.approximate", value: "15" },
      { key: "sou.weights", value: "100; 64; 36; 16; 0" },
      { key: "marks.naAsOne", value: "да" },
      { key: "ege.min|Физика|2027", value: 39 },
      { key: "scale|ВПР|2025|5|Математика", value: "20;6;10;15" },
    ]);
    expect(errors).toEqual([]);
    expect(profile.values["sample.approximate"]).toBe(15);
    expect(profile.values["sou.weights"]).toEqual([100, 64, 36, 16, 0]);
    expect(profile.values["marks.naAsOne"]).toBe(true);
    expect(egeMinimum(profile, "Физика", 2027)?.score).toBe(39);
    expect(egeMinimum(profile, "Физика", 2026)?.score).toBe(36);
    expect(markScale(profile, "ВПР", 2025, 5, "Математика")?.min4).toBe(10);
    expect(profile.overridden.has("sample.approximate")).toBe(true);
    expect(profile.version).toBe(`${PROFILE_VERSION}+5`);
    expect(sizeClass(15, profile)).toBe("approximate");
    expect(DEFAULT_PROFILE.values["sample.approximate"]).toBe(20);
  });
  it("bad overrides are reported in Russian with their cell, not applied", () => {
    const ref = { sheet: "Настройки МСОКО", cell: "B4" };
    const { profile, errors } = applyOverrides([
      { key: "sample.approximate", value: "двадцать", ref },
      { key: "o2.alpha", value: 2 },
      { key: "__proto__", value: 1 },
      { key: "constructor", value: 1 },
      { key: "sou.weights", value: "1;2" },
      { key: "scale|ВПР|2025|5|Математика", value: "20;10;6;15" },
    ]);
    expect(errors).toHaveLength(6);
    expect(errors[0].message).toContain("лист «Настройки МСОКО», ячейка B4");
    expect(errors[0].message).toContain("ожидается число");
    expect(errors[2].message).toContain("неизвестный параметр");
    expect(profile.values["sample.approximate"]).toBe(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(profile.values)).toBe(Object.prototype);
  });
});
