/**
 * Directions 3–8 assessed on a hand-made municipality of four schools (direction 6 data only):
 * values, targets at / just below the threshold, too small a denominator, levels, dynamics,
 * cluster and municipal pooling, the verdict, findings and their measures.
 */
import { describe, expect, it } from "vitest";
import { assessDirections, latestDirectionYear, verdictText } from "../../../src/core/direction-assessment";
import {
  directionFindings,
  directionRecommendations,
  findDirectionShortfalls,
  formatIndicatorValue,
  formatTarget,
} from "../../../src/core/direction-findings";
import { DIRECTION_INDICATORS, usedIndicators } from "../../../src/core/directions";
import type { DirectionRow, SchoolReport } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE, PARAMS } from "../../../src/core/profile";
import { DIRECTION_TARGETS } from "../../../src/core/profile/direction-targets";

const NB = "\u00a0";

function school(login: string, staff: DirectionRow[], preschool: DirectionRow[] = []): SchoolReport {
  return {
    passport: { login, name: `ОО ${login}`, type: "СОШ", location: "город", contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    cycle: [],
    findings: [],
    directions: { staff, ...(preschool.length ? { preschool } : {}) },
  };
}
const staff = (year: number, teachers: number, catHighest: number, catFirst: number, vacancies?: number) => ({
  year,
  values: { teachers, catHighest, catFirst, ...(vacancies === undefined ? {} : { vacancies }) },
});

// A: 24 / 40 = 60 % (2024: 20 / 40 = 50 %), 0 vacancies. B: 9 / 20 = 45 %, 2 vacancies.
// C: 4 teachers — below the minimum denominator 5 — 2 / 4 = 50 %, 1 vacancy. D: 7 / 14 = 50 % exactly.
const A = school("a", [staff(2024, 40, 10, 10, 0), staff(2025, 40, 10, 14, 0)]);
const B = school("b", [staff(2025, 20, 3, 6, 2)]);
const C = school("c", [staff(2025, 4, 1, 1, 1)]);
const D = school(
  "d",
  [staff(2025, 14, 3, 4)],
  [
    { year: 2025, label: "Образовательные условия", values: { groups: 5, groupsBasicOrAbove: 4, mkdoScore: 2.5 } },
    { year: 2025, label: "Управление и развитие", values: { groups: 5, groupsBasicOrAbove: 3, mkdoScore: 3.2 } },
  ],
);
// D's kindergarten groups («Группы МКДО»): 10 groups assessed in two areas; 7 are at the basic level (2)
// or above in both, 3 are below it in one area. Each group counts once, never once per area.
D.preschoolGroups = Array.from({ length: 10 }, (_, i) => ({
  year: 2025,
  group: `Группа ${i + 1}`,
  children: 20,
  levels: { mkdo5: i < 7 ? 3 : 1, mkdo9: 2 },
}));
const SCHOOLS = [A, B, C, D];
const clusterOf = new Map([
  ["a", "город"],
  ["b", "город"],
  ["c", "село"],
  ["d", "село"],
]);
const assessed = assessDirections(SCHOOLS, DEFAULT_PROFILE, { year: 2025, clusterOf });
const dir = (n: number) => assessed.find((d) => d.direction === n)!;
const ind = (n: number, id: string) => dir(n).indicators.find((a) => a.indicator.id === id)!;

describe("catalogue and profile", () => {
  it("every indicator has a formula, a target, bands and a «use» switch in the profile", () => {
    expect(DIRECTION_INDICATORS.map((i) => i.id)).toEqual(DIRECTION_TARGETS.map((t) => t.id));
    for (const i of DIRECTION_INDICATORS) {
      expect(PARAMS).toHaveProperty([`dir.${i.id}.use`]);
      expect(PARAMS).toHaveProperty([`dir.${i.id}.target`]);
      if (i.id !== "categoryShare") expect(PARAMS).toHaveProperty([`dir.${i.id}.bands`]);
    }
    expect(PARAMS["dir.categoryShare.target"].label).toBe(
      "Доля педагогов с первой и высшей квалификационной категорией: целевой индикатор (не ниже)",
    );
    expect(PARAMS["dir.vacancies.bands"].label).toBe("Вакансии педагогов: уровни — хороший до, средний до");
  });
  it("профминимум and the МКДО area scores are indicators; the choice of indicators is a setting", () => {
    expect(usedIndicators(DEFAULT_PROFILE).map((i) => i.id)).toEqual(
      expect.arrayContaining(["profMinimumShare", "mkdoScore"]),
    );
    expect(usedIndicators(DEFAULT_PROFILE)).toHaveLength(24);
    const { profile } = applyOverrides([{ key: "dir.vacancies.use", value: "нет" }]);
    expect(usedIndicators(profile).some((i) => i.id === "vacancies")).toBe(false);
    expect(assessDirections(SCHOOLS, profile, { year: 2025 }).find((d) => d.direction === 6)!.indicators).toHaveLength(
      5,
    );
  });
});

describe("a share with a target: categoryShare, target 50 %, bands 20 / 50 %", () => {
  it("above, exactly at, below the target; too small a denominator is not judged", () => {
    const a = ind(6, "categoryShare");
    expect(a.target).toBe(50);
    expect(a.schools.get("a")).toMatchObject({ value: 60, previous: 50, dynamics: 10, level: "хороший", met: true });
    expect(a.schools.get("d")).toMatchObject({ value: 50, level: "хороший", met: true });
    expect(a.schools.get("b")).toMatchObject({
      value: 45,
      previous: null,
      dynamics: null,
      level: "средний",
      met: false,
    });
    expect(a.schools.get("c")).toMatchObject({ value: 50, level: null, met: null, unassessed: "smallDenominator" });
  });
  it("municipality and clusters pool numerators and denominators; schools meeting the target are counted", () => {
    const a = ind(6, "categoryShare");
    // (24 + 9 + 2 + 7) / (40 + 20 + 4 + 14) = 42 / 78 = 53,85 %
    expect(a.municipality).toMatchObject({ numerator: 42, denominator: 78, level: "хороший", met: true });
    expect(a.municipality.value).toBeCloseTo(53.846, 3);
    expect(a.municipality).toMatchObject({ schoolsAssessed: 3, schoolsMet: 2 });
    // город: 33 / 60 = 55 %, one of two schools; село: 9 / 18 = 50 %, D only (C is too small)
    expect(a.clusters.get("город")).toMatchObject({ value: 55, schoolsAssessed: 2, schoolsMet: 1 });
    expect(a.clusters.get("село")).toMatchObject({ value: 50, schoolsAssessed: 1, schoolsMet: 1 });
  });
  it("bands in the settings must not decrease; the error names the cell", () => {
    const { errors } = applyOverrides([
      { key: "dir.clubsShare.bands", value: "60; 40", ref: { sheet: "Настройки МСОКО", cell: "B7" } },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain("лист «Настройки МСОКО», ячейка B7");
    expect(errors[0].message).toContain("числа должны идти по возрастанию (границы уровней), а указано «60; 40»");
    expect(applyOverrides([{ key: "dir.clubsShare.bands", value: "40;40" }]).errors).toEqual([]);
  });
  it("a target changed in the settings changes the verdict", () => {
    const { profile } = applyOverrides([{ key: "dir.categoryShare.target", value: "45" }]);
    const a = assessDirections(SCHOOLS, profile, { year: 2025 })
      .find((d) => d.direction === 6)!
      .indicators.find((x) => x.indicator.id === "categoryShare")!;
    expect(a.schools.get("b")!.met).toBe(true);
    const { profile: p2 } = applyOverrides([{ key: "dir.categoryShare.target", value: "45,01" }]);
    const b = assessDirections(SCHOOLS, p2, { year: 2025 })
      .find((d) => d.direction === 6)!
      .indicators.find((x) => x.indicator.id === "categoryShare")!;
    expect(b.schools.get("b")!.met).toBe(false);
  });
});

describe("a count where lower is better: vacancies, target ≤ 1, bands 1 / 2", () => {
  it("levels and target per school; the municipal total is not held to a school's target", () => {
    const v = ind(6, "vacancies");
    expect(v.schools.get("a")).toMatchObject({ value: 0, level: "хороший", met: true });
    expect(v.schools.get("c")).toMatchObject({ value: 1, level: "хороший", met: true });
    expect(v.schools.get("b")).toMatchObject({ value: 2, level: "средний", met: false });
    expect(v.schools.get("d")).toMatchObject({ value: null, met: null, unassessed: "noData" });
    expect(v.municipality).toMatchObject({ value: 3, level: null, met: null, schoolsAssessed: 3, schoolsMet: 2 });
  });
});

describe("verdict per direction", () => {
  it("a school meets the direction's goal when it meets every target it is assessed on", () => {
    // A: both met; B: neither; C: vacancies only (category not judged); D: category only (no vacancies row).
    expect(dir(6)).toMatchObject({ schoolsAssessed: 4, schoolsMet: 3, verdict: "Цель достигнута у 3 из 4 ОО" });
    expect(dir(3)).toMatchObject({
      schoolsAssessed: 0,
      verdict: "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
    });
    expect(verdictText(14, 25)).toBe("Цель достигнута у 14 из 25 ОО");
    expect(latestDirectionYear(SCHOOLS)).toBe(2025);
    expect(latestDirectionYear([])).toBeNull();
  });
  it("МКДО: the mean area score and the share of groups at the basic level", () => {
    // (2,5 + 3,2) / 2 = 2,85 ≥ 2,8; groups 7 / 10 = 70 % < 80 %, exactly the «средний» band's floor
    expect(ind(8, "mkdoScore").schools.get("d")).toMatchObject({ numerator: 5.7, denominator: 2, met: true });
    expect(ind(8, "mkdoScore").schools.get("d")!.value).toBeCloseTo(2.85, 10);
    expect(ind(8, "mkdoBasicShare").schools.get("d")).toMatchObject({
      numerator: 7,
      denominator: 10,
      value: 70,
      level: "средний",
      met: false,
    });
    expect(dir(8).verdict).toBe("Цель достигнута у 0 из 1 ОО");
  });
});

describe("findings and measures", () => {
  const findings = directionFindings(assessed, DEFAULT_PROFILE);
  it("one finding per school and indicator below target, with the numbers and where the target comes from", () => {
    expect(findings.map((f) => `${f.school} ${f.indicatorId}`)).toEqual([
      "b categoryShare",
      "b vacancies",
      "d mkdoBasicShare",
    ]);
    expect(findings[0]).toMatchObject({
      kind: "direction",
      direction: 6,
      year: 2025,
      value: 45,
      target: 50,
      numerator: 9,
      denominator: 20,
      level: "средний",
      targetKey: "dir.categoryShare.target",
      tag: "DEFAULT",
    });
    expect(findings[0].text).toBe(
      `Доля педагогов с первой и высшей квалификационной категорией — 45${NB}% при цели не ниже 50${NB}% (9 из 20; уровень «средний»; цель — значение по умолчанию надстройки).`,
    );
    expect(findings[1].text).toBe(
      `Вакансии педагогов — 2${NB}ставки при цели не выше 1${NB}ставки (уровень «средний»; цель — значение по умолчанию надстройки).`,
    );
  });
  it("one call for the cycle: the latest year's shortfalls of the schools", () => {
    expect(findDirectionShortfalls(SCHOOLS, DEFAULT_PROFILE)).toEqual(findings);
    expect(findDirectionShortfalls(SCHOOLS, DEFAULT_PROFILE, { year: 2024 })).toEqual([]);
    expect(findDirectionShortfalls([], DEFAULT_PROFILE)).toEqual([]);
  });
  it("a target from the settings is named as such; a value rounding onto the target shows two decimals", () => {
    const { profile } = applyOverrides([{ key: "dir.categoryShare.target", value: "45" }]);
    // 1124 / 2500 = 44,96 %: «45 % при цели 45 %» would contradict the flag.
    const big = school("e", [staff(2025, 2500, 1124, 0)]);
    const f = directionFindings(assessDirections([big], profile, { year: 2025 }), profile);
    expect(f.map((x) => x.indicatorId)).toEqual(["categoryShare"]);
    expect(f[0].text).toBe(
      `Доля педагогов с первой и высшей квалификационной категорией — 44,96${NB}% при цели не ниже 45${NB}% (1124 из 2500; уровень «средний»; цель задана в настройках книги).`,
    );
  });
  it("measures of the direction: those tied to indicators only when one of them fell short", () => {
    const recs = directionRecommendations(findings, DEFAULT_PROFILE);
    expect(recs.map((r) => `${r.school} ${r.direction}: ${r.measures.map((m) => m.id).join(", ")}`)).toEqual([
      "b 6: deficitRoutes, staffNeeds",
      "d 8: preschoolConditions, preschoolGuidance",
    ]);
    expect(recs[0].measures[1]).toEqual({
      id: "staffNeeds",
      addressee: "МОУО",
      text: "Провести мониторинг кадровых потребностей ОО и спланировать аттестацию и повышение квалификации педагогов",
      basis: "Положение о МСОКО",
    });
    const { profile } = applyOverrides([{ key: "basis.clause.direction6", value: "п. 7.2.2" }]);
    expect(directionRecommendations(findings, profile)[0].measures[0].basis).toBe("Положение о МСОКО, п. 7.2.2");
  });
  it("Russian units and targets", () => {
    const byId = (id: string) => DIRECTION_INDICATORS.find((i) => i.id === id)!;
    expect(formatIndicatorValue(byId("vacancies"), 1)).toBe(`1${NB}ставка`);
    expect(formatIndicatorValue(byId("offences"), 5)).toBe(`5${NB}случаев`);
    expect(formatIndicatorValue(byId("mkdoScore"), 2.85)).toBe(`2,85${NB}балла`);
    expect(formatTarget(byId("offences"), 2)).toBe(`не выше 2${NB}случаев`);
    expect(formatTarget(byId("mkdoScore"), 2.8)).toBe(`не ниже 2,8${NB}балла`);
    expect(formatTarget(byId("categoryShare"), 50)).toBe(`не ниже 50${NB}%`);
  });
});
