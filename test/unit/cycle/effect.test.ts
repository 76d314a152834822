/**
 * Step 9 computed from data: a measure of 2025 names its target indicator; the 2026 cycle compares
 * the indicator in 2025 and 2026 with the sample-size class and whether the linked finding persists.
 */
import { describe, expect, it } from "vitest";
import { evaluateCycle, makeFinding, parseLinks, parseTarget, type IndicatorOf } from "../../../src/core/cycle";
import type { CycleRecord, CycleTarget } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { schoolIndicators } from "../../../src/summary/model/cycle-findings";
import { formatPercentRu, formatPointsRu } from "../../../src/core/values";
import { track } from "./helpers";

const TARGET = (parseTarget("ВПР 5 математика доля «2»") as { ok: true; target: CycleTarget }).target;

/** Direction 2 closed in 2025 and 2026; the 2025 measure (step 7) has the target and links ШНОР 2025. */
function records(opts: { target?: boolean; link?: boolean } = {}): CycleRecord[] {
  const y2025 = track({ direction: 2, scores: "222222222", year: 2025 }).map((r) =>
    r.component === 7
      ? {
          ...r,
          ...(opts.target === false ? {} : { target: TARGET }),
          ...(opts.link === false ? {} : { links: parseLinks("ШНОР 2025").links }),
        }
      : r,
  );
  return [...y2025, ...track({ direction: 2, scores: "222222222", year: 2026, firstRow: 20 })];
}

/** Marks of ВПР 5 математика: 2025 — 10 «2» of 40 (25 %); 2026 — 6 «2» of 50 (12 %). */
const results = [
  { year: 2025, n5: 5, n4: 10, n3: 15, n2: 10 },
  { year: 2026, n5: 8, n4: 16, n3: 20, n2: 6 },
].map(({ year, ...marks }) => ({
  procedure: "ВПР" as const,
  year,
  grade: 5,
  className: "",
  subject: "Математика",
  participants: marks.n5 + marks.n4 + marks.n3 + marks.n2,
  source: "тест",
  marks,
}));
const indicatorOf = schoolIndicators(results);
const opts = { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE, indicatorOf };

describe("«Целевой показатель»", () => {
  it("reads procedure, grade, subject and indicator in any order", () => {
    expect(TARGET).toEqual({
      procedure: "ВПР",
      grade: 5,
      subject: "Математика",
      indicator: "share2",
      text: "ВПР 5 математика доля «2»",
    });
    expect(parseTarget("качество ОГЭ 9 кл. русский язык")).toMatchObject({
      ok: true,
      target: { procedure: "ОГЭ", grade: 9, subject: "Русский язык", indicator: "quality" },
    });
    expect(parseTarget("ВПР 5 математика")).toEqual({
      ok: false,
      error: "не указан показатель: «успеваемость», «качество» или «доля «2»»",
    });
    expect(parseTarget("5 математика качество")).toMatchObject({
      ok: false,
      error: expect.stringContaining("процедура"),
    });
    expect(parseTarget("ВПР математика качество")).toEqual({ ok: false, error: "не указан класс 1–11" });
  });
});

describe("step 9 computed from the next year's data", () => {
  it("reports the change with the sample-size class and whether ШНОР persists, in one sentence", () => {
    const shnor2026 = makeFinding("ШНОР", "sch1", { year: 2026 });
    const e = evaluateCycle(records(), { ...opts, findings: [shnor2026] });
    const d = e.directions.find((x) => x.id === 2)!;
    expect(d.effects).toHaveLength(1);
    const x = d.effects[0];
    // 25 % → 12 %: −13 п.п., fewer «2» is better; 50 participants ≥ sample.informative (50).
    expect([x.before, x.after, x.change, x.improved, x.sizeClass, x.persists]).toEqual([
      { value: 25, n: 40 },
      { value: 12, n: 50 },
      -13,
      true,
      "informative",
      true,
    ]);
    expect(x.sentence).toBe(
      `Меры 2025 года (трек «Основной») по показателю «доля «2», ВПР, 5 кл., математика»: ${formatPercentRu(25)} → ${formatPercentRu(12)} (${formatPointsRu(-13)}, улучшение); 2026 — 50 участников, информативная выборка; ШНОР в 2026 году сохраняется.`,
    );
    // Proven by data: step 9 «есть» stays done.
    expect(d.tracks[0].components[8].state).toBe("done");
  });

  it("49 participants in 2026 is «ориентировочная выборка»; the finding gone → «не выявлен»", () => {
    const fewer = schoolIndicators([
      results[0],
      { ...results[1], participants: 49, marks: { ...results[1].marks, n3: 19 } },
    ]);
    const d = evaluateCycle(records(), { ...opts, indicatorOf: fewer }).directions.find((x) => x.id === 2)!;
    expect(d.effects[0].sizeClass).toBe("approximate");
    expect(d.effects[0].persists).toBe(false);
    expect(d.effects[0].sentence).toContain(
      "2026 — 49 участников, ориентировочная выборка; ШНОР в 2026 году не выявлен.",
    );
    expect(d.statusText).toBe("замкнут");
  });

  it("a declared «есть» on step 9 without a target in last year's measures counts as «частично»", () => {
    const d = evaluateCycle(records({ target: false }), opts).directions.find((x) => x.id === 2)!;
    const c9 = d.tracks[0].components[8];
    expect([c9.state, c9.points, c9.effectUnproven]).toEqual([
      "partial",
      1,
      "в мерах (этап 7) 2025 года нет целевого показателя, эффективность не рассчитана",
    ]);
    expect(d.statusText).toBe("разрыв на этапе 9 «Анализ эффективности принятых мер»");
    expect(d.score).toBeCloseTo((17 / 18) * 100, 9);
  });

  it("…or with a target but no data for it; with the rule off it stays done", () => {
    const none: IndicatorOf = () => null;
    const d = evaluateCycle(records(), { ...opts, indicatorOf: none }).directions.find((x) => x.id === 2)!;
    expect(d.tracks[0].components[8].effectUnproven).toBe(
      "нет данных 2025 и 2026 годов по целевым показателям мер 2025 года",
    );
    expect(d.effects[0].sentence).toBe(
      "Меры 2025 года (трек «Основной») по показателю «доля «2», ВПР, 5 кл., математика»: нет данных 2025 года для сравнения; ШНОР в 2026 году не выявлен.",
    );
    const off = applyOverrides([{ key: "cycle.effectivenessRequireData", value: "нет" }]).profile;
    const free = evaluateCycle(records({ target: false }), { ...opts, profile: off });
    expect(free.directions.find((x) => x.id === 2)!.statusText).toBe("замкнут");
  });

  it("no cycle last year (a first year) or a direction outside 1, О, 2: step 9 is taken as declared", () => {
    const only2026 = records().filter((r) => r.year === 2026);
    expect(evaluateCycle(only2026, opts).directions.find((x) => x.id === 2)!.statusText).toBe("замкнут");
    const dir4 = records({ target: false }).map((r) => ({ ...r, direction: 4 as const }));
    expect(evaluateCycle(dir4, opts).directions.find((x) => x.id === 4)!.statusText).toBe("замкнут");
  });
});
