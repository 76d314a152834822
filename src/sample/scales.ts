/**
 * Raw-score → mark scales of the sample municipality. The profile's published scales win where
 * they exist (e.g. ВПР 2026, русский язык, 4 класс); for every other test the sample defines a
 * plausible scale of its own (tag DEFAULT) and exports them, so the profile and the analysis can
 * use the very scales the sample's marks were derived with (`sampleMarkScales`).
 */
import type { Procedure } from "../core/model";
import { DEFAULT_PROFILE } from "../core/profile";
import type { MarkScale } from "../core/profile/tables";

type Bounds = readonly [max: number, min3: number, min4: number, min5: number];

/** ВПР: grade → subject → bounds. Plausible, in the proportions of recent years' tables. */
const VPR: Readonly<Record<number, Readonly<Record<string, Bounds>>>> = {
  4: { "Русский язык": [38, 12, 22, 31], Математика: [20, 6, 12, 16], "Окружающий мир": [32, 9, 18, 26] },
  5: {
    "Русский язык": [45, 14, 26, 37],
    Математика: [20, 6, 12, 16],
    История: [15, 4, 8, 12],
    Биология: [29, 9, 17, 24],
  },
  6: {
    "Русский язык": [51, 15, 29, 42],
    Математика: [20, 6, 11, 16],
    История: [20, 6, 11, 16],
    Биология: [28, 8, 16, 23],
    География: [37, 11, 21, 30],
  },
  7: {
    "Русский язык": [47, 14, 27, 38],
    Математика: [19, 6, 11, 15],
    История: [20, 6, 11, 16],
    Биология: [28, 8, 16, 23],
    География: [37, 11, 21, 30],
  },
  8: {
    "Русский язык": [51, 15, 29, 42],
    Математика: [25, 7, 14, 20],
    История: [20, 6, 11, 16],
    Биология: [28, 8, 16, 23],
    География: [37, 11, 21, 30],
  },
};

/** ОГЭ (grade 9): subject → bounds, close to the tables of recent years. */
const OGE: Readonly<Record<string, Bounds>> = {
  "Русский язык": [33, 15, 23, 29],
  Математика: [31, 8, 15, 22],
  Обществознание: [37, 14, 24, 32],
  Информатика: [19, 5, 11, 16],
  Биология: [48, 13, 26, 37],
  География: [31, 12, 19, 26],
  "Английский язык": [68, 29, 46, 58],
  Химия: [40, 10, 21, 31],
  История: [37, 11, 21, 30],
  Физика: [45, 11, 23, 35],
  Литература: [45, 16, 27, 37],
};

/** ГВЭ-9 (written form for pupils with special needs): subject → bounds. */
const GVE9: Readonly<Record<string, Bounds>> = {
  "Русский язык": [20, 6, 11, 16],
  Математика: [20, 6, 11, 16],
};

/** ЕГЭ базовая математика is marked, not scored on 100. */
const EGE_BASE_MATH: Bounds = [21, 7, 12, 17];

export const VPR_SUBJECTS_BY_GRADE: Readonly<Record<number, readonly string[]>> = Object.fromEntries(
  Object.entries(VPR).map(([g, subjects]) => [g, Object.keys(subjects)]),
);
export const OGE_ELECTIVES: readonly string[] = Object.keys(OGE).filter(
  (s) => s !== "Русский язык" && s !== "Математика",
);

function toScale(procedure: Procedure, year: number, grade: number, subject: string, b: Bounds): MarkScale {
  return { procedure, year, grade, subject, max: b[0], min3: b[1], min4: b[2], min5: b[3], tag: "DEFAULT" };
}

function ownBounds(procedure: Procedure, grade: number, subject: string): Bounds | null {
  if (procedure === "ВПР") return VPR[grade]?.[subject] ?? null;
  if (procedure === "ОГЭ" && grade === 9) return OGE[subject] ?? null;
  if (procedure === "ГВЭ-9" && grade === 9) return GVE9[subject] ?? null;
  if (procedure === "ЕГЭ" && grade === 11 && subject === "Математика (базовая)") return EGE_BASE_MATH;
  return null;
}

function profileScale(procedure: Procedure, year: number, grade: number, subject: string): MarkScale | null {
  return (
    DEFAULT_PROFILE.markScales.find(
      (s) => s.procedure === procedure && s.year === year && s.grade === grade && s.subject === subject,
    ) ?? null
  );
}

/** The scale the sample marks a test with: the profile's when published, else the sample's own. */
export function scaleFor(procedure: Procedure, year: number, grade: number, subject: string): MarkScale | null {
  const published = profileScale(procedure, year, grade, subject);
  if (published) return published;
  const b = ownBounds(procedure, grade, subject);
  return b ? toScale(procedure, year, grade, subject, b) : null;
}

/** Mark 2–5 of a raw score on a scale. */
export function markOf(scale: MarkScale, score: number): 2 | 3 | 4 | 5 {
  if (score >= scale.min5) return 5;
  if (score >= scale.min4) return 4;
  if (score >= scale.min3) return 3;
  return 2;
}

/**
 * The sample's own scales for the given years (those the profile does not already publish), to
 * add to a profile (e.g. as overrides «scale|ВПР|2025|5|Русский язык» = «45;14;26;37»).
 */
export function sampleMarkScales(years: readonly number[] = [2024, 2025, 2026]): MarkScale[] {
  const out: MarkScale[] = [];
  const add = (procedure: Procedure, year: number, grade: number, subject: string, b: Bounds) => {
    if (!profileScale(procedure, year, grade, subject)) out.push(toScale(procedure, year, grade, subject, b));
  };
  for (const year of years) {
    for (const [g, subjects] of Object.entries(VPR))
      for (const [s, b] of Object.entries(subjects)) add("ВПР", year, Number(g), s, b);
    for (const [s, b] of Object.entries(OGE)) add("ОГЭ", year, 9, s, b);
    for (const [s, b] of Object.entries(GVE9)) add("ГВЭ-9", year, 9, s, b);
    add("ЕГЭ", year, 11, "Математика (базовая)", EGE_BASE_MATH);
  }
  return out;
}
