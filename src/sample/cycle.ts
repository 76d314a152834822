/**
 * Management-cycle records (methodology §1) of a school: for each year, direction and track the
 * nine components (7–9 of a partial track) with a score, a confirming document, the responsible
 * position and a planned date. Clean schools close every cycle; the cycle situations leave a gap
 * at a named component or a component overdue against its planned date.
 */
import type { CycleRecord, CycleTarget, DirectionId, ResultRow } from "../core/model";
import type { SchoolPlan } from "./plan";
import { Rng } from "./random";
import { situationPlace } from "./situations";

export interface TrackDef {
  direction: DirectionId;
  track: string;
  trackKind: CycleRecord["trackKind"];
  responsible: string;
}

export const SCHOOL_TRACKS: readonly TrackDef[] = [
  { direction: 1, track: "ВПР", trackKind: "full", responsible: "заместитель директора по УВР" },
  { direction: 1, track: "ГИА", trackKind: "full", responsible: "заместитель директора по УВР" },
  {
    direction: "O",
    track: "Объективность процедур и олимпиад",
    trackKind: "full",
    responsible: "заместитель директора по УВР",
  },
  { direction: 2, track: "Низкие результаты обучения", trackKind: "full", responsible: "заместитель директора по УВР" },
  { direction: 3, track: "Олимпиады", trackKind: "full", responsible: "руководитель ШМО" },
  {
    direction: 3,
    track: "Дополнительное образование",
    trackKind: "partial",
    responsible: "заместитель директора по ВР",
  },
  { direction: 4, track: "Профориентация", trackKind: "full", responsible: "педагог-навигатор" },
  { direction: 5, track: "Эффективность руководителя", trackKind: "full", responsible: "директор" },
  {
    direction: 6,
    track: "Профессиональное развитие педагогов",
    trackKind: "full",
    responsible: "заместитель директора по методической работе",
  },
  { direction: 7, track: "Воспитание", trackKind: "full", responsible: "советник директора по воспитанию" },
];

export const PRESCHOOL_TRACK: TrackDef = {
  direction: 8,
  track: "Дошкольное образование",
  trackKind: "full",
  responsible: "старший воспитатель",
};

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Months of the nine components across the school year (goals in January … analysis in December). */
const MONTHS = [1, 2, 2, 4, 5, 6, 9, 10, 11];

/** The cycle records of a set of tracks for a year; `deviate` may change a record (situations). */
export function cycleRecords(
  tracks: readonly TrackDef[],
  year: number,
  rng: Rng,
  deviate?: (r: CycleRecord) => CycleRecord,
): CycleRecord[] {
  const out: CycleRecord[] = [];
  let doc = rng.int(20, 60);
  for (const t of tracks) {
    // A partial track counts components 7–9 only (§1), so the form lists just those.
    for (let component = t.trackKind === "partial" ? 7 : 1; component <= 9; component++) {
      const month = MONTHS[component - 1];
      const day = rng.int(3, 26);
      doc += rng.int(1, 4);
      const r: CycleRecord = {
        year,
        direction: t.direction,
        track: t.track,
        trackKind: t.trackKind,
        component,
        score: 2,
        docNumber: `${doc}-од`,
        docDate: iso(year, month, day),
        responsible: t.responsible,
        plannedDate: iso(year, month, Math.min(28, day + 2)),
      };
      out.push(deviate ? deviate(r) : r);
    }
  }
  return out;
}

function withoutDocument(r: CycleRecord, score: 0 | 1, plannedDate: string): CycleRecord {
  const out: CycleRecord = { ...r, score, plannedDate };
  delete out.docNumber;
  delete out.docDate;
  return out;
}

/** The school's cycle over the plan's years, with its cycle situation if it has one. */
export function schoolCycle(plan: SchoolPlan): CycleRecord[] {
  const tracks = plan.school.preschool ? [...SCHOOL_TRACKS, PRESCHOOL_TRACK] : SCHOOL_TRACKS;
  const role = plan.school.role;
  const out: CycleRecord[] = [];
  for (const year of plan.years) {
    const rng = Rng.derive(plan.seed, `cycle|${plan.school.streamKey}|${year}`);
    const place = role === "cycleGap" || role === "cycleOverdue" ? situationPlace(role, plan.years) : null;
    const deviate = (r: CycleRecord): CycleRecord => {
      if (!place || place.year !== year || r.direction !== place.direction) return r;
      if (role === "cycleGap") {
        // Recommendations never written; later steps only begun and planned after the evaluation.
        if (r.component === place.component) return withoutDocument(r, 0, iso(year + 1, 2, 15));
        if (r.component > (place.component ?? 9)) return withoutDocument(r, 1, iso(year + 1, 3, 1));
      }
      if (role === "cycleOverdue") {
        if (r.component === place.component) return withoutDocument(r, 1, iso(year, 10, 15));
        if (r.component > (place.component ?? 9)) return withoutDocument(r, 0, iso(year + 1, 3, 1));
      }
      return r;
    };
    out.push(...cycleRecords(tracks, year, rng, deviate));
  }
  return out;
}

/**
 * The МОУО's own cycle in the demo's last year: direction 2 stops at «Меры и мероприятия» (planned
 * for next year, so a gap but not overdue) and direction 5's effectiveness analysis is overdue.
 */
export const MUNICIPAL_CYCLE_DEVIATIONS = {
  gap: { direction: 2 as DirectionId, component: 7 },
  overdue: { direction: 5 as DirectionId, component: 9 },
};

/** The municipality's own cycle: closed in every year but the last (see MUNICIPAL_CYCLE_DEVIATIONS). */
export function municipalCycle(seed: number, years: readonly number[]): CycleRecord[] {
  const last = years[years.length - 1];
  const { gap, overdue } = MUNICIPAL_CYCLE_DEVIATIONS;
  return years.flatMap((year) =>
    cycleRecords(
      SCHOOL_TRACKS.map((t) => ({ ...t, responsible: "специалист управления образования" })),
      year,
      Rng.derive(seed, `mcycle|${year}`),
      (r) => {
        if (year !== last) return r;
        if (r.direction === gap.direction && r.component >= gap.component)
          return withoutDocument(r, r.component === gap.component ? 0 : 1, iso(year + 1, 2, 20));
        if (r.direction === overdue.direction && r.component === overdue.component)
          return withoutDocument(r, 1, iso(year, 11, 20));
        return r;
      },
    ),
  );
}

/**
 * Targets of the measures (step 7) of directions 1, «Объективность» and 2, so step 9 of the next
 * year is computed from results. The work is one the school wrote both in the measure's year and the
 * year after (or, in the last year, that year), of the procedure the track prefers; among those,
 * direction 2 aims at the work with the highest share of «2» that year (the finding it answers),
 * direction 1 at the lowest quality, «Объективность» at the first by grade and subject. Ties go to
 * grade and subject order. The target's indicator: the share of «2» for direction 2, quality for
 * the others.
 */
export function withTargets(cycle: readonly CycleRecord[], results: readonly ResultRow[]): CycleRecord[] {
  // Mark counts per year and work (classes of a parallel summed).
  const works = new Map<number, Map<string, { n: number; n2: number; good: number }>>();
  for (const r of results) {
    if (!r.marks) continue;
    let year = works.get(r.year);
    if (!year) works.set(r.year, (year = new Map()));
    const key = `${r.procedure}|${r.grade}|${r.subject}`;
    let w = year.get(key);
    if (!w) year.set(key, (w = { n: 0, n2: 0, good: 0 }));
    const m = r.marks;
    w.n += m.n5 + m.n4 + m.n3 + m.n2 + (m.n1 ?? 0);
    w.n2 += m.n2 + (m.n1 ?? 0);
    w.good += m.n5 + m.n4;
  }
  const chosen = new Map<string, string | null>();
  const choose = (year: number, track: string, direction: CycleRecord["direction"]): string | null => {
    const id = `${year}|${track}|${direction}`;
    if (chosen.has(id)) return chosen.get(id)!;
    const own = works.get(year) ?? new Map<string, { n: number; n2: number; good: number }>();
    const next = works.get(year + 1);
    const both = [...own.keys()].sort().filter((k) => !next || next.has(k));
    const prefer = track === "ГИА" ? "ОГЭ|" : "ВПР|";
    const preferred = both.filter((k) => k.startsWith(prefer));
    const pool = preferred.length ? preferred : both;
    // Direction 2: the highest share of «2»; direction 1: the lowest quality; ties keep the sorted order.
    const worst = (score: (w: { n: number; n2: number; good: number }) => number): string | null => {
      let best: string | null = null;
      let bestScore = -Infinity;
      for (const k of pool) {
        const w = own.get(k)!;
        const v = w.n ? score(w) : -Infinity;
        if (best === null || v > bestScore) [best, bestScore] = [k, v];
      }
      return best;
    };
    const pick =
      direction === 2 ? worst((w) => w.n2 / w.n) : direction === 1 ? worst((w) => -w.good / w.n) : (pool[0] ?? null);
    chosen.set(id, pick);
    return pick;
  };
  return cycle.map((r) => {
    if (r.component !== 7 || !(r.direction === 1 || r.direction === "O" || r.direction === 2)) return r;
    const key = choose(r.year, r.track, r.direction);
    if (!key) return r;
    const [procedure, grade, subject] = key.split("|");
    const indicator: CycleTarget["indicator"] = r.direction === 2 ? "share2" : "quality";
    const word = indicator === "share2" ? "доля «2»" : "качество";
    const text = `${procedure} ${grade} ${subject.toLowerCase()} ${word}`;
    return { ...r, target: { procedure, grade: Number(grade), subject, indicator, text } };
  });
}
