import { describe, expect, it } from "vitest";
import { analyzeMunicipality, explainSchool } from "../../../src/core/analysis";
import { OLYMPIAD_COLUMNS } from "../../../src/core/objectivity";
import { DEFAULT_PROFILE, PARAMS } from "../../../src/core/profile";
import { OLYMPIADS } from "../../../src/form/schema";
import { addParticipants, addResult, municipality, school, withQuality } from "./build";

const P = DEFAULT_PROFILE;

describe("explanations and shared ids", () => {
  it("the olympiad column ids are the form schema's", () => {
    const ids = OLYMPIADS.columns.map((c) => c.id);
    for (const id of Object.values(OLYMPIAD_COLUMNS)) expect(ids).toContain(id);
  });

  it("every threshold the engine reads is a parameter of the profile", () => {
    for (const k of [
      "objectivity.minN",
      "o1.gap2Share",
      "o1.mismatchExcess",
      "o2.minN",
      "o2.minPeak",
      "o2.ratio",
      "o2.alpha",
      "o3.qualityExcess",
      "o5.gap",
      "o5.jump",
      "o6.ratio",
      "objectivity.window",
      "r1.share",
      "r1.procedures",
      "r1.minN",
      "r2.quantile",
      "r3.minN",
      "r4.quantile",
      "r5.highFactors",
      "risk.weights",
      "risk.levels",
      "stability.window",
      "stability.topQuantile",
      "clusters.minSize",
      "clusters.socialTerciles",
      "dynamics.share2Rise",
    ]) {
      expect(PARAMS).toHaveProperty([k]);
    }
  });

  it("R2, O2, cluster and stable absence sentences", () => {
    const schools = [80, 60, 40, 20].map((q, i) =>
      addResult(school(`s${i}`), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    addParticipants(schools[0], "ВПР", 2026, 4, "Русский язык", [
      [10, { score: 10, mark: 3 }],
      [2, { score: 9, mark: 2 }],
      [18, { score: 13, mark: 3 }],
    ]);
    addParticipants(schools[1], "ВПР", 2026, 4, "Русский язык", [
      [50, { score: 10, mark: 3 }],
      [150, { score: 9, mark: 2 }],
    ]);
    const a = analyzeMunicipality(municipality(schools), P);
    const s3 = a.schools[3];
    expect(explainSchool(s3, "R2", 2025)).toBe(
      "R2 (фактор риска ШНОР): стандартизированный результат −1,34 (среднее z по 1 процедуре) — в нижней доле 0,25 кластера «СОШ, город» ([REGIONAL]): ниже — ни у одной из 4 ОО; результат не выше −1 ([DEFAULT]); 2025 год.",
    );
    expect(explainSchool(a.schools[0], "O2").replace(/\u00a0/g, " ")).toMatch(
      /^O2 \(признак, требует анализа\): на границе отметки «3» \(балл 10\) 10 участников, на балл ниже — 2 \(порог: не менее 5 и в 2 раза больше, \[DEFAULT\]\); биномиальный тест: при доле балла 10 у эталона q = 0,283 вероятность такого пика p = <?\s?0,0\d+ \(порог 0,01, \[DEFAULT\]; эталон — муниципалитет «Тестовый» \(все участники, школа включена\), N = 230\); границы отметок по шкале методики: «3» от 10, «4» от 16, «5» от 21; ВПР 2026, 4 класс, русский язык, N = 30\.$/,
    );
    expect(explainSchool(s3, "cluster")).toBe("Кластер ОО (§6, [DEFAULT]): «СОШ, город», 4 школы.");
    expect(explainSchool(s3, "absence")).toBe(
      "Стабильное отсутствие признаков (§3, [DEFAULT]) за 2024–2026 гг. не подтверждено: нет данных для оценки признаков за 2024, 2025, 2026.",
    );
    expect(explainSchool(s3, "O1")).toBe("O1: нет данных для оценки признака.");
  });
});
