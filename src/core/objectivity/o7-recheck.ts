/**
 * O7 «Перепроверка понизила отметки» (a sign in the style of §3, provenance [DEFAULT]): the
 * municipal commission re-checked the school's works of one procedure × grade × subject
 * («Перепроверка» sheet: per work the school's and the commission's mark). The sign fires when at
 * least o7.minWorks works were re-checked and the commission lowered the mark in at least
 * o7.loweredShare % of them: the school's own marking was more lenient than independent checking.
 * Raised and confirmed marks are counted too, so the explanation gives the whole picture.
 */
import type { RecheckRow } from "../model";
import type { Profile } from "../profile";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

export interface RecheckCounts {
  n: number;
  lowered: number;
  raised: number;
  confirmed: number;
}

/** Re-checked works grouped by year, procedure, grade and subject (one pass). */
export function recheckGroups(rows: readonly RecheckRow[]): Map<string, { row: RecheckRow; counts: RecheckCounts }> {
  const out = new Map<string, { row: RecheckRow; counts: RecheckCounts }>();
  for (const r of rows) {
    const key = `${r.year}|${r.procedure}|${r.grade}|${r.subject}`;
    let g = out.get(key);
    if (!g) out.set(key, (g = { row: r, counts: { n: 0, lowered: 0, raised: 0, confirmed: 0 } }));
    g.counts.n++;
    if (r.commissionMark < r.schoolMark) g.counts.lowered++;
    else if (r.commissionMark > r.schoolMark) g.counts.raised++;
    else g.counts.confirmed++;
  }
  return out;
}

export function signO7(rows: readonly RecheckRow[], p: Profile): SignResult[] {
  const minWorks = threshold(p, "o7.minWorks");
  const shareT = threshold(p, "o7.loweredShare");
  const out: SignResult[] = [];
  for (const { row, counts } of recheckGroups(rows).values()) {
    const base = {
      rule: "O7" as const,
      year: row.year,
      procedure: row.procedure,
      grade: row.grade,
      subject: row.subject,
    };
    if (counts.n < minWorks.value) {
      out.push(notEvaluated({ ...base, n: counts.n, threshold: [minWorks] }, "мало перепроверенных работ"));
      continue;
    }
    const loweredShare = (counts.lowered * 100) / counts.n;
    const raisedShare = (counts.raised * 100) / counts.n;
    out.push({
      ...base,
      n: counts.n,
      fired: loweredShare >= shareT.value,
      evaluated: true,
      numbers: {
        n: counts.n,
        lowered: counts.lowered,
        raised: counts.raised,
        confirmed: counts.confirmed,
        loweredShare,
        raisedShare,
        changedShare: loweredShare + raisedShare,
      },
      threshold: [shareT, minWorks],
      tags: tagsOf("DEFAULT", [shareT, minWorks]),
    });
  }
  return out;
}
