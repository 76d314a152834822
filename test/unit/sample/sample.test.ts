import { beforeAll, describe, expect, it } from "vitest";
import type { Municipality, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import {
  generateMunicipality,
  generateSchool,
  generateSchools,
  OBJECTIVITY_ROLES,
  Rng,
  sampleMarkScales,
  scaleFor,
  type InjectedSituation,
} from "../../../src/sample";
import { schoolCount } from "../../../src/sample/generate";
import { loginOf, rosterEntry } from "../../../src/sample/roster";
import { allot, discreteNormal, meanForTail, normalCdf, tailFrom } from "../../../src/sample/distribution";
import { journalMarks, pullUpToBoundary, TYPICAL_JOURNAL } from "../../../src/sample/results";
import {
  groupParticipants,
  journalShares,
  levelCompletion,
  peakAt,
  pooledMarks,
  quality,
  rowsByUnit,
  scoreHistogram,
  share2,
  unitKey,
} from "./metrics";

let m: Municipality;
let situations: InjectedSituation[];
const bySchool = new Map<string, SchoolReport>();
const situationOf = (kind: string) => situations.find((s) => s.kind === kind)!;

beforeAll(() => {
  ({ municipality: m, situations } = generateMunicipality({ seed: 2026 }));
  for (const s of m.schools) bySchool.set(s.passport.login, s);
});

describe("seeded generator", () => {
  it("mulberry32 is deterministic and uniform in [0, 1)", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / 1000).toBeCloseTo(0.5, 1);
    expect(Rng.derive(1, "a").next()).not.toBe(Rng.derive(1, "b").next());
  });

  it("same seed gives identical output, another seed a different one", () => {
    const one = JSON.stringify(generateSchool(19, { seed: 7 }));
    const two = JSON.stringify(generateSchool(19, { seed: 7 }));
    const other = JSON.stringify(generateSchool(19, { seed: 8 }));
    expect(one).toBe(two);
    expect(other).not.toBe(one);
  });

  it("allots quotas that sum exactly and stay within 1 of the exact share", () => {
    expect(allot(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allot(0, [1, 2])).toEqual([0, 0]);
    const pmf = discreteNormal(24, 15, 4.5);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const mu = meanForTail(24, 4.56, 16, 0.5);
    expect(tailFrom(discreteNormal(24, mu, 4.56), 16)).toBeCloseTo(0.5, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
  });

  it("pulls works below a boundary up to it", () => {
    expect(pullUpToBoundary([1, 2, 3, 4, 5], 3, 2)).toEqual([1, 0, 0, 9, 5]);
  });

  it("gives typical journal marks: 36 % mismatch, 3 % by two marks", () => {
    const marks = Array.from({ length: 100 }, (_, i) => 2 + (i % 4));
    const j = journalMarks(marks, TYPICAL_JOURNAL, new Rng(1));
    const mismatch = j.filter((v, i) => v !== marks[i]).length;
    const gap2 = j.filter((v, i) => Math.abs(v - marks[i]) >= 2).length;
    expect(mismatch).toBe(36);
    expect(gap2).toBe(3);
    expect(j.every((v) => v >= 2 && v <= 5)).toBe(true);
  });

  it("multiplies schools by scale, repeating archetypes under new numbers without situations", () => {
    expect(schoolCount({ scale: 4 })).toBe(100);
    expect(schoolCount({ schools: 25, scale: 20 })).toBe(500);
    expect(schoolCount({ schools: 3, scale: 2 })).toBe(6);
    const clone = rosterEntry(25 + 15);
    expect(clone.shortName).toBe("МКОУ ООШ с. Федоровка-2");
    expect(clone.role).toBeUndefined();
    expect(rosterEntry(25 + 2).shortName).toBe("МБОУ СОШ № 28");
    expect(new Set(Array.from({ length: 500 }, (_, i) => loginOf(i))).size).toBe(500);
  });

  it("gives today's `edu` logins and keys the random streams by the same digits with `sch`", () => {
    // 420101 + i·13: i = 0 → 420101, i = 12 → 420257, i = 11 999 → 576088 (still six digits).
    expect(loginOf(0)).toBe("edu420101");
    expect(loginOf(12)).toBe("edu420257");
    expect(loginOf(11_999)).toBe("edu576088");
    expect(rosterEntry(12)).toMatchObject({ login: "edu420257", streamKey: "sch420257" });
  });

  it("yields schools lazily, each exactly as generated alone", () => {
    const first = generateSchools({ seed: 3, scale: 20 }).next().value!;
    expect(first.report.passport.login).toBe("edu420101");
    expect(JSON.stringify(generateSchool(0, { seed: 3 }))).toBe(JSON.stringify(first));
  });
});

describe("a realistic municipality", () => {
  it("has 25 schools of every type in town and village with unique logins", () => {
    expect(m.schools).toHaveLength(25);
    const types = new Set(m.schools.map((s) => s.passport.type));
    expect([...types].sort()).toEqual(
      ["НОШ", "ООШ", "СОШ", "СОШ с УИОП", "вечерняя", "гимназия", "коррекционная", "лицей"].sort(),
    );
    expect(new Set(m.schools.map((s) => s.passport.location))).toEqual(new Set(["город", "село"]));
    expect(new Set(m.schools.map((s) => s.passport.login)).size).toBe(25);
    expect(m.schools.every((s) => /^edu\d{6}$/.test(s.passport.login))).toBe(true);
    expect(m.schools.map((s) => s.passport.shortName)).toContain("МКОУ ООШ с. Берёзовка");
    expect(m.schools.map((s) => s.passport.shortName)).toContain("МБОУ СОШ № 3");
  });

  it("keeps marks 2–5, scores within the scale, task points summing to the score", () => {
    const bad: string[] = [];
    let checked = 0;
    for (const s of m.schools) {
      const tasks = new Map(s.tasks.map((t) => [unitKey(t), t]));
      for (const p of s.participants) {
        checked++;
        const scale = scaleFor(p.procedure, p.year, p.grade, p.subject)!;
        const set = tasks.get(unitKey(p))!;
        let sum = 0;
        let over = false;
        p.taskPoints.forEach((v, i) => {
          sum += v ?? 0;
          if ((v ?? 0) > set.tasks[i].max || (v ?? 0) < 0) over = true;
        });
        const ok =
          p.mark! >= 2 &&
          p.mark! <= 5 &&
          p.journalMark! >= 2 &&
          p.journalMark! <= 5 &&
          p.score! >= 0 &&
          p.score! <= scale.max &&
          sum === p.score &&
          !over &&
          p.taskPoints.length === set.tasks.length;
        if (!ok && bad.length < 5) bad.push(`${s.passport.login} ${unitKey(p)} ${p.code}`);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(bad).toEqual([]);
  });

  it("derives aggregated rows from the participants and never exceeds the contingent", () => {
    for (const s of m.schools) {
      const byUnit = groupParticipants(s);
      for (const r of s.results) {
        const pupils = s.passport.contingent.find((c) => c.year === r.year && c.grade === r.grade)!.pupils;
        expect(r.participants).toBeLessThanOrEqual(pupils);
        if (r.marks) expect(r.marks.n5 + r.marks.n4 + r.marks.n3 + r.marks.n2).toBe(r.participants);
        const rows = byUnit.get(unitKey(r));
        if (r.procedure === "ВПР") {
          expect(rows).toBeDefined();
          expect(rows!.length).toBe(r.participants);
          expect(r.marks!.n5).toBe(rows!.filter((p) => p.mark === 5).length);
          expect(r.journal!.lowered).toBe(rows!.filter((p) => p.mark! < p.journalMark!).length);
          expect(r.journal!.lowered + r.journal!.confirmed + r.journal!.raised).toBe(r.participants);
        }
        if (r.ege) expect(r.ege.belowMin + r.ege.high81 + r.ege.score100).toBeLessThanOrEqual(r.participants);
      }
    }
  });

  it("exports the scales its marks come from, the profile's published one first", () => {
    const scales = sampleMarkScales([2026]);
    expect(scales.some((s) => s.procedure === "ВПР" && s.grade === 4 && s.subject === "Русский язык")).toBe(false);
    expect(scaleFor("ВПР", 2026, 4, "Русский язык")).toMatchObject({ max: 24, min3: 10, min4: 16, min5: 21 });
    expect(scales.find((s) => s.procedure === "ОГЭ" && s.subject === "Математика")).toMatchObject({
      max: 31,
      min3: 8,
      tag: "DEFAULT",
    });
  });

  it("fills the direction sheets, with graduates' destinations summing to graduates", () => {
    for (const s of m.schools) {
      for (const r of s.directions.careers ?? []) {
        const v = r.values as Record<string, number>;
        expect(v.grad9To10 + v.grad9ToSpo + v.grad9Other).toBe(v.grad9);
        expect(v.grad11ToVuz + v.grad11ToSpo + v.grad11Work + v.grad11Army + v.grad11Undetermined).toBe(v.grad11);
      }
      const staff = s.directions.staff!;
      expect(staff).toHaveLength(3);
      expect(staff.every((r) => (r.values.youngMentored ?? 0) <= (r.values.young ?? 0))).toBe(true);
    }
  });

  it("has a cycle record for every direction × track × 9 components (7–9 of partial tracks)", () => {
    for (const s of m.schools) {
      const full = new Set(
        s.cycle.filter((c) => c.trackKind === "full").map((c) => `${c.year}|${c.direction}|${c.track}`),
      );
      const partial = new Set(
        s.cycle.filter((c) => c.trackKind === "partial").map((c) => `${c.year}|${c.direction}|${c.track}`),
      );
      expect(partial.size).toBe(3);
      expect(s.cycle.length).toBe(full.size * 9 + partial.size * 3);
      expect(new Set(s.cycle.map((c) => c.direction)).size).toBe(s.directions.preschool ? 9 : 8);
    }
  });
});

describe("injected situations cross their thresholds with margin", () => {
  const p = DEFAULT_PROFILE.values;

  it("lists 13 situations in distinct schools with Russian descriptions", () => {
    expect(situations).toHaveLength(13);
    expect(new Set(situations.map((s) => s.login)).size).toBe(13);
    for (const s of situations) expect(s.description).toMatch(/[а-я]/);
  });

  it("O1: gap of two marks ≥ 10 % (18 %), mismatch above the pooled reference", () => {
    const s = situationOf("inflatedJournal");
    const rows = groupParticipants(bySchool.get(s.login)!).get(unitKey(s as never))!;
    const own = journalShares(rows);
    expect(own.n).toBeGreaterThanOrEqual(p["objectivity.minN"]);
    expect(own.gap2).toBeGreaterThanOrEqual(p["o1.gap2Share"] + 5);
    expect(own.lowered).toBeGreaterThanOrEqual(50);
  });

  it("O2: a significant peak at the boundary of «3»", () => {
    const s = situationOf("boundaryPeak");
    const k = unitKey(s as never);
    const rows = groupParticipants(bySchool.get(s.login)!).get(k)!;
    const ref = scoreHistogram(m.schools.flatMap((x) => groupParticipants(x).get(k) ?? []));
    const b = scaleFor("ВПР", s.year, s.grade!, s.subject!)!.min3;
    const peak = peakAt(scoreHistogram(rows), ref, b);
    expect(rows.length).toBeGreaterThanOrEqual(p["o2.minN"]);
    expect(peak.at).toBeGreaterThanOrEqual(3 * p["o2.minPeak"]);
    expect(peak.at).toBeGreaterThanOrEqual(p["o2.ratio"] * peak.below);
    expect(peak.p).toBeLessThan(p["o2.alpha"] / 5);
  });

  it("O7: the commission re-checked 20 works of the boundary peak and lowered 14 boundary «3» to «2»", () => {
    const s = situationOf("boundaryPeak");
    const school = m.schools.find((x) => x.passport.login === s.login)!;
    const rows = school.rechecks!;
    expect(rows.length).toBe(20);
    const b = scaleFor("ВПР", s.year, s.grade!, s.subject!)!.min3;
    const scoreOf = new Map(
      school.participants
        .filter((x) => x.year === s.year && x.grade === s.grade && x.subject === s.subject)
        .map((x) => [x.code, x.score]),
    );
    const lowered = rows.filter((r) => r.commissionMark < r.schoolMark);
    expect(lowered.length).toBe(14);
    // Only works on the lowest score of «3» — the boundary of the scale — are lowered, each to «2».
    for (const r of lowered) expect([r.schoolMark, r.commissionMark, scoreOf.get(r.code)]).toEqual([3, 2, b]);
    expect(rows.every((r) => r.year === s.year && r.procedure === "ВПР" && r.grade === 4)).toBe(true);
    // No other school of the sample has a re-check.
    expect(m.schools.filter((x) => x.rechecks?.length).map((x) => x.passport.login)).toEqual([s.login]);
  });

  it("O3/O5: quality far above the reference, the cohort's ОГЭ not", () => {
    const pooled = pooledMarks(m.schools);
    const s = situationOf("unconfirmedHigh");
    const rows = rowsByUnit(bySchool.get(s.login)!);
    const k = unitKey(s as never);
    expect(quality(rows.get(k)!.marks!) - quality(pooled.get(k)!)).toBeGreaterThanOrEqual(p["o3.qualityExcess"] + 5);
    const ogeKey = `ОГЭ|${s.year + 1}|9|${s.subject}`;
    expect(quality(rows.get(ogeKey)!.marks!)).toBeLessThan(quality(pooled.get(ogeKey)!));

    const g = situationOf("externalGap");
    const grow = rowsByUnit(bySchool.get(g.login)!);
    const gk = unitKey(g as never);
    const gap = quality(grow.get(gk)!.marks!) - quality(grow.get(`ОГЭ|${g.year + 1}|9|${g.subject}`)!.marks!);
    expect(gap).toBeGreaterThanOrEqual(p["o5.gap"] + 5);
    expect(quality(grow.get(gk)!.marks!) - quality(pooled.get(gk)!)).toBeLessThan(p["o3.qualityExcess"] - 3);
  });

  it("O4: advanced tasks completed better than basic ones", () => {
    const s = situationOf("difficultyInversion");
    const school = bySchool.get(s.login)!;
    const k = unitKey(s as never);
    const set = school.tasks.find((t) => unitKey(t) === k)!;
    const c = levelCompletion(
      groupParticipants(school).get(k)!,
      set.tasks.map((t) => t.level),
      set.tasks.map((t) => t.max),
    );
    expect(c.advanced - c.basic).toBeGreaterThan(30);
  });

  it("O6: school-stage awards ≥ 2× the municipal share, none at the municipal stage", () => {
    const s = situationOf("olympiadAnomaly");
    const stage = (x: SchoolReport, label: string) =>
      x.directions.olympiads!.find((r) => r.year === s.year && r.label === label)!.values;
    const share = (v: Record<string, number | null>) => ((v.winners! + v.prizeWinners!) * 100) / v.participations!;
    let awarded = 0,
      parts = 0;
    for (const x of m.schools) {
      const v = x.directions.olympiads?.find((r) => r.year === s.year && r.label === "школьный")?.values;
      if (v) {
        awarded += v.winners! + v.prizeWinners!;
        parts += v.participations!;
      }
    }
    const ratio = share(stage(bySchool.get(s.login)!, "школьный")) / ((awarded * 100) / parts);
    expect(ratio).toBeGreaterThanOrEqual(p["o6.ratio"] + 0.5);
    const mun = stage(bySchool.get(s.login)!, "муниципальный");
    expect(mun.winners! + mun.prizeWinners!).toBe(0);
    for (const x of m.schools) {
      if (x.passport.login === s.login) continue;
      expect(share(stage(x, "школьный")) / ((awarded * 100) / parts)).toBeLessThan(p["o6.ratio"] - 0.5);
    }
  });

  it("R1, R3, R4 and stably low: shares of «2», their rise, the lowest social index", () => {
    const low = situationOf("lowTwoYears");
    const rows = rowsByUnit(bySchool.get(low.login)!);
    for (const year of [low.year - 1, low.year]) {
      const r = rows.get(`ВПР|${year}|${low.grade}|${low.subject}`)!;
      expect(r.participants).toBeGreaterThanOrEqual(p["r1.minN"]);
      expect(share2(r.marks!)).toBeGreaterThanOrEqual(p["r1.share"] + 5);
    }
    const neg = situationOf("negativeDynamics");
    const nrows = rowsByUnit(bySchool.get(neg.login)!);
    const now = nrows.get(unitKey(neg as never))!;
    const before = nrows.get(`ВПР|${neg.year - 1}|${neg.grade}|${neg.subject}`)!;
    expect(now.participants).toBeGreaterThanOrEqual(p["r3.minN"]);
    expect(share2(now.marks!) - share2(before.marks!)).toBeGreaterThanOrEqual(p["dynamics.share2Rise"] + 3);
    const social = situationOf("socialConditions");
    const indices = m.schools.map((x) => x.passport.socialIndex!);
    expect(bySchool.get(social.login)!.passport.socialIndex).toBe(Math.min(...indices));
    const stablyLow = situationOf("stablyLow");
    const srows = [...rowsByUnit(bySchool.get(stablyLow.login)!).values()];
    for (const year of [2024, 2025, 2026]) {
      const lowOnes = srows.filter(
        (r) => r.year === year && r.participants >= p["r1.minN"] && share2(r.marks!) >= p["r1.share"],
      );
      expect(lowOnes.length).toBeGreaterThanOrEqual(p["r1.procedures"]);
    }
  });

  it("cycle: a gap at «Адресные рекомендации» of direction 2, an overdue component of direction 5", () => {
    const gap = situationOf("cycleGap");
    const recs = bySchool.get(gap.login)!.cycle.filter((c) => c.year === gap.year && c.direction === 2);
    expect(recs.filter((c) => c.component < 6).every((c) => c.score === 2)).toBe(true);
    expect(recs.find((c) => c.component === 6)).toMatchObject({ score: 0 });
    expect(recs.find((c) => c.component === 6)!.plannedDate! > `${gap.year}-12-31`).toBe(true);
    const over = situationOf("cycleOverdue");
    const c8 = bySchool
      .get(over.login)!
      .cycle.find((c) => c.year === over.year && c.direction === 5 && c.component === 8)!;
    expect(c8.score).toBe(1);
    expect(c8.plannedDate! < `${over.year}-12-31`).toBe(true);
    const closed = m.schools.filter((x) => x.passport.login !== gap.login && x.passport.login !== over.login);
    expect(closed.every((x) => x.cycle.every((c) => c.score === 2 && c.docNumber && c.docDate))).toBe(true);
  });
});

describe("clean schools stay clean (§3 default rules)", () => {
  const p = DEFAULT_PROFILE.values;
  const groups = new Map<string, Map<string, import("../../../src/core/model").ParticipantRow[]>>();
  const all = new Map<string, import("../../../src/core/model").ParticipantRow[]>();
  beforeAll(() => {
    for (const s of m.schools) {
      const g = groupParticipants(s);
      groups.set(s.passport.login, g);
      for (const [k, rows] of g) {
        const list = all.get(k) ?? [];
        for (const r of rows) list.push(r);
        all.set(k, list);
      }
    }
  });
  const objectivityLogins = () => new Set(situations.filter((s) => OBJECTIVITY_ROLES.has(s.kind)).map((s) => s.login));

  it("O1: journal mismatch typical, gaps of two marks well under 10 %", () => {
    const pooled = new Map<string, ReturnType<typeof journalShares>>();
    for (const [k, rows] of all) pooled.set(k, journalShares(rows));
    for (const s of m.schools) {
      if (objectivityLogins().has(s.passport.login)) continue;
      for (const [k, rows] of groups.get(s.passport.login)!) {
        const own = journalShares(rows);
        if (own.n < p["objectivity.minN"]) continue;
        expect(own.gap2).toBeLessThan(p["o1.gap2Share"] - 4);
        expect(own.mismatch).toBeGreaterThan(25);
        expect(own.mismatch).toBeLessThan(45);
        expect(own.mismatch - pooled.get(k)!.mismatch).toBeLessThan(p["o1.mismatchExcess"] - 10);
      }
    }
  });

  it("O2: no boundary peak anywhere (ratio, count and binomial test never all hold)", () => {
    const refs = new Map([...all].map(([k, rows]) => [k, scoreHistogram(rows)]));
    for (const s of m.schools) {
      if (objectivityLogins().has(s.passport.login)) continue;
      for (const [k, rows] of groups.get(s.passport.login)!) {
        if (rows.length < p["o2.minN"]) continue;
        const [, year, grade, subject] = k.split("|");
        const scale = scaleFor("ВПР", Number(year), Number(grade), subject)!;
        for (const b of [scale.min3, scale.min4, scale.min5]) {
          const peak = peakAt(scoreHistogram(rows), refs.get(k)!, b);
          const fires = peak.at >= p["o2.minPeak"] && peak.at >= p["o2.ratio"] * peak.below && peak.p < p["o2.alpha"];
          expect(fires, `${s.passport.login} ${k} b=${b}`).toBe(false);
        }
      }
    }
  });

  it("O3/O5: quality near the reference, ВПР consistent with the cohort's ОГЭ", () => {
    const pooled = pooledMarks(m.schools);
    for (const s of m.schools) {
      if (objectivityLogins().has(s.passport.login)) continue;
      const exempt = ["лицей", "гимназия", "СОШ с УИОП"].includes(s.passport.type);
      const units = rowsByUnit(s);
      for (const [k, r] of units) {
        if (r.participants < p["objectivity.minN"]) continue;
        const excess = quality(r.marks!) - quality(pooled.get(k)!);
        // Лицеи, гимназии and УИОП are exempt from O3 and may be higher; ordinary schools stay within 15 п.п.
        expect(excess, `${s.passport.login} ${k}`).toBeLessThan(exempt ? 30 : 15);
        if (r.procedure === "ВПР" && r.grade < 9) {
          const oge = units.get(`ОГЭ|${r.year + 9 - r.grade}|9|${r.subject}`);
          if (oge && oge.participants >= p["objectivity.minN"])
            expect(quality(r.marks!) - quality(oge.marks!)).toBeLessThan(p["o5.gap"] - 10);
          const prev = units.get(`ВПР|${r.year - 1}|${r.grade - 1}|${r.subject}`);
          if (prev && prev.participants >= p["objectivity.minN"])
            expect(quality(r.marks!) - quality(prev.marks!)).toBeLessThan(p["o5.jump"] - 10);
        }
      }
    }
  });

  it("O4: basic tasks done better than advanced, never below the reference on basic while above on advanced", () => {
    const inversion = situationOf("difficultyInversion");
    for (const s of m.schools) {
      for (const [k, rows] of groups.get(s.passport.login)!) {
        if (
          rows.length < p["objectivity.minN"] ||
          (s.passport.login === inversion.login && k === unitKey(inversion as never))
        )
          continue;
        const set = s.tasks.find((t) => unitKey(t) === k)!;
        const levels = set.tasks.map((t) => t.level);
        const maxes = set.tasks.map((t) => t.max);
        const own = levelCompletion(rows, levels, maxes);
        const ref = levelCompletion(all.get(k)!, levels, maxes);
        expect(own.basic - own.advanced).toBeGreaterThan(20);
        expect(own.basic < ref.basic && own.advanced > ref.advanced, `${s.passport.login} ${k}`).toBe(false);
      }
    }
  });
});
