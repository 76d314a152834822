/**
 * Seeded generator of participant rows for the benchmarks: the same seed gives the same rows on
 * every machine, so results are comparable. Shape: schools × ВПР × 2 years × grades 4–8 ×
 * 2 subjects, about 50 participants per group (1M rows → 20k groups, as in the architecture note),
 * rows in random order (the hard case for caches: real forms arrive school by school).
 */

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = 20260401;
export const YEARS = [2025, 2026];
export const GRADES = [4, 5, 6, 7, 8];
export const SUBJECTS = ["Русский язык", "Математика"];
const GROUPS_PER_SCHOOL = YEARS.length * GRADES.length * SUBJECTS.length;
const ROWS_PER_SCHOOL = 1000;

/** Cumulative shares of marks 0 (no mark), 1, 2, 3, 4, 5. */
const MARK_CDF = [0.03, 0.035, 0.135, 0.535, 0.885, 1];

function drawMark(r) {
  const u = r();
  let m = 0;
  while (u >= MARK_CDF[m]) m++;
  return m;
}

/**
 * Columns of n participant rows. The group id encodes school × year × grade × subject densely:
 * group = school·20 + year·10 + grade·2 + subject (indices, not values).
 */
export function generateColumns(n, seed = SEED) {
  const r = rng(seed);
  const schools = Math.max(1, Math.round(n / ROWS_PER_SCHOOL));
  const group = new Int32Array(n);
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  const score = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    group[i] = Math.floor(r() * schools) * GROUPS_PER_SCHOOL + Math.floor(r() * GROUPS_PER_SCHOOL);
    const m = drawMark(r);
    mark[i] = m;
    // Journal marks: mostly the same, sometimes one higher (the usual bias), rarely absent.
    const u = r();
    journal[i] =
      m === 0 || u < 0.02
        ? u < 0.01
          ? 0
          : 4
        : Math.min(5, Math.max(1, m + (u < 0.62 ? 0 : u < 0.9 ? 1 : u < 0.97 ? -1 : 2)));
    score[i] = m === 0 ? NaN : Math.min(20, Math.max(0, Math.round(m * 4 - 2 + r() * 6)));
  }
  return { group, groupCount: schools * GROUPS_PER_SCHOOL, mark, journal, score, schools };
}

/** Decodes a group id into the key parts a user's table would hold as text. */
export function groupParts(g) {
  const school = Math.floor(g / GROUPS_PER_SCHOOL);
  let rest = g % GROUPS_PER_SCHOOL;
  const year = YEARS[Math.floor(rest / (GRADES.length * SUBJECTS.length))];
  rest %= GRADES.length * SUBJECTS.length;
  return {
    school: `sch${String(420000 + school)}`,
    year,
    grade: GRADES[Math.floor(rest / SUBJECTS.length)],
    subject: SUBJECTS[rest % SUBJECTS.length],
  };
}

/** The same rows as the domain model's ParticipantRow objects (school login kept in `source`). */
export function toParticipantRows(cols) {
  const out = new Array(cols.group.length);
  for (let i = 0; i < out.length; i++) {
    const p = groupParts(cols.group[i]);
    out[i] = {
      procedure: "ВПР",
      year: p.year,
      grade: p.grade,
      className: "",
      subject: p.subject,
      code: String(100000 + i),
      score: Number.isNaN(cols.score[i]) ? null : cols.score[i],
      mark: cols.mark[i] || null,
      journalMark: cols.journal[i] || null,
      taskPoints: [],
      source: p.school,
    };
  }
  return out;
}
