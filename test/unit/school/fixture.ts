/**
 * A constructed school with known participants, for the golden tests of the school report:
 * ВПР 2026, 5 класс, математика — 20 participants in 5А and 5Б, 6 tasks (Б, Б, Б, Б, П, В; max
 * 1, 1, 2, 2, 2, 2 = 10), marks by score 0–3 «2», 4–5 «3», 6–7 «4», 8–10 «5»; plus result rows of
 * русский язык and история (2025 and 2026) for the dynamics. Every expected number in
 * report.test.ts is worked out by hand from this table.
 */
import type { ParticipantRow, ReferenceResult, ResultRow, SchoolReport, TaskSet } from "../../../src/core/model";

/** class, code, points of tasks 1–6, journal mark. The score is Σ points, the mark follows the scale. */
export const CLASS_TABLE: [string, string, number[], number | null][] = [
  ["5А", "A01", [1, 1, 2, 2, 2, 2], 5], // 10 → «5», confirmed
  ["5А", "A02", [1, 1, 2, 2, 2, 0], 4], //  8 → «5», raised
  ["5А", "A03", [1, 1, 2, 2, 1, 0], 4], //  7 → «4», confirmed
  ["5А", "A04", [1, 1, 2, 1, 1, 0], 5], //  6 → «4», lowered
  ["5А", "A05", [1, 1, 2, 1, 0, 0], 4], //  5 → «3», lowered
  ["5А", "A06", [1, 1, 1, 1, 0, 0], 3], //  4 → «3», confirmed
  ["5А", "A07", [1, 0, 2, 1, 0, 0], 5], //  4 → «3», lowered, gap 2
  ["5А", "A08", [1, 1, 1, 1, 0, 0], 3], //  4 → «3», confirmed
  ["5А", "A09", [1, 1, 1, 0, 0, 0], 3], //  3 → «2», lowered
  ["5А", "A10", [0, 1, 1, 0, 0, 0], 2], //  2 → «2», confirmed
  ["5Б", "B01", [1, 1, 2, 2, 2, 1], 5], //  9 → «5», confirmed
  ["5Б", "B02", [1, 1, 2, 2, 1, 0], 4], //  7 → «4», confirmed
  ["5Б", "B03", [1, 1, 2, 1, 1, 0], 3], //  6 → «4», raised
  ["5Б", "B04", [1, 1, 2, 1, 0, 0], 3], //  5 → «3», confirmed
  ["5Б", "B05", [1, 1, 1, 1, 0, 0], 5], //  4 → «3», lowered, gap 2
  ["5Б", "B06", [1, 1, 1, 1, 0, 0], 4], //  4 → «3», lowered
  ["5Б", "B07", [1, 0, 2, 1, 0, 0], 3], //  4 → «3», confirmed
  ["5Б", "B08", [1, 1, 1, 1, 0, 0], 3], //  4 → «3», confirmed
  ["5Б", "B09", [1, 1, 1, 1, 0, 0], 4], //  4 → «3», lowered
  ["5Б", "B10", [1, 1, 0, 0, 0, 0], 2], //  2 → «2», confirmed
];

export function markOfScore(score: number): number {
  return score >= 8 ? 5 : score >= 6 ? 4 : score >= 4 ? 3 : 2;
}

export const MATH_TASKS: TaskSet = {
  procedure: "ВПР",
  year: 2026,
  grade: 5,
  subject: "Математика",
  source: "form",
  tasks: [
    { number: "1", level: "Б", max: 1, skill: "Вычисления" },
    { number: "2", level: "Б", max: 1, skill: "Вычисления" },
    { number: "3", level: "Б", max: 2, skill: "Текстовые задачи" },
    { number: "4", level: "Б", max: 2, skill: "Геометрия" },
    { number: "5", level: "П", max: 2, skill: "Текстовые задачи" },
    { number: "6", level: "В", max: 2, skill: "Логика" },
  ],
};

function participants(): ParticipantRow[] {
  return CLASS_TABLE.map(([className, code, pts, journal]) => {
    const score = pts.reduce((s, x) => s + x, 0);
    return {
      procedure: "ВПР",
      year: 2026,
      grade: 5,
      className,
      subject: "Математика",
      code,
      score,
      mark: markOfScore(score),
      journalMark: journal,
      taskPoints: pts,
      source: "form",
    };
  });
}

function row(
  year: number,
  subject: string,
  className: string,
  n5: number,
  n4: number,
  n3: number,
  n2: number,
): ResultRow {
  return {
    procedure: "ВПР",
    year,
    grade: 5,
    className,
    subject,
    participants: n5 + n4 + n3 + n2,
    marks: { n5, n4, n3, n2 },
    source: "form",
  };
}

export const RESULT_ROWS: ResultRow[] = [
  row(2025, "Математика", "", 4, 6, 8, 2), // share of «2» 2/20 = 10 %
  row(2025, "Русский язык", "", 2, 8, 10, 2), // 2/22 = 9,0909 %
  row(2026, "Русский язык", "5А", 1, 3, 4, 2),
  row(2026, "Русский язык", "5Б", 0, 2, 5, 3), // parallel 1, 5, 9, 5: 5/20 = 25 %
  row(2025, "История", "", 2, 3, 3, 0), // 8 participants, 0 %
  row(2026, "История", "", 0, 1, 3, 4), // 8 participants, 50 %
];

export function constructedSchool(): SchoolReport {
  return {
    passport: {
      login: "sch000001",
      name: "МБОУ «Тестовая школа»",
      type: "СОШ",
      location: "город",
      municipality: "Тестовый округ",
      contingent: [],
    },
    results: RESULT_ROWS,
    participants: participants(),
    tasks: [MATH_TASKS],
    directions: {
      olympiads: [
        { year: 2026, label: "школьный", values: { participantsUnique: 40, awardeesUnique: 10 } },
        { year: 2026, label: "муниципальный", values: { participantsUnique: 8, awardeesUnique: 3 } },
      ],
      careers: [
        {
          year: 2026,
          values: {
            grad9: 25,
            grad9To10: 15,
            grad9ToSpo: 10,
            grad11: 11,
            grad11ToVuz: 9,
            grad11VuzProfile: 6,
            grad11ToSpo: 2,
          },
        },
      ],
    },
    cycle: [],
    findings: [],
  };
}

export const REFERENCES: ReferenceResult[] = [
  {
    level: "municipality",
    name: "Тестовый округ",
    procedure: "ВПР",
    year: 2026,
    grade: 5,
    subject: "Математика",
    participants: 100,
    marks: { n5: 10, n4: 30, n3: 50, n2: 10 },
    source: "fisoko.xlsx",
  },
  {
    level: "region",
    name: "Тестовая область",
    procedure: "ВПР",
    year: 2026,
    grade: 5,
    subject: "Математика",
    participants: 1000,
    marks: { n5: 100, n4: 400, n3: 400, n2: 100 },
    source: "fisoko.xlsx",
  },
];
