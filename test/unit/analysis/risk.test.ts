import { describe, expect, it } from "vitest";
import { analyzeMunicipality, explainFactor, explainRisk, quantilePositions } from "../../../src/core/analysis";
import { assignClusters } from "../../../src/core/clusters";
import { parseRiskProfiles, riskLevel, riskScore, type RiskFactorResult } from "../../../src/core/risk";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { addResult, municipality, school, withQuality } from "./build";

const P = DEFAULT_PROFILE;

function yearOf(m: ReturnType<typeof municipality>, login: string, year: number, profile = P) {
  return analyzeMunicipality(m, profile).schools.find((s) => s.login === login)!.years.find((y) => y.year === year)!;
}
const factor = (y: ReturnType<typeof yearOf>, id: string) => y.risk.factors.find((f) => f.id === id)!;

describe("R1: low results", () => {
  it("fires with ≥ 30 % «2» in two procedures of the year (exactly 30 %)", () => {
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", [0, 4, 3, 3]);
    addResult(a, "ВПР", 2025, 5, "Русский язык", [0, 4, 3, 3]);
    const f = factor(yearOf(municipality([a]), "a", 2025), "R1");
    expect(f).toMatchObject({ hasData: true, fired: true, numbers: { procedures: 2, low: 2, repeated: 0 } });
    expect(explainFactor(f, 2025)).toBe(
      "R1 (фактор риска ШНОР): не менее 30\u00a0% не преодолели минимальный порог в 2 процедурах 2025 г. (порог: 2, [REGIONAL]) ([REGIONAL]): " +
        "ВПР 5 класс, математика — 30\u00a0%, N\u00a0=\u00a010; ВПР 5 класс, русский язык — 30\u00a0%, N\u00a0=\u00a010.",
    );
  });
  it("does not fire with one procedure at 30 % and one just below (2 of 7 = 28,6 %)", () => {
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", [0, 4, 3, 3]);
    addResult(a, "ВПР", 2025, 5, "Русский язык", [0, 8, 4, 2]);
    expect(factor(yearOf(municipality([a]), "a", 2025), "R1").fired).toBe(false);
  });
  it("fires in the same procedure two years running", () => {
    const a = addResult(school("a"), "ОГЭ", 2024, 9, "Математика", [0, 4, 3, 3]);
    addResult(a, "ОГЭ", 2025, 9, "Математика", [0, 4, 2, 4]);
    const f = factor(yearOf(municipality([a]), "a", 2025), "R1");
    expect(f.numbers).toMatchObject({ low: 1, repeated: 1 });
    expect(f.fired).toBe(true);
  });
  it("ignores procedures with fewer than 10 participants", () => {
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", [0, 3, 3, 3]);
    addResult(a, "ВПР", 2025, 5, "Русский язык", [0, 3, 3, 3]);
    expect(factor(yearOf(municipality([a]), "a", 2025), "R1")).toMatchObject({ hasData: false, fired: false });
  });
  it("an override of r1.share changes the result", () => {
    const { profile } = applyOverrides([{ key: "r1.share", value: "31" }]);
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", [0, 4, 3, 3]);
    addResult(a, "ВПР", 2025, 5, "Русский язык", [0, 4, 3, 3]);
    expect(factor(yearOf(municipality([a]), "a", 2025, profile), "R1").fired).toBe(false);
  });
});

describe("quartiles within a group", () => {
  it("k = 8: the two lowest are in the lowest quartile, the two highest in the top one", () => {
    const v = new Map([1, 2, 3, 4, 5, 6, 7, 8].map((x) => [`s${x}`, x] as [string, number]));
    const pos = quantilePositions(v, 0.25, 0.25, 3);
    expect([...pos].filter(([, p]) => p.lower).map(([k]) => k)).toEqual(["s1", "s2"]);
    expect([...pos].filter(([, p]) => p.upper).map(([k]) => k)).toEqual(["s7", "s8"]);
  });
  it("k = 5: below < 1,25 → the two lowest; ties share a rank; all equal → nobody; k < minGroup → not compared", () => {
    const pos = quantilePositions(new Map([["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]]), 0.25, 0.25, 3);
    expect(pos.get("b")!.lower).toBe(true);
    expect(pos.get("c")!.lower).toBe(false);
    const ties = quantilePositions(new Map([["a", 1], ["b", 1], ["c", 3], ["d", 4]]), 0.25, 0.25, 3);
    expect(ties.get("a")!.lower && ties.get("b")!.lower).toBe(true);
    const same = quantilePositions(new Map([["a", 1], ["b", 1], ["c", 1]]), 0.25, 0.25, 3);
    expect([...same.values()].some((p) => p.lower || p.upper)).toBe(false);
    const small = quantilePositions(new Map([["a", 1], ["b", 2]]), 0.25, 0.25, 3);
    expect(small.get("a")).toMatchObject({ compared: false, lower: false });
  });
});

describe("R2, R3, R4, R5 and the score", () => {
  function cluster4() {
    // Four СОШ город with qualities 20, 40, 60, 80 in one procedure → z = −1,34, −0,45, 0,45, 1,34.
    return [20, 40, 60, 80].map((q, i) => addResult(school(`s${i}`), "ВПР", 2025, 5, "Математика", withQuality(20, q)));
  }
  it("R2 fires for the lowest school of a 4-school cluster only", () => {
    const m = municipality(cluster4());
    const y0 = yearOf(m, "s0", 2025);
    expect(y0.standardized!.value).toBeCloseTo(-30 / Math.sqrt(500), 10);
    expect(factor(y0, "R2")).toMatchObject({ hasData: true, fired: true, numbers: { k: 4, below: 0 } });
    expect(factor(yearOf(m, "s1", 2025), "R2").fired).toBe(false);
    expect(y0.risk.shnor).toBe(true);
  });
  it("R3 fires on Δ «2» of exactly +10 п.п. with N ≥ 20 in both years, not on +9", () => {
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", [0, 10, 8, 2]);
    addResult(a, "ВПР", 2025, 5, "Математика", [0, 10, 6, 4]);
    const f = factor(yearOf(municipality([a]), "a", 2025), "R3");
    expect(f).toMatchObject({ hasData: true, fired: true });
    expect(f.items[0]).toMatchObject({ value: 20, previous: 10 });
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", [0, 50, 45, 5]);
    addResult(b, "ВПР", 2025, 5, "Математика", [0, 50, 36, 14]);
    expect(factor(yearOf(municipality([b]), "b", 2025), "R3").fired).toBe(false);
    const c = addResult(school("c"), "ВПР", 2024, 5, "Математика", [0, 10, 7, 2]);
    addResult(c, "ВПР", 2025, 5, "Математика", [0, 10, 5, 4]);
    expect(factor(yearOf(municipality([c]), "c", 2025), "R3").hasData).toBe(false);
  });
  it("R4: lowest quartile of the social index makes the school ШНСУ", () => {
    const schools = [0.1, 0.5, 0.6, 0.9].map((x, i) => addResult(school(`s${i}`, { socialIndex: x }), "ВПР", 2025, 5, "Математика", withQuality(20, 50)));
    const m = municipality(schools);
    const y = yearOf(m, "s0", 2025);
    expect(factor(y, "R4")).toMatchObject({ hasData: true, fired: true });
    expect(y.risk.shnsu).toBe(true);
    expect(factor(yearOf(m, "s1", 2025), "R4").fired).toBe(false);
  });
  it("R5: three high factors fire, two do not", () => {
    const grid = [
      ["Логин", "Год", "Дефицит педагогических кадров", "Низкая учебная мотивация обучающихся", "Низкий уровень дисциплины в классе"],
      ["a", 2025, "высокий", "высокий", "высокий"],
      ["b", 2025, "высокий", "средний", "в"],
    ];
    const { profiles, findings } = parseRiskProfiles(grid, "Профили", "risk.xlsx");
    expect(findings).toEqual([]);
    const m = municipality([addResult(school("a"), "ВПР", 2025, 5, "Математика", withQuality(20, 50)), addResult(school("b"), "ВПР", 2025, 5, "Математика", withQuality(20, 50))], { riskProfiles: profiles });
    expect(factor(yearOf(m, "a", 2025), "R5")).toMatchObject({ fired: true, numbers: { high: 3 } });
    expect(factor(yearOf(m, "b", 2025), "R5")).toMatchObject({ fired: false, numbers: { high: 2 } });
  });
  it("risk profile sheet: unknown values and headers are Russian findings naming the cell", () => {
    const grid = [["Логин", "Год", "Дефицит педагогических кадров", "Погода"], ["a", 2025, "очень высокий", ""]];
    const { profiles, findings } = parseRiskProfiles(grid, "Профили", "risk.xlsx");
    expect(profiles).toHaveLength(1);
    expect(findings.map((f) => [f.severity, f.cell])).toEqual([["warning", "D1"], ["error", "C2"]]);
    expect(findings[1].message).toBe("Ячейка C2 листа «Профили»: уровень «очень высокий» не распознан; ожидается «высокий», «средний» или «низкий».");
  });
  it("score over the factors with data and level at the band edges", () => {
    const f = (id: string, hasData: boolean, fired: boolean) => ({ id, hasData, fired, numbers: {}, threshold: [], items: [], tags: [] }) as unknown as RiskFactorResult;
    // weights 3, 2, 1, 1, 2: R1 only, all with data → 3/9.
    expect(riskScore([f("R1", true, true), f("R2", true, false), f("R3", true, false), f("R4", true, false), f("R5", true, false)], P)).toBeCloseTo(100 / 3, 10);
    // R3 fired of R2, R3, R4 with data → 1/4 = 25 % exactly → «средний».
    const s25 = riskScore([f("R1", false, false), f("R2", true, false), f("R3", true, true), f("R4", true, false), f("R5", false, false)], P)!;
    expect(s25).toBe(25);
    expect(riskLevel(s25, P)).toBe("средний");
    expect(riskLevel(24.99, P)).toBe("низкий");
    expect(riskLevel(50, P)).toBe("высокий");
    expect(riskLevel(49.99, P)).toBe("средний");
    expect(riskScore([f("R6", true, true)], P)).toBeNull();
    const { profile } = applyOverrides([{ key: "risk.levels", value: "30;60" }]);
    expect(riskLevel(25, profile)).toBe("низкий");
  });
  it("explains the risk of a year", () => {
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", [0, 4, 3, 3]);
    addResult(a, "ВПР", 2025, 5, "Русский язык", [0, 4, 3, 3]);
    const y = yearOf(municipality([a]), "a", 2025);
    expect(y.risk).toMatchObject({ score: 100, level: "высокий", shnor: true });
    expect(explainRisk(y.risk)).toBe("Риск 2025: высокий — 100 из 100 (средний от 25, высокий от 50, [DEFAULT]; учтены факторы с данными: R1); сработали R1; ШНОР.");
  });
});

describe("clusters", () => {
  it("type group × location; a cluster of fewer than 3 schools merges into its type group", () => {
    const passports = [
      school("a", { type: "СОШ", location: "город" }), school("b", { type: "СОШ", location: "город" }), school("c", { type: "СОШ", location: "город" }),
      school("d", { type: "СОШ", location: "село" }), school("e", { type: "лицей", location: "город" }), school("f", { type: "гимназия", location: "город" }),
      school("g", { type: "СОШ с УИОП", location: "село" }),
    ].map((s) => s.passport);
    const c = assignClusters(passports, P);
    expect(c.get("a")).toMatchObject({ label: "СОШ, город", merged: false, size: 3 });
    expect(c.get("d")).toMatchObject({ label: "СОШ (объединённый кластер)", merged: true, size: 1 });
    expect(c.get("e")).toMatchObject({ label: "СОШ с УИОП, гимназии, лицеи (объединённый кластер)", merged: true, size: 3 });
  });
  it("social terciles split clusters when the index is given and the setting is on", () => {
    const passports = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((x, i) => school(`s${i}`, { socialIndex: x }).passport);
    const c = assignClusters(passports, P);
    expect(c.get("s0")).toMatchObject({ tercile: 1, size: 3 });
    expect(c.get("s4")).toMatchObject({ tercile: 2, size: 3 });
    expect(c.get("s8")).toMatchObject({ tercile: 3, size: 3 });
    const { profile } = applyOverrides([{ key: "clusters.socialTerciles", value: "нет" }]);
    expect(assignClusters(passports, profile).get("s0")).toMatchObject({ label: "СОШ, город", size: 9 });
  });
});

describe("stability (§5)", () => {
  function years(qualities: number[][]) {
    // qualities[school][yearIndex] for 2023–2025; four СОШ город in one cluster.
    return municipality(qualities.map((qs, i) => {
      const s = school(`s${i}`);
      qs.forEach((q, k) => { if (q >= 0) addResult(s, "ВПР", 2023 + k, 5, "Математика", withQuality(20, q)); });
      return s;
    }));
  }
  it("stably high: top quartile of the cluster in each of the 3 years and no signs; stably low: R2 every year", () => {
    const res = analyzeMunicipality(years([[80, 80, 80], [60, 60, 60], [40, 40, 40], [20, 20, 20]]), P);
    expect(res.schools[0].stability).toMatchObject({ status: "стабильно высокие", years: [2023, 2024, 2025] });
    expect(res.schools[3].stability!.status).toBe("стабильно низкие");
    expect(res.schools[1].stability!.status).toBe("");
    expect(res.clusters[0]).toMatchObject({ label: "СОШ, город", schools: ["s0", "s1", "s2", "s3"] });
  });
  it("a missing year prevents the status; a sign in one year prevents «стабильно высокие»", () => {
    const res = analyzeMunicipality(years([[80, -1, 80], [60, 60, 60], [40, 40, 40], [20, 20, 20]]), P);
    expect(res.schools[0].stability).toMatchObject({ status: "", missingYears: [2024] });
    // The cohort's jump from 30 % (2023, grade 4, only this school: no z) to 80 % (2024, grade 5) is sign O5.
    const m = years([[80, 80, 80], [60, 60, 60], [50, 50, 50], [20, 20, 20]]);
    addResult(m.schools[0], "ВПР", 2023, 4, "Математика", withQuality(20, 30));
    const s0 = analyzeMunicipality(m, P).schools[0];
    expect(s0.years.find((y) => y.year === 2024)!.firedSigns).toEqual(["O5"]);
    expect(s0.years.every((y) => y.clusterPosition?.upper)).toBe(true);
    expect(s0.stability!.status).toBe("");
  });
});
