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
    const row = methodologySections(profile)
      .flatMap((s) => s.rows)
      .find((r) => r.key === "ege.highScore");
    expect(row).toMatchObject({ value: "85\u00a0балл", tag: "OVERRIDE", tagLabel: OVERRIDE_LABEL });
  });
});

describe("methodology labels", () => {
  it("spells a rule reference out as a section of the methodology", async () => {
    const { ruleText } = await import("../../../src/taskpane/methodology/labels");
    expect(ruleText("§2")).toBe("Методика, раздел 2 «Показатели результатов»");
    expect(ruleText("§3 O1 (ред. 2026.2)")).toBe(
      "Методика, раздел 3 «Признаки необъективности», правило O1, редакция 2026.2",
    );
    expect(ruleText("§4 R5")).toBe("Методика, раздел 4 «Риски низких результатов», правило R5");
    expect(ruleText("§9")).toBe("Методика, раздел 9");
    expect(ruleText("п. 7 Положения")).toBe("п. 7 Положения");
  });

  it("has a Russian badge and a legend line for every tag, including the workbook's override", async () => {
    const { TAG_LEGEND, TAG_SHORT } = await import("../../../src/taskpane/methodology/labels");
    const { TAG_LABELS } = await import("../../../src/core/profile");
    const tags = [...Object.keys(TAG_LABELS), "OVERRIDE"];
    expect(TAG_LEGEND.map((l) => l.tag)).toEqual(tags);
    for (const t of tags) expect(TAG_SHORT[t as keyof typeof TAG_SHORT]).toMatch(/^[а-яё ,]+$/);
    expect(TAG_SHORT["OFFICIAL*"]).toBe("федеральный, по цитате");
  });
});
