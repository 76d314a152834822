import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE, PARAM_KEYS, applyOverrides } from "../../../src/core/profile";
import { OVERRIDE_LABEL, formatParamValue, methodologySections } from "../../../src/taskpane/methodology/rows";

describe("formatParamValue", () => {
  it("writes numbers the Russian way with units", () => {
    expect(formatParamValue(28.5, "%")).toBe("28,5\u00a0%");
    expect(formatParamValue(0.01)).toBe("0,01");
    expect(formatParamValue(50, "чел.")).toBe("50\u00a0чел.");
    expect(formatParamValue([100, 64, 36, 16, 7])).toBe("100; 64; 36; 16; 7");
    expect(formatParamValue([50, 80], "%")).toBe("50; 80\u00a0%");
    expect(formatParamValue(true)).toBe("да");
    expect(formatParamValue(false, "%")).toBe("нет");
  });
});

describe("methodologySections", () => {
  it("groups every parameter once, by section, in catalogue order", () => {
    const sections = methodologySections(DEFAULT_PROFILE);
    expect(sections.flatMap((s) => s.rows.map((r) => r.key))).toEqual(PARAM_KEYS);
    expect(sections[0].section).toBe("Показатели результатов");
    expect(sections[0].rows[0]).toEqual({
      key: "sou.weights",
      label: "Веса СОУ для отметок «5», «4», «3», «2», «1» (по В. П. Симонову)",
      value: "100; 64; 36; 16; 7",
      rule: "§2",
      tag: "COMMON",
      tagLabel: "общепринятая практика",
    });
    expect(new Set(sections.map((s) => s.section)).size).toBe(sections.length);
  });

  it("marks a value overridden by the workbook", () => {
    const { profile, errors } = applyOverrides([{ key: "ege.highScore", value: "85" }]);
    expect(errors).toEqual([]);
    const row = methodologySections(profile).flatMap((s) => s.rows).find((r) => r.key === "ege.highScore");
    expect(row).toMatchObject({ value: "85\u00a0балл", tag: "OVERRIDE", tagLabel: OVERRIDE_LABEL });
  });
});
