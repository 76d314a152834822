/** The sample's measure targets (src/sample/cycle.ts `withTargets`), on hand-made results. */
import { describe, expect, it } from "vitest";
import type { CycleRecord, DirectionId, MarkCounts, ResultRow } from "../../../src/core/model";
import { withTargets } from "../../../src/sample/cycle";

function row(
  year: number,
  procedure: "ВПР" | "ОГЭ",
  grade: number,
  subject: string,
  marks: MarkCounts,
  cls = "а",
): ResultRow {
  const participants = marks.n5 + marks.n4 + marks.n3 + marks.n2;
  return { procedure, year, grade, className: `${grade}${cls}`, subject, participants, marks, source: "form" };
}
const m = (n5: number, n4: number, n3: number, n2: number): MarkCounts => ({ n5, n4, n3, n2 });

// 2025: ВПР 5 математика — 2 of 20 «2» (10 %), quality 50 %; ВПР 6 русский — 2 classes: 3 + 5 of 20 «2»
// (20 %), quality (4 + 2) / 20 = 30 %; ВПР 7 история — 15 % «2», quality 25 %, but not written in 2026;
// ОГЭ 9 математика — 40 % «2» (other procedure). 2026: the same works but history.
const results: ResultRow[] = [
  row(2025, "ВПР", 5, "Математика", m(4, 6, 8, 2)),
  row(2025, "ВПР", 6, "Русский язык", m(2, 2, 3, 3)),
  row(2025, "ВПР", 6, "Русский язык", m(1, 1, 3, 5), "б"),
  row(2025, "ВПР", 7, "История", m(1, 4, 12, 3)),
  row(2025, "ОГЭ", 9, "Математика", m(1, 2, 3, 4)),
  row(2026, "ВПР", 5, "Математика", m(5, 5, 8, 2)),
  row(2026, "ВПР", 6, "Русский язык", m(3, 3, 3, 1)),
  row(2026, "ОГЭ", 9, "Математика", m(2, 2, 3, 3)),
];

function measure(direction: DirectionId, track = "ВПР", year = 2025): CycleRecord {
  return { year, direction, track, trackKind: "full", component: 7, score: 2 };
}

describe("withTargets", () => {
  const [d2, d1, o, gia, other] = withTargets(
    [measure(2), measure(1), measure("O"), measure(1, "ГИА"), { ...measure(2), component: 6 }],
    results,
  );

  it("direction 2 aims at the ВПР work with the highest share of «2» written in both years", () => {
    // 6 русский: 8 of 20 = 40 % beats 5 математика 10 %; 7 история (15 %) has no 2026 results.
    expect(d2.target).toEqual({
      procedure: "ВПР",
      grade: 6,
      subject: "Русский язык",
      indicator: "share2",
      text: "ВПР 6 русский язык доля «2»",
    });
  });

  it("direction 1 aims at the lowest quality; «Объективность» at the first work; ГИА at ОГЭ", () => {
    expect(d1.target?.text).toBe("ВПР 6 русский язык качество"); // 30 % against 50 %
    expect(o.target?.text).toBe("ВПР 5 математика качество"); // first by grade
    expect(gia.target?.text).toBe("ОГЭ 9 математика качество");
    expect(other.target).toBeUndefined(); // only step 7 gets a target
  });

  it("in the last year the work only needs results of that year", () => {
    const [last] = withTargets([measure(2, "ВПР", 2026)], results);
    expect(last.target?.text).toBe("ВПР 5 математика доля «2»"); // 2 of 20 = 10 % against 1 of 10
  });
});
