import { describe, expect, it } from "vitest";
import { analyzeMunicipality, explainFactor, explainRisk, quantilePositions } from "../../../src/core/analysis";
import { assignClusters } from "../../../src/core/clusters";
import { parseRiskProfiles, riskLevel, riskScore, type RiskFactorResult } from "../../../src/core/risk";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { addResult, municipality, school, withQuality } from "./build";

const P = DEFAULT_PROFILE;

function yearOf(m: ReturnType<typeof municipality>, login: string, year: number, profile = P) {
  return analyzeMunicipality(m, profile)
    .schools.find((s) => s.login === login)!
    .years.find((y) => y.year === year)!;
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
    const pos = quantilePositions(
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["d", 4],
        ["e", 5],
      ]),
      0.25,
      0.25,
      3,
    );
    expect(pos.get("b")!.lower).toBe(true);
    expect(pos.get("c")!.lower).toBe(false);
    const ties = quantilePositions(
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 3],
        ["d", 4],
      ]),
      0.25,
      0.25,
      3,
    );
    expect(ties.get("a")!.lower && ties.get("b")!.lower).toBe(true);
    const same = quantilePositions(
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 1],
      ]),
      0.25,
      0.25,
      3,
    );
    expect([...same.values()].some((p) => p.lower || p.upper)).toBe(false);
    const small = quantilePositions(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
      0.25,
      0.25,
      3,
    );
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
  it("R2 needs the value ≤ −1,0: the lowest school of a good cluster is not low (revision 2026.2)", () => {
    // СОШ город 60, 65, 70, 75 and ООШ город 20, 25, 30, 35 (one procedure): mean 47,5, population SD √431,25 = 20,7666.
    // СОШ 60: z = 12,5 / 20,7666 = 0,6019 — lowest of its cluster, yet above the floor; ООШ 20: z = −1,3243 → R2.
    const sosh = [60, 65, 70, 75].map((q, i) =>
      addResult(school(`s${i}`), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    const oosh = [20, 25, 30, 35].map((q, i) =>
      addResult(school(`o${i}`, { type: "ООШ" }), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    const m = municipality([...sosh, ...oosh]);
    const s0 = factor(yearOf(m, "s0", 2025), "R2");
    expect(s0.numbers.z).toBeCloseTo(12.5 / Math.sqrt(431.25), 10);
    expect(s0).toMatchObject({ hasData: true, fired: false, numbers: { lower: 1, low: 0, below: 0, k: 4 } });
    expect(explainFactor(s0, 2025)).toBe(
      "R2: не выявлен — стандартизированный результат 0,6 (среднее z по 1 процедуре), в нижней доле 0,25 кластера «СОШ, город», " +
        "но не ниже среднего по муниципалитету на одно стандартное отклонение (порог — не выше −1, [DEFAULT]); 2025 год.",
    );
    const o0 = factor(yearOf(m, "o0", 2025), "R2");
    expect(o0.numbers.z).toBeCloseTo(-27.5 / Math.sqrt(431.25), 10);
    expect(o0.fired).toBe(true);
    // Just above the floor: with r2.floor overridden to −1,33 the value −1,3243 is above it, so no R2.
    const { profile } = applyOverrides([{ key: "r2.floor", value: "-1,33" }]);
    expect(factor(yearOf(m, "o0", 2025, profile), "R2").fired).toBe(false);
  });
  it("R2 in a cluster with fewer than 4 schools with a value compares with the whole municipality", () => {
    // Two НОШ (merged type group of 2) and four СОШ: 10, 30 | 50, 60, 70, 80. Mean 50, SD √(1600+400+0+100+400+900)/6 = √566,67 = 23,805.
    const nosh = [10, 30].map((q, i) =>
      addResult(school(`n${i}`, { type: "НОШ" }), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    const sosh = [50, 60, 70, 80].map((q, i) =>
      addResult(school(`s${i}`), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    const m = municipality([...nosh, ...sosh]);
    const n0 = factor(yearOf(m, "n0", 2025), "R2");
    expect(n0.numbers.z).toBeCloseTo(-40 / Math.sqrt(3400 / 6), 10);
    expect(n0).toMatchObject({
      fired: true,
      numbers: { k: 6, below: 0 },
      reference: { kind: "municipality", label: "Тестовый", n: 6 },
    });
    // n1: z = −0,84 — second lowest of six (below = 1 < 1,5), but above the floor.
    expect(factor(yearOf(m, "n1", 2025), "R2")).toMatchObject({
      fired: false,
      numbers: { below: 1, lower: 1, low: 0 },
    });
  });
  it("R3 fires on Δ «2» of exactly +10 п.п. with N ≥ 20 in both years when significant (P < 0,05 / k), not on +9", () => {
    // 20 of 200 (10 %) → 40 of 200 (20 %): p̄ = 0,15, z = 0,1 / √(0,15·0,85·0,01) = 2,80056, P = 0,0025507 < 0,05 / 1.
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", [0, 100, 80, 20]);
    addResult(a, "ВПР", 2025, 5, "Математика", [0, 100, 60, 40]);
    const f = factor(yearOf(municipality([a]), "a", 2025), "R3");
    expect(f).toMatchObject({ hasData: true, fired: true, numbers: { pairs: 1, alpha: 0.05 } });
    expect(f.items[0]).toMatchObject({ value: 20, previous: 10, previousN: 200 });
    expect(f.items[0].p).toBeCloseTo(0.0025507, 6);
    // +9 п.п.: 20 → 38 of 200 (P = 0,0053 would be significant, but the rise is under 10 п.п.).
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", [0, 100, 80, 20]);
    addResult(b, "ВПР", 2025, 5, "Математика", [0, 100, 62, 38]);
    expect(factor(yearOf(municipality([b]), "b", 2025), "R3").fired).toBe(false);
  });
  it("R3: Bonferroni — 10 → 20 of 100 (P = 0,0238) fires with k = 1 or 2, not with k = 3", () => {
    // p̄ = 0,15, z = 0,1 / √(0,15·0,85·0,02) = 1,98030, P = 0,023835: < 0,05 and < 0,025, ≥ 0,01667.
    const build = (k: number) => {
      const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", [0, 50, 40, 10]);
      addResult(a, "ВПР", 2025, 5, "Математика", [0, 50, 30, 20]);
      for (const subject of ["Русский язык", "История"].slice(0, k - 1)) {
        addResult(a, "ВПР", 2024, 5, subject, withQuality(40, 50));
        addResult(a, "ВПР", 2025, 5, subject, withQuality(40, 50));
      }
      return factor(yearOf(municipality([a]), "a", 2025), "R3");
    };
    expect(build(1).fired).toBe(true);
    expect(build(2)).toMatchObject({ fired: true, numbers: { pairs: 2, alpha: 0.025 } });
    const f3 = build(3);
    expect(f3).toMatchObject({ fired: false, numbers: { pairs: 3 } });
    expect(f3.watch![0]).toMatchObject({ why: "в пределах случайности", value: 20, previous: 10 });
    expect(f3.watch![0].p).toBeCloseTo(0.023835, 5);
    expect(explainFactor(f3, 2025)).toBe(
      "R3: не выявлен — значимого роста доли не преодолевших минимальный порог на 10\u00a0п.п. и более нет (пар лет с N\u00a0≥\u00a020: 3; " +
        "односторонний тест разности двух долей, порог 5\u00a0% / 3 процедуры = 1,7\u00a0%, поправка Бонферрони, [DEFAULT]); 2025 год. " +
        "Рост без флага: ВПР 5 класс, математика — 20\u00a0% (в 2024 г. 10\u00a0%), N\u00a0=\u00a0100 (в 2024 г. N\u00a0=\u00a0100) — в пределах случайности; вероятность случайно получить такой рост — 2,4\u00a0%.",
    );
  });
  it("R3: a rise from a year with N < 20 is shown «мало участников», never flagged", () => {
    const c = addResult(school("c"), "ВПР", 2024, 5, "Математика", [0, 10, 7, 2]);
    addResult(c, "ВПР", 2025, 5, "Математика", [0, 10, 5, 4]);
    const f = factor(yearOf(municipality([c]), "c", 2025), "R3");
    expect(f).toMatchObject({ hasData: false, fired: false });
    expect(f.watch).toEqual([
      {
        procedure: "ВПР",
        year: 2025,
        grade: 5,
        subject: "Математика",
        n: 19,
        value: (4 * 100) / 19,
        previous: (2 * 100) / 19,
        previousN: 19,
        why: "мало участников",
      },
    ]);
  });
  it("R4: lowest quartile of the social index makes the school ШНСУ", () => {
    const schools = [0.1, 0.5, 0.6, 0.9].map((x, i) =>
      addResult(school(`s${i}`, { socialIndex: x }), "ВПР", 2025, 5, "Математика", withQuality(20, 50)),
    );
    const m = municipality(schools);
    const y = yearOf(m, "s0", 2025);
    expect(factor(y, "R4")).toMatchObject({ hasData: true, fired: true });
    expect(y.risk.shnsu).toBe(true);
    expect(factor(yearOf(m, "s1", 2025), "R4").fired).toBe(false);
  });
  it("R5: three high factors fire, two do not", () => {
    const grid = [
      [
        "Логин",
        "Год",
        "Дефицит педагогических кадров",
        "Низкая учебная мотивация обучающихся",
        "Низкий уровень дисциплины в классе",
      ],
      ["a", 2025, "высокий", "высокий", "высокий"],
      ["b", 2025, "высокий", "средний", "в"],
    ];
    const { profiles, findings } = parseRiskProfiles(grid, "Профили", "risk.xlsx");
    expect(findings).toEqual([]);
    const m = municipality(
      [
        addResult(school("a"), "ВПР", 2025, 5, "Математика", withQuality(20, 50)),
        addResult(school("b"), "ВПР", 2025, 5, "Математика", withQuality(20, 50)),
      ],
      { riskProfiles: profiles },
    );
    expect(factor(yearOf(m, "a", 2025), "R5")).toMatchObject({ fired: true, numbers: { high: 3 } });
    expect(factor(yearOf(m, "b", 2025), "R5")).toMatchObject({ fired: false, numbers: { high: 2 } });
  });
  it("risk profile sheet: unknown values and headers are Russian findings naming the cell", () => {
    const grid = [
      ["Логин", "Год", "Дефицит педагогических кадров", "Погода"],
      ["a", 2025, "очень высокий", ""],
    ];
    const { profiles, findings } = parseRiskProfiles(grid, "Профили", "risk.xlsx");
    expect(profiles).toHaveLength(1);
    expect(findings.map((f) => [f.severity, f.cell])).toEqual([
      ["warning", "D1"],
      ["error", "C2"],
    ]);
    expect(findings[1].message).toBe(
      "Ячейка C2 листа «Профили»: уровень «очень высокий» не распознан; ожидается «высокий», «средний» или «низкий».",
    );
  });
  it("score over the factors with data and level at the band edges", () => {
    const f = (id: string, hasData: boolean, fired: boolean) =>
      ({ id, hasData, fired, numbers: {}, threshold: [], items: [], tags: [] }) as unknown as RiskFactorResult;
    // weights 3, 2, 1, 1, 2: R1 only, all with data → 3/9.
    expect(
      riskScore(
        [f("R1", true, true), f("R2", true, false), f("R3", true, false), f("R4", true, false), f("R5", true, false)],
        P,
      ),
    ).toBeCloseTo(100 / 3, 10);
    // R3 fired of R2, R3, R4 with data → 1/4 = 25 % exactly → «средний».
    const s25 = riskScore(
      [f("R1", false, false), f("R2", true, false), f("R3", true, true), f("R4", true, false), f("R5", false, false)],
      P,
    )!;
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
    expect(explainRisk(y.risk)).toBe(
      "Риск 2025: высокий — 100 из 100 (средний от 25, высокий от 50, [DEFAULT]; учтены факторы с данными: R1); сработал R1 «Низкие результаты»; ШНОР.",
    );
  });
});

describe("clusters (revision 2026.2: below 4 schools the whole type group merges)", () => {
  it("type group × location; a cluster of fewer than 4 schools merges with the other clusters of its type", () => {
    const passports = [
      ...["a", "b", "c", "d"].map((l) => school(l, { type: "СОШ", location: "город" })),
      school("e", { type: "СОШ", location: "село" }),
      school("f", { type: "лицей", location: "город" }),
      school("g", { type: "гимназия", location: "город" }),
      school("h", { type: "СОШ с УИОП", location: "село" }),
      ...["i", "j", "k", "l"].map((l) => school(l, { type: "ООШ", location: "село" })),
    ].map((s) => s.passport);
    const c = assignClusters(passports, P);
    // СОШ город has 4, but СОШ село has 1: the whole СОШ group (5) is one cluster.
    expect(c.get("a")).toMatchObject({ label: "СОШ (объединённый кластер)", merged: true, size: 5 });
    expect(c.get("e")).toMatchObject({ label: "СОШ (объединённый кластер)", merged: true, size: 5 });
    expect(c.get("f")).toMatchObject({
      label: "СОШ с УИОП, гимназии, лицеи (объединённый кластер)",
      merged: true,
      size: 3,
    });
    expect(c.get("i")).toMatchObject({ label: "ООШ, село", merged: false, size: 4 });
    const { profile } = applyOverrides([{ key: "clusters.minSize", value: "1" }]);
    expect(assignClusters(passports, profile).get("a")).toMatchObject({ label: "СОШ, город", merged: false, size: 4 });
  });
  it("social terciles split clusters when the index is given and the setting is on", () => {
    // 12 schools: below = 0–3 → tercile 1, 4–7 → 2, 8–11 → 3 (four each).
    const passports = Array.from({ length: 12 }, (_, i) => school(`s${i}`, { socialIndex: (i + 1) / 10 }).passport);
    const c = assignClusters(passports, P);
    expect(c.get("s0")).toMatchObject({ tercile: 1, size: 4 });
    expect(c.get("s4")).toMatchObject({ tercile: 2, size: 4 });
    expect(c.get("s11")).toMatchObject({ tercile: 3, size: 4 });
    const nine = passports.slice(0, 9);
    expect(assignClusters(nine, P).get("s0")).toMatchObject({ label: "СОШ (объединённый кластер)", size: 9 });
    const { profile } = applyOverrides([{ key: "clusters.socialTerciles", value: "нет" }]);
    expect(assignClusters(passports, profile).get("s0")).toMatchObject({ label: "СОШ, город", size: 12 });
  });
});

describe("stability (§5)", () => {
  function years(qualities: number[][]) {
    // qualities[school][yearIndex] for 2023–2025; four СОШ город in one cluster.
    return municipality(
      qualities.map((qs, i) => {
        const s = school(`s${i}`);
        qs.forEach((q, k) => {
          if (q >= 0) addResult(s, "ВПР", 2023 + k, 5, "Математика", withQuality(20, q));
        });
        return s;
      }),
    );
  }
  it("stably high: top quartile of the cluster in each of the 3 years and no signs; stably low: R2 every year", () => {
    const res = analyzeMunicipality(
      years([
        [80, 80, 80],
        [60, 60, 60],
        [40, 40, 40],
        [20, 20, 20],
      ]),
      P,
    );
    expect(res.schools[0].stability).toMatchObject({ status: "стабильно высокие", years: [2023, 2024, 2025] });
    expect(res.schools[3].stability!.status).toBe("стабильно низкие");
    expect(res.schools[1].stability!.status).toBe("");
    expect(res.clusters[0]).toMatchObject({ label: "СОШ, город", schools: ["s0", "s1", "s2", "s3"] });
  });
  it("stably high needs z ≥ +1,0 each year: ties at the top of 40, 60, 60, 60 (z = +0,577) are not «стабильно высокие»", () => {
    // Mean 55, population SD √75 = 8,660: 60 → z = 0,5774 (upper: above = 0, below = 1); 40 → z = −1,7321 (R2 every year).
    const res = analyzeMunicipality(
      years([
        [40, 40, 40],
        [60, 60, 60],
        [60, 60, 60],
        [60, 60, 60],
      ]),
      P,
    );
    expect(res.schools[1].years[0].standardized!.value).toBeCloseTo(5 / Math.sqrt(75), 10);
    expect(res.schools[1].stability).toMatchObject({ status: "", topYears: [], notHighYears: [2023, 2024, 2025] });
    expect(res.schools[0].stability).toMatchObject({
      status: "стабильно низкие",
      lowYears: [2023, 2024, 2025],
      aboveYears: [],
    });
  });
  it("never «стабильно низкие» with z > 0 in a year of the window, even with R1 every year", () => {
    // s0: 14 «5» and 6 «2» of 20 in two procedures each year → R1 (30 % «2» twice), quality 70 % → z > 0.
    const m = years([
      [-1, -1, -1],
      [60, 60, 60],
      [40, 40, 40],
      [20, 20, 20],
    ]);
    for (const y of [2023, 2024, 2025])
      for (const subject of ["Математика", "Русский язык"])
        addResult(m.schools[0], "ВПР", y, 5, subject, [14, 0, 0, 6]);
    for (const s of m.schools.slice(1))
      for (const y of [2023, 2024, 2025]) addResult(s, "ВПР", y, 5, "Русский язык", withQuality(20, 50));
    const s0 = analyzeMunicipality(m, P).schools[0];
    expect(s0.years.every((y) => y.risk.factors[0].fired && y.standardized!.value > 0)).toBe(true);
    expect(s0.stability).toMatchObject({ lowYears: [2023, 2024, 2025], aboveYears: [2023, 2024, 2025] });
    // (Its quality puts it at the top with z ≥ 1, so it is «стабильно высокие» — R1 does not exclude that.)
    expect(s0.stability!.status).not.toBe("стабильно низкие");
    expect(explainFactor(s0.years[0].risk.factors[1], 2023)).toContain("R2: не выявлен");
  });
  it("a missing year prevents the status; a sign in one year prevents «стабильно высокие»", () => {
    const res = analyzeMunicipality(
      years([
        [80, -1, 80],
        [60, 60, 60],
        [40, 40, 40],
        [20, 20, 20],
      ]),
      P,
    );
    expect(res.schools[0].stability).toMatchObject({ status: "", missingYears: [2024] });
    // The cohort's jump from 30 % (2023, grade 4, only this school: no z) to 80 % (2024, grade 5) is sign O5.
    const m = years([
      [80, 80, 80],
      [60, 60, 60],
      [50, 50, 50],
      [20, 20, 20],
    ]);
    addResult(m.schools[0], "ВПР", 2023, 4, "Математика", withQuality(20, 30));
    const s0 = analyzeMunicipality(m, P).schools[0];
    expect(s0.years.find((y) => y.year === 2024)!.firedSigns).toEqual(["O5"]);
    expect(s0.years.every((y) => y.clusterPosition?.upper)).toBe(true);
    expect(s0.stability!.status).toBe("");
  });
});
