/**
 * The shortcuts that make a region's cold analysis cheaper (issue 23) give the same results as the
 * work they replace: the ln k! table, O2's boundaries kept per test, the sign order left as it is
 * when already sorted, one lazily built collator, and buildUnitIndex adding every school's
 * participants in one loop.
 */
import { describe, expect, it } from "vitest";
import { buildContext, buildUnitIndex } from "../../../src/core/analysis";
import { compareText } from "../../../src/core/context/text-order";
import { schoolUnits } from "../../../src/core/context/units";
import { binomialUpperTail } from "../../../src/core/objectivity/chance";
import { o2Boundaries, signO2 } from "../../../src/core/objectivity/o2-peaks";
import { firedSignIds, schoolSigns, type SignResult } from "../../../src/core/objectivity";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { addParticipants, inferredBoundarySchools, municipality, school } from "./build";

const P = DEFAULT_PROFILE;

/** The tail as computed before the table: ln k! summed afresh for every term of the coefficient. */
function tailSummingLogs(k: number, n: number, p: number): number {
  const lnFact = (m: number) => {
    if (m >= 256) {
      const x = m + 1;
      return (
        (x - 0.5) * Math.log(x) -
        x +
        0.5 * Math.log(2 * Math.PI) +
        1 / (12 * x) -
        1 / (360 * x ** 3) +
        1 / (1260 * x ** 5)
      );
    }
    let s = 0;
    for (let i = 2; i <= m; i++) s += Math.log(i);
    return s;
  };
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let term = Math.exp(lnFact(n) - lnFact(k) - lnFact(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
  let sum = term;
  const odds = p / (1 - p);
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * odds;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

describe("binomialUpperTail with ln k! from a table", () => {
  it("is bit-identical to summing the logarithms afresh (n from 1 to 400, across the table's end at 256)", () => {
    for (const n of [1, 2, 3, 7, 20, 41, 100, 254, 255, 256, 257, 300, 400])
      for (const p of [0.015, 0.1, 0.35, 0.5, 0.9])
        for (let k = 0; k <= n + 1; k += Math.max(1, Math.floor(n / 11)))
          expect(binomialUpperTail(k, n, p), `k ${k}, n ${n}, p ${p}`).toBe(tailSummingLogs(k, n, p));
  });
  it("a fractional count sums up to its integer part, as the loop did: P(X ≥ 3), n = 20,5 vs n = 20 terms", () => {
    expect(binomialUpperTail(3, 20.5, 0.1)).toBe(tailSummingLogs(3, 20.5, 0.1));
  });
});

describe("O2 boundaries kept per test", () => {
  const [a, b] = inferredBoundarySchools();
  const ctx = buildContext(municipality([a, b]), P);
  const u = [...ctx.index.bySchool.get("a")!.values()][0];
  const pooled = ctx.index.pooled.get(u.key);

  it("the same boundaries and note as signO2 finds itself (no scale for 2025: inferred from the pooled pairs)", () => {
    const kept = o2Boundaries(u, pooled, P);
    expect(kept).toEqual({
      list: [{ mark: 3, score: 10 }],
      inferred: true,
      note: "границы отметок определены по парам «балл — отметка» участников («3» от 10), шкалы в методике нет",
    });
    const own = signO2(u, pooled, ctx.refs, P)!;
    expect(signO2(u, pooled, ctx.refs, P, 1, kept)).toEqual(own);
    expect(own.fired).toBe(true);
    expect(own.numbers).toMatchObject({ boundary: 10, countAt: 10, countBelow: 2, refAt: 60, refBelow: 152, m: 12 });
  });
  it("schoolSigns gives every school of the test the same note", () => {
    const notes = ["a", "b"].map((login) => {
      const s = ctx.m.schools.find((x) => x.passport.login === login)!;
      return [...schoolSigns(s, ctx).values()].flat().find((r) => r.rule === "O2")!.note;
    });
    expect(notes[0]).toBe(notes[1]);
  });
});

describe("sign order", () => {
  it("a school with two tests (pushed test by test) gets its results sorted by rule, then grade", () => {
    const s = addParticipants(
      addParticipants(school("a"), "ВПР", 2026, 5, "Математика", [[30, { mark: 4, journal: 4, score: 12 }]]),
      "ВПР",
      2026,
      4,
      "Русский язык",
      [[30, { mark: 4, journal: 4, score: 17 }]],
    );
    const ctx = buildContext(municipality([s]), P);
    const list = schoolSigns(s, ctx).get(2026)!;
    expect(list.map((r) => `${r.rule} ${r.grade} ${r.subject}`)).toEqual([
      "O1 4 Русский язык",
      "O1 5 Математика",
      "O2 4 Русский язык",
      "O2 5 Математика",
      "O3 4 Русский язык",
      "O3 5 Математика",
      "O5 4 Русский язык",
      "O5 5 Математика",
    ]);
  });
  it("firedSignIds: nothing fired → [], else the ids once each in rule order", () => {
    const r = (rule: SignResult["rule"], fired: boolean) => ({ rule, fired }) as SignResult;
    expect(firedSignIds([r("O1", false), r("O2", false)])).toEqual([]);
    expect(firedSignIds([r("F", true), r("O2", true), r("O1", false), r("O2", true)])).toEqual(["O2", "F"]);
  });
});

describe("compareText", () => {
  it("orders as localeCompare; equal names compare 0 without a collator", () => {
    const names = ["Русский язык", "Математика", "история", "Ёжики", "Биология", "ВПР", "ОГЭ", "ЕГЭ"];
    const expected = [...names].sort((a, b) => a.localeCompare(b));
    expect([...names].sort(compareText)).toEqual(expected);
    expect(compareText("ВПР", "ВПР")).toBe(0);
  });
});

describe("buildUnitIndex adds all schools' participants in one loop", () => {
  it("gives each school the units schoolUnits builds for it alone", () => {
    const a = addParticipants(school("a"), "ВПР", 2026, 4, "Русский язык", [
      [12, { mark: 5, journal: 4, score: 22, tasks: [2, 1, null] }],
      [8, { mark: 2, journal: 4, score: 7, tasks: [0, 1, 1] }],
    ]);
    const b = addParticipants(
      addParticipants(school("b"), "ВПР", 2026, 4, "Русский язык", [[5, { mark: 3, score: 11 }]]),
      "ВПР",
      2025,
      4,
      "Русский язык",
      [[7, { mark: 4, journal: 3, score: 18 }]],
    );
    const index = buildUnitIndex(municipality([a, b]), P);
    for (const s of [a, b]) expect(index.bySchool.get(s.passport.login)).toEqual(schoolUnits(s, P));
    const pooled = index.pooled.get("ВПР|2026|4|Русский язык")!;
    expect(pooled.n).toBe(25);
    expect(pooled.marks).toEqual({ n5: 12, n4: 0, n3: 5, n2: 8 });
    expect(pooled.journal).toEqual({ n: 20, lowered: 8, confirmed: 0, raised: 12, gap2: 8 });
    expect(pooled.tasks).toEqual({ sums: [24, 20, 8], n: 20 });
  });
});
