/**
 * Sampled municipalities (participants drawn at random, with or without situations) and the
 * quality report built on them (npm run quality).
 */
import { describe, expect, it } from "vitest";
import { generateMunicipality } from "../../../src/sample";
import { CLEAN_LOW_THETA } from "../../../src/sample/generate";
import { drawCounts, drawnJournalMarks, INFLATED_JOURNAL, TYPICAL_JOURNAL } from "../../../src/sample/results";
import { Rng } from "../../../src/sample/random";
import {
  falseAlarmTarget,
  judgedOnOrdinary,
  measureQuality,
  QUALITY_RULES,
  qualityTable,
} from "../../../src/sample/quality";

describe("sampled draws", () => {
  it("drawCounts: n draws, deterministic for a seed, only where the probability is positive", () => {
    const a = drawCounts([0.2, 0, 0.5, 0.3], 1000, new Rng(7));
    expect(a.reduce((x, y) => x + y, 0)).toBe(1000);
    expect(a[1]).toBe(0);
    expect(a).toEqual(drawCounts([0.2, 0, 0.5, 0.3], 1000, new Rng(7)));
    // Roughly the expected 200 / 500 / 300 (binomial SD ≈ 13–16): a bound of 5 SD.
    expect(Math.abs(a[2] - 500)).toBeLessThan(80);
  });
  it("drawnJournalMarks: journal marks 2–5, at most two apart; inflated gaps only upwards from «2» and «3»", () => {
    const marks = Array.from({ length: 400 }, (_, i) => 2 + (i % 4));
    const typical = drawnJournalMarks(marks, TYPICAL_JOURNAL, new Rng(1));
    const inflated = drawnJournalMarks(marks, INFLATED_JOURNAL, new Rng(1));
    for (const j of [typical, inflated]) j.forEach((v, i) => expect(Math.abs(v - marks[i])).toBeLessThanOrEqual(2));
    inflated.forEach((v, i) => {
      if (Math.abs(v - marks[i]) === 2) expect(marks[i] <= 3 && v === marks[i] + 2).toBe(true);
    });
    const gaps = inflated.filter((v, i) => Math.abs(v - marks[i]) === 2).length;
    // Expected 18 % of 400 = 72 (probability 0,36 for the 200 marks «2» and «3»; SD ≈ 6,8).
    expect(gaps).toBeGreaterThan(72 - 35);
    expect(gaps).toBeLessThan(72 + 35);
  });
});

describe("sampled municipalities", () => {
  it("are reproducible from the seed and differ from the quota sample", () => {
    const a = generateMunicipality({ seed: 5, sampling: true, years: [2026] });
    const b = generateMunicipality({ seed: 5, sampling: true, years: [2026] });
    const quota = generateMunicipality({ seed: 5, years: [2026] });
    expect(a.municipality.schools[0].results).toEqual(b.municipality.schools[0].results);
    expect(a.municipality.schools[0].results).not.toEqual(quota.municipality.schools[0].results);
  });
  it("without situations: no manifest, and the stably-low archetype is an ordinary weak school", () => {
    const clean = generateMunicipality({ seed: 5, situations: false, sampling: true });
    expect(clean.situations).toEqual([]);
    const withThem = generateMunicipality({ seed: 5, sampling: true });
    expect(withThem.situations.length).toBeGreaterThanOrEqual(10);
    expect(CLEAN_LOW_THETA).toBeGreaterThan(-1);
  });
});

describe("quality report", () => {
  it("counts recall and false alarms per rule over one seed (two municipalities) and passes the sanity check", () => {
    const r = measureQuality({ seeds: [1001] });
    expect(r.municipalities).toBe(2);
    expect(r.rows.map((x) => x.rule)).toEqual([...QUALITY_RULES]);
    const row = (rule: string) => r.rows.find((x) => x.rule === rule)!;
    // One municipality with the roster's situations: one O1, one O6, one R3, one stably-low school each.
    expect(row("O1").injected).toBe(1);
    expect(row("O6")).toMatchObject({ injected: 1, found: 1 });
    expect(row("stable.low")).toMatchObject({ injected: 1, found: 1 });
    expect(row("R2").injected).toBe(0);
    // Revision 2026.2: no school-year with z ≥ 0 is R2, no school with z > 0 in its window is «стабильно низкие».
    expect(r.r2AtOrAboveZero).toBe(0);
    expect(r.stablyLowAboveZero).toBe(0);
    for (const x of r.rows) expect(x.cleanFlagged).toBeLessThanOrEqual(x.cleanEvaluated);
    const table = qualityTable(r);
    expect(table.split("\n")[0]).toBe(
      "| Признак / фактор | Найдено внедрённых ситуаций | Ложные срабатывания у ОО без ситуаций | То же на одну проверку (процедуру) | То же у ОО обычного уровня | Цель |",
    );
    expect(table).toContain("| O6 аномалия олимпиады | 1 из 1 (100,0 %) |");
    expect(falseAlarmTarget("ШНОР")).toBe(10);
    // R1, R2, ШНОР and «стабильно низкие» are judged on ordinary-level schools, the signs on all schools.
    expect(judgedOnOrdinary("R1")).toBe(true);
    expect(judgedOnOrdinary("O1")).toBe(false);
    const shnor = table.split("\n").find((l) => l.startsWith("| ШНОР"))!;
    const cells = shnor.split(" | ");
    expect(cells.at(-1)).toMatch(/^≤ 10 % у ОО обычного уровня( — не достигнута)? \|$/);
    expect(falseAlarmTarget("R4")).toBeNull();
  }, 60_000);
});
