/**
 * Results of one school: ВПР with participant rows (codes, class letters, raw scores, marks,
 * journal marks, task points) and aggregated rows derived from them, ОГЭ / ГВЭ-9 mark counts,
 * ЕГЭ score summaries. Score distributions are discretised normals whose mean is set by the
 * test's ability level (quality ≈ Φ(0.6·θ)) and allotted by quota, so clean schools stay smooth
 * and close to the municipal level while injected deviations are as large as intended.
 */
import type { MarkCounts, ParticipantRow, Procedure, ResultRow, TaskSet } from "../core/model";
import { DEFAULT_PROFILE, egeMinimum } from "../core/profile";
import type { MarkScale } from "../core/profile/tables";
import { allot, discreteNormal, meanForTail, normalCdf } from "./distribution";
import type { SchoolPlan } from "./plan";
import { Rng } from "./random";
import { markOf, OGE_ELECTIVES, scaleFor, VPR_SUBJECTS_BY_GRADE } from "./scales";
import { situationPlace } from "./situations";
import { buildTaskSet, invertedDifficulty, PointSplitter, type SampleTaskSet } from "./tasks";

/** Spread of raw scores as a share of the maximum: the same for every school (no crossing shapes). */
const SPREAD = 0.19;
const QUALITY_SLOPE = 0.6;
const LETTERS = "АБВГДЕЖ";
const SOURCE = "form";

/** Expected quality (0–1) of a test written at ability level θ. */
export function qualityTarget(theta: number): number {
  return normalCdf(QUALITY_SLOPE * theta);
}

/**
 * Participants per raw score 0…max of a test written by n participants at level θ. Quotas are
 * allotted per mark first and then per score within each mark's band, so the mark counts (and the
 * quality) follow the target even for a class of 15 on a 50-point test.
 */
export function scoreCounts(scale: MarkScale, n: number, theta: number): number[] {
  const sigma = SPREAD * scale.max;
  const mu = meanForTail(scale.max, sigma, scale.min4, qualityTarget(theta));
  const pmf = discreteNormal(scale.max, mu, sigma);
  const edges = [0, scale.min3, scale.min4, scale.min5, scale.max + 1];
  const bands = edges.slice(0, 4).map((from, i) => pmf.slice(from, edges[i + 1]));
  const perMark = allot(
    n,
    bands.map((b) => b.reduce((a, v) => a + v, 0)),
  );
  return bands.flatMap((b, i) => allot(perMark[i], b));
}

/**
 * The sampled counterpart of `scoreCounts`: each of the n participants draws a score from the
 * same distribution, so schools differ from their expectation by chance as real classes do.
 */
export function drawnScoreCounts(scale: MarkScale, n: number, theta: number, rng: Rng): number[] {
  const sigma = SPREAD * scale.max;
  const mu = meanForTail(scale.max, sigma, scale.min4, qualityTarget(theta));
  return drawCounts(discreteNormal(scale.max, mu, sigma), n, rng);
}

/** n independent draws from a probability vector, as counts per value. */
export function drawCounts(pmf: readonly number[], n: number, rng: Rng): number[] {
  const cdf: number[] = [];
  let acc = 0;
  for (const v of pmf) cdf.push((acc += v));
  const out = pmf.map(() => 0);
  for (let i = 0; i < n; i++) {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] <= u) lo = mid + 1;
      else hi = mid;
    }
    out[lo]++;
  }
  return out;
}

function countsFor(plan: SchoolPlan, scale: MarkScale, n: number, theta: number, label: string): number[] {
  return plan.sampling
    ? drawnScoreCounts(scale, n, theta, Rng.derive(plan.seed, `draw|${plan.school.streamKey}|${label}`))
    : scoreCounts(scale, n, theta);
}

/** The boundary-peak situation: every work scored up to `span` points below `boundary` is pulled up to it. */
export function pullUpToBoundary(counts: number[], boundary: number, span: number): number[] {
  const out = [...counts];
  for (let s = boundary - span; s < boundary; s++) {
    if (s < 0) continue;
    out[boundary] += out[s];
    out[s] = 0;
  }
  return out;
}

export interface JournalMix {
  /** Shares (0–1) of participants whose journal mark differs by 2, is 1 higher (понизили), is 1 lower (повысили). */
  gap2: number;
  lowered: number;
  raised: number;
  /** Gaps of two marks only upwards (journal above the test): inflated journal marks. */
  gap2UpOnly: boolean;
}

/** Typical comparison: about 36 % mismatch, 3 % by two marks (methodology §3 O1 note). */
export const TYPICAL_JOURNAL: JournalMix = { gap2: 0.03, lowered: 0.2, raised: 0.13, gap2UpOnly: false };
/** Inflated journal marks: 58 % «понизили», 18 % of them by two marks. */
export const INFLATED_JOURNAL: JournalMix = { gap2: 0.18, lowered: 0.4, raised: 0.02, gap2UpOnly: true };

/** Journal marks for the given test marks, by quota over a shuffled order of participants. */
export function journalMarks(marks: readonly number[], mix: JournalMix, rng: Rng): number[] {
  const n = marks.length;
  const journal = [...marks];
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const used = new Uint8Array(n);
  const take = (quota: number, eligible: (m: number) => boolean, apply: (m: number) => number) => {
    let k = 0;
    for (const i of order) {
      if (k >= quota) break;
      if (used[i] || !eligible(marks[i])) continue;
      used[i] = 1;
      journal[i] = apply(marks[i]);
      k++;
    }
  };
  take(
    Math.round(n * mix.gap2),
    (m) => (mix.gap2UpOnly ? m <= 3 : true),
    (m) => (m <= 3 ? m + 2 : m - 2),
  );
  take(
    Math.round(n * mix.lowered),
    (m) => m <= 4,
    (m) => m + 1,
  );
  take(
    Math.round(n * mix.raised),
    (m) => m >= 3,
    (m) => m - 1,
  );
  return journal;
}

function emptyMarks(): MarkCounts {
  return { n5: 0, n4: 0, n3: 0, n2: 0 };
}

function addMark(c: MarkCounts, mark: number): void {
  if (mark === 5) c.n5++;
  else if (mark === 4) c.n4++;
  else if (mark === 3) c.n3++;
  else c.n2++;
}

/**
 * The sampled counterpart of `journalMarks`: each participant independently keeps the test mark
 * or gets a journal mark two apart, one above (понизили) or one below (повысили) with the mix's
 * probabilities, where the mark allows it.
 */
export function drawnJournalMarks(marks: readonly number[], mix: JournalMix, rng: Rng): number[] {
  // Gaps only upwards can only happen to marks 2 and 3: their probability is raised so that the
  // expected share of gaps over all participants stays mix.gap2, as in the quota version.
  const eligible = mix.gap2UpOnly ? marks.filter((m) => m <= 3).length / Math.max(1, marks.length) : 1;
  const gap2 = eligible > 0 ? Math.min(1, mix.gap2 / eligible) : 0;
  return marks.map((m) => {
    if ((m <= 3 || !mix.gap2UpOnly) && rng.next() < gap2) return m <= 3 ? m + 2 : m - 2;
    const u = rng.next() * (1 - mix.gap2);
    if (u < mix.lowered) return m <= 4 ? m + 1 : m;
    if (u < mix.lowered + mix.raised) return m >= 3 ? m - 1 : m;
    return m;
  });
}

/** The aggregated row of a test, computed from its participants (marks and journal comparison). */
export function rowFromParticipants(
  rows: readonly ParticipantRow[],
  key: Pick<ResultRow, "procedure" | "year" | "grade" | "subject">,
  className = "",
): ResultRow {
  const marks = emptyMarks();
  const journal = { lowered: 0, confirmed: 0, raised: 0 };
  let withJournal = 0;
  for (const p of rows) {
    if (p.mark === null) continue;
    addMark(marks, p.mark);
    if (p.journalMark !== null) {
      withJournal++;
      if (p.mark < p.journalMark) journal.lowered++;
      else if (p.mark > p.journalMark) journal.raised++;
      else journal.confirmed++;
    }
  }
  const participants = marks.n5 + marks.n4 + marks.n3 + marks.n2;
  return { ...key, className, participants, marks, ...(withJournal > 0 ? { journal } : {}), source: SOURCE };
}

function marksFromCounts(scale: MarkScale, counts: readonly number[]): MarkCounts {
  const m = emptyMarks();
  counts.forEach((c, score) => {
    const mark = markOf(scale, score);
    if (mark === 5) m.n5 += c;
    else if (mark === 4) m.n4 += c;
    else if (mark === 3) m.n3 += c;
    else m.n2 += c;
  });
  return m;
}

/** Task sets are the same for every school: built once per generation run. */
export class TaskSetCache {
  private readonly sets = new Map<string, SampleTaskSet>();
  private readonly splitters = new Map<string, PointSplitter>();
  constructor(private readonly seed: number) {}
  splitter(t: SampleTaskSet, inverted: boolean): PointSplitter {
    const key = `${t.set.procedure}|${t.set.year}|${t.set.grade}|${t.set.subject}|${inverted}`;
    let s = this.splitters.get(key);
    if (!s) {
      s = new PointSplitter(t.set, inverted ? invertedDifficulty(t) : t.difficulty);
      this.splitters.set(key, s);
    }
    return s;
  }
  get(procedure: Procedure, year: number, grade: number, subject: string, max: number): SampleTaskSet {
    const key = `${procedure}|${year}|${grade}|${subject}`;
    let t = this.sets.get(key);
    if (!t) {
      t = buildTaskSet(this.seed, procedure, year, grade, subject, max);
      this.sets.set(key, t);
    }
    return t;
  }
}

export interface SchoolResults {
  results: ResultRow[];
  participants: ParticipantRow[];
  tasks: TaskSet[];
}

/** ВПР subjects of a parallel in a year: Russian and mathematics, plus the others of the grade. */
function vprSubjects(grade: number, rng: Rng): string[] {
  const all = VPR_SUBJECTS_BY_GRADE[grade] ?? [];
  const core: string[] = all.filter((s) => s === "Русский язык" || s === "Математика");
  const others = all.filter((s) => !core.includes(s));
  // Grades 6–8 write two of the other subjects, as the yearly allocation assigns them.
  const chosen =
    grade >= 6
      ? rng
          .shuffle([...others])
          .slice(0, 2)
          .sort()
      : others;
  return [...core, ...chosen];
}

function writesVpr(plan: SchoolPlan): boolean {
  return plan.school.type !== "коррекционная" && plan.school.type !== "вечерняя";
}

function vprTest(
  plan: SchoolPlan,
  year: number,
  grade: number,
  subject: string,
  cache: TaskSetCache,
  out: SchoolResults,
): void {
  const scale = scaleFor("ВПР", year, grade, subject);
  const pupils = plan.pupils(year, grade);
  if (!scale || pupils === 0) return;
  const rng = Rng.derive(plan.seed, `vpr|${plan.school.streamKey}|${year}|${grade}|${subject}`);
  const n = Math.min(pupils, Math.max(1, Math.round(pupils * rng.uniform(0.88, 0.97))));
  const role = plan.school.role;
  const place = role ? situationPlace(role, plan.years) : null;
  const here =
    !!place && place.year === year && place.procedure === "ВПР" && place.grade === grade && place.subject === subject;
  let counts = countsFor(plan, scale, n, plan.theta(year, "ВПР", grade, subject), `ВПР|${year}|${grade}|${subject}`);
  if (here && role === "boundaryPeak") counts = pullUpToBoundary(counts, scale.min3, 5);
  const scores: number[] = [];
  counts.forEach((c, s) => {
    for (let i = 0; i < c; i++) scores.push(s);
  });
  rng.shuffle(scores);
  const marks = scores.map((s) => markOf(scale, s));
  const mix = here && role === "inflatedJournal" ? INFLATED_JOURNAL : TYPICAL_JOURNAL;
  const journal = plan.sampling ? drawnJournalMarks(marks, mix, rng) : journalMarks(marks, mix, rng);
  const t = cache.get("ВПР", year, grade, subject, scale.max);
  const splitter = cache.splitter(t, here && role === "difficultyInversion");
  const classes = plan.classes(year, grade);
  // Rows in class order (А, Б, …), participant i of the shuffled list sits in class i mod classes.
  const rows: ParticipantRow[] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = c, seat = 1; i < scores.length; i += classes, seat++) {
      rows.push({
        procedure: "ВПР",
        year,
        grade,
        className: LETTERS[c],
        subject,
        code: `${grade}${c + 1}${String(seat).padStart(3, "0")}`,
        score: scores[i],
        mark: marks[i],
        journalMark: journal[i],
        taskPoints: splitter.split(scores[i], rng),
        source: SOURCE,
      });
    }
  }
  out.participants.push(...rows);
  out.results.push(rowFromParticipants(rows, { procedure: "ВПР", year, grade, subject }));
  out.tasks.push(t.set);
}

function markedTest(
  plan: SchoolPlan,
  procedure: Procedure,
  year: number,
  grade: number,
  subject: string,
  n: number,
  out: SchoolResults,
): void {
  const scale = scaleFor(procedure, year, grade, subject);
  if (!scale || n <= 0) return;
  const counts = countsFor(
    plan,
    scale,
    n,
    plan.theta(year, procedure, grade, subject),
    `${procedure}|${year}|${grade}|${subject}`,
  );
  const marks = marksFromCounts(scale, counts);
  out.results.push({ procedure, year, grade, className: "", subject, participants: n, marks, source: SOURCE });
}

/** ЕГЭ means by subject at the municipal norm (θ = 0), test scores 0–100. */
const EGE_MEAN: Readonly<Record<string, number>> = {
  "Русский язык": 68,
  "Математика (профильная)": 56,
  Обществознание: 57,
  Физика: 55,
  Информатика: 60,
  Биология: 52,
  Химия: 54,
  История: 58,
  "Английский язык": 68,
  Литература: 62,
  География: 58,
};
const EGE_SD = 14;
const EGE_ELECTIVE_WEIGHTS: Readonly<Record<string, number>> = {
  Обществознание: 35,
  Физика: 14,
  Информатика: 14,
  Биология: 12,
  История: 10,
  Химия: 8,
  "Английский язык": 8,
  Литература: 4,
  География: 3,
};
const OGE_ELECTIVE_WEIGHTS: Readonly<Record<string, number>> = {
  Обществознание: 30,
  Информатика: 17,
  География: 15,
  Биология: 12,
  "Английский язык": 8,
  Химия: 6,
  История: 5,
  Физика: 5,
  Литература: 2,
};
const PROFILE_MATH_SHARE: Readonly<Record<string, number>> = {
  лицей: 0.7,
  гимназия: 0.6,
  "СОШ с УИОП": 0.55,
  СОШ: 0.4,
  вечерняя: 0.1,
};

function egeScored(plan: SchoolPlan, year: number, subject: string, n: number, out: SchoolResults): void {
  if (n <= 0) return;
  const mean = (EGE_MEAN[subject] ?? 56) + 9 * plan.theta(year, "ЕГЭ", 11, subject);
  const pmf = discreteNormal(100, mean, EGE_SD);
  const counts = plan.sampling
    ? drawCounts(pmf, n, Rng.derive(plan.seed, `draw|${plan.school.streamKey}|ЕГЭ|${year}|${subject}`))
    : allot(n, pmf);
  const min = egeMinimum(DEFAULT_PROFILE, subject, year)?.score ?? 0;
  const high = DEFAULT_PROFILE.values["ege.highScore"];
  let sum = 0;
  let belowMin = 0;
  let high81 = 0;
  counts.forEach((c, s) => {
    sum += c * s;
    if (s < min) belowMin += c;
    if (s >= high && s < 100) high81 += c;
  });
  out.results.push({
    procedure: "ЕГЭ",
    year,
    grade: 11,
    className: "",
    subject,
    participants: n,
    ege: { meanScore: Math.round((sum / n) * 10) / 10, belowMin, high81, score100: counts[100] },
    source: SOURCE,
  });
}

function ogeYear(plan: SchoolPlan, year: number, out: SchoolResults): void {
  const pupils = plan.pupils(year, 9);
  if (pupils === 0) return;
  const rng = Rng.derive(plan.seed, `oge|${plan.school.streamKey}|${year}`);
  if (plan.school.type === "коррекционная") {
    for (const s of ["Русский язык", "Математика"]) markedTest(plan, "ГВЭ-9", year, 9, s, pupils, out);
    return;
  }
  const n = pupils - rng.int(0, 1);
  for (const s of ["Русский язык", "Математика"]) markedTest(plan, "ОГЭ", year, 9, s, n, out);
  const electives = allot(
    2 * n,
    OGE_ELECTIVES.map((s) => OGE_ELECTIVE_WEIGHTS[s] ?? 1),
  );
  OGE_ELECTIVES.forEach((s, i) => markedTest(plan, "ОГЭ", year, 9, s, Math.min(n, electives[i]), out));
}

function egeYear(plan: SchoolPlan, year: number, out: SchoolResults): void {
  const n = plan.pupils(year, 11);
  if (n === 0 || !(plan.school.type in PROFILE_MATH_SHARE)) return;
  egeScored(plan, year, "Русский язык", n, out);
  const profile = Math.round(n * PROFILE_MATH_SHARE[plan.school.type]);
  egeScored(plan, year, "Математика (профильная)", profile, out);
  markedTest(plan, "ЕГЭ", year, 11, "Математика (базовая)", n - profile, out);
  const names = Object.keys(EGE_ELECTIVE_WEIGHTS);
  const electives = allot(
    Math.round(n * 1.6),
    names.map((s) => EGE_ELECTIVE_WEIGHTS[s]),
  );
  names.forEach((s, i) => egeScored(plan, year, s, Math.min(n, electives[i]), out));
}

/** All results of a school over the plan's years. */
export function schoolResults(plan: SchoolPlan, cache: TaskSetCache): SchoolResults {
  const out: SchoolResults = { results: [], participants: [], tasks: [] };
  for (const year of plan.years) {
    if (writesVpr(plan)) {
      for (const grade of plan.grades.filter((g) => g >= 4 && g <= 8)) {
        const rng = Rng.derive(plan.seed, `vpr-subjects|${plan.school.streamKey}|${year}|${grade}`);
        const subjects = vprSubjects(grade, rng);
        for (const subject of subjects) vprTest(plan, year, grade, subject, cache, out);
      }
    }
    if (plan.grades.includes(9)) ogeYear(plan, year, out);
    if (plan.grades.includes(11)) egeYear(plan, year, out);
  }
  return out;
}
