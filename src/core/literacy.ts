/**
 * Functional literacy (читательская, математическая, естественнонаучная, финансовая, глобальные
 * компетенции, креативное мышление) by level (недостаточный … высокий): distributions summed over
 * classes, schools or the municipality, the share at «повышенный» + «высокий» and at
 * «недостаточный». Pure; the summary and the school report print the same numbers.
 */
import type { LiteracyArea, LiteracyRow } from "./model";
import { LITERACY_AREAS } from "./model";

export interface LiteracyStats {
  year: number;
  area: LiteracyArea;
  /** Grade, or null for all grades together. */
  grade: number | null;
  participants: number;
  levels: [number, number, number, number, number];
  /** (повышенный + высокий) / participants · 100. */
  highShare: number | null;
  /** недостаточный / participants · 100. */
  insufficientShare: number | null;
  /** Of them with ОВЗ, when every row summed gave it. */
  ovz: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : null);

/** Sums rows by year × area × grade (`byGrade`) or year × area; sorted by year, area order, grade. */
export function literacyStats(rows: readonly LiteracyRow[], byGrade: boolean): LiteracyStats[] {
  const map = new Map<string, LiteracyStats & { ovzKnown: boolean }>();
  for (const r of rows) {
    const grade = byGrade ? r.grade : null;
    const k = `${r.year}|${r.area}|${grade ?? ""}`;
    let s = map.get(k);
    if (!s) {
      s = {
        year: r.year,
        area: r.area,
        grade,
        participants: 0,
        levels: [0, 0, 0, 0, 0],
        highShare: null,
        insufficientShare: null,
        ovz: 0,
        ovzKnown: true,
      };
      map.set(k, s);
    }
    s.participants += r.participants;
    for (let i = 0; i < 5; i++) s.levels[i] += r.levels[i];
    if (r.ovz === null) s.ovzKnown = false;
    else s.ovz = (s.ovz ?? 0) + r.ovz;
  }
  return [...map.values()]
    .map(({ ovzKnown, ...s }) => ({
      ...s,
      ovz: ovzKnown ? s.ovz : null,
      highShare: share(s.levels[3] + s.levels[4], s.participants),
      insufficientShare: share(s.levels[0], s.participants),
    }))
    .sort(
      (a, b) =>
        a.year - b.year ||
        LITERACY_AREAS.indexOf(a.area) - LITERACY_AREAS.indexOf(b.area) ||
        (a.grade ?? 0) - (b.grade ?? 0),
    );
}
