/** Further threshold edges: just below / too few participants for O3, O5, O6, R2, R4. */
import { describe, expect, it } from "vitest";
import { analyzeMunicipality, buildContext } from "../../../src/core/analysis";
import { schoolSigns, type SignResult } from "../../../src/core/objectivity";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { addResult, municipality, school, withQuality } from "./build";

const P = DEFAULT_PROFILE;

function signs(m: ReturnType<typeof municipality>, login: string, rule: string, profile = P): SignResult[] {
  const ctx = buildContext(m, profile);
  return [
    ...schoolSigns(
      m.schools.find((s) => s.passport.login === login)!,
      ctx,
    ).values(),
  ]
    .flat()
    .filter((r) => r.rule === rule);
}

describe("edges", () => {
  it("O3 is not evaluated with 19 participants", () => {
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", [0, 19, 0, 0]);
    addResult(a, "ВПР", 2025, 6, "Математика", [0, 0, 19, 0]);
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", withQuality(80, 25));
    const r = signs(municipality([a, b]), "a", "O3").find((x) => x.year === 2024)!;
    expect(r).toMatchObject({ evaluated: false, reasonNotEvaluated: "мало участников" });
  });

  it("O5: ВПР 29 п.п. above the cohort's ОГЭ does not fire; an override of o5.gap to 25 makes it fire", () => {
    const a = addResult(school("a"), "ВПР", 2022, 8, "Математика", [0, 79, 21, 0]);
    addResult(a, "ОГЭ", 2023, 9, "Математика", withQuality(100, 50));
    const m = municipality([a]);
    const r = signs(m, "a", "O5").find((x) => x.year === 2022)!;
    expect(r.numbers.gap).toBe(29);
    expect(r.fired).toBe(false);
    const { profile } = applyOverrides([{ key: "o5.gap", value: 25 }]);
    expect(signs(m, "a", "O5", profile).find((x) => x.year === 2022)!.fired).toBe(true);
  });

  it("O5 ignores a cohort result with fewer than 20 participants", () => {
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", withQuality(10, 0));
    addResult(a, "ВПР", 2025, 6, "Математика", withQuality(20, 90));
    expect(signs(municipality([a]), "a", "O5").find((x) => x.year === 2025)!.evaluated).toBe(false);
  });

  it("O6 is not evaluated with 19 school-stage participations or without the municipal stage", () => {
    const few = school("a");
    few.directions.olympiads = [
      { year: 2025, label: "школьный", values: { participations: 19, winners: 19, prizeWinners: 0 } },
      { year: 2025, label: "муниципальный", values: { participations: 1, winners: 0, prizeWinners: 0 } },
    ];
    const other = school("b");
    other.directions.olympiads = [
      { year: 2025, label: "Школьный этап", values: { participations: 100, winners: 1, prizeWinners: 1 } },
    ];
    const m = municipality([few, other]);
    expect(signs(m, "a", "O6")[0]).toMatchObject({
      evaluated: false,
      reasonNotEvaluated: "мало участников школьного этапа",
    });
    expect(signs(m, "b", "O6")[0]).toMatchObject({
      evaluated: false,
      reasonNotEvaluated: "нет строки муниципального этапа",
    });
  });

  it("R2 and R4 are not compared in groups smaller than clusters.minSize", () => {
    const schools = [30, 70].map((q, i) =>
      addResult(school(`s${i}`, { socialIndex: i }), "ВПР", 2025, 5, "Математика", withQuality(20, q)),
    );
    const y = analyzeMunicipality(municipality(schools), P).schools[0].years[0];
    expect(y.risk.factors.find((f) => f.id === "R2")).toMatchObject({ hasData: false, fired: false });
    expect(y.risk.factors.find((f) => f.id === "R4")).toMatchObject({ hasData: false, fired: false });
    // Only R1 (no «2») and R3 (no previous year: no data) remain → R1 alone, score 0.
    expect(y.risk).toMatchObject({ score: 0, level: "низкий" });
  });

  it("R4 with 8 schools: the two lowest indices are ШНСУ, the third is not", () => {
    const schools = [1, 2, 3, 4, 5, 6, 7, 8].map((x) => school(`s${x}`, { socialIndex: x }));
    for (const s of schools) addResult(s, "ВПР", 2025, 5, "Математика", withQuality(20, 50));
    const a = analyzeMunicipality(municipality(schools), P);
    expect(a.schools.map((s) => s.years[0].risk.shnsu)).toEqual([true, true, false, false, false, false, false, false]);
  });
});
