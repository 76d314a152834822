/**
 * The school's own assessments in the demo (ВСОКО §1.7): quarter marks (grades 1–9) or half-year
 * marks (10–11) per class for every ВПР and ОГЭ of the latest year, a little above the external
 * quality and rising through the year, so the school report shows dynamics by period and the
 * internal–external comparison. Given to the school whose journal marks are inflated: its
 * internal quality runs far above its ВПР, as such a school's would.
 */
import type { InternalResultRow, MarkCounts, ResultRow } from "../core/model";
import { quality, share2 } from "../core/indicators";
import type { Rng } from "./random";

const LETTERS = ["А", "Б", "В", "Г", "Д"];

/** П.п. by which the internal quality stands above the external one in the first period. */
export const INTERNAL_QUALITY_LIFT = 20;

function marksFor(n: number, qualityPct: number, share2Pct: number): MarkCounts {
  const good = Math.min(n, Math.round((n * qualityPct) / 100));
  const n5 = Math.round(good * 0.3);
  const n2 = Math.min(n - good, Math.round((n * share2Pct) / 100));
  return { n5, n4: good - n5, n3: n - good - n2, n2 };
}

/** Internal rows for the ВПР and ОГЭ results of `year`, split over the classes of each parallel. */
export function internalRows(
  results: readonly ResultRow[],
  year: number,
  classesOf: (grade: number) => number,
  rng: Rng,
): InternalResultRow[] {
  const out: InternalResultRow[] = [];
  for (const r of results) {
    if (r.year !== year || !r.marks || (r.procedure !== "ВПР" && r.procedure !== "ОГЭ")) continue;
    const q = quality(r.marks) ?? 0;
    const s2 = share2(r.marks) ?? 0;
    const k = Math.max(1, Math.min(LETTERS.length, classesOf(r.grade)));
    const halves = r.grade >= 10;
    const periods = halves ? 2 : 4;
    for (let c = 0; c < k; c++) {
      const n = Math.max(1, Math.round(r.participants / k) + rng.int(0, 2));
      for (let p = 1; p <= periods; p++) {
        const target = Math.max(0, Math.min(100, q + INTERNAL_QUALITY_LIFT + (p - 1) * 3 + rng.uniform(-4, 4)));
        out.push({
          procedure: halves ? "Итоги полугодия" : "Итоги четверти",
          year,
          period: p,
          grade: r.grade,
          className: LETTERS[c],
          subject: r.subject,
          participants: n,
          marks: marksFor(n, target, Math.max(0, s2 / 3 - p)),
          source: "form",
        });
      }
    }
  }
  return out;
}
