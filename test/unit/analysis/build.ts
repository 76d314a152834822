/** Small builders of constructed municipalities for the analysis tests. */
import type {
  Location,
  Municipality,
  ParticipantRow,
  Procedure,
  ResultRow,
  SchoolReport,
  SchoolType,
} from "../../../src/core/model";

export function school(
  login: string,
  opts: Partial<{ type: SchoolType; location: Location; socialIndex: number | null }> = {},
): SchoolReport {
  return {
    passport: {
      login,
      name: `ОО ${login}`,
      type: opts.type ?? "СОШ",
      location: opts.location ?? "город",
      contingent: [],
      socialIndex: opts.socialIndex ?? null,
    },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
  };
}

export function municipality(schools: SchoolReport[], extra: Partial<Municipality> = {}): Municipality {
  return {
    name: "Тестовый",
    schools,
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
    ...extra,
  };
}

export interface P {
  mark?: number | null;
  journal?: number | null;
  score?: number | null;
  tasks?: (number | null)[];
}

let codes = 0;

/** Adds participants of one test; `spec` repeats each entry `count` times. */
export function addParticipants(
  s: SchoolReport,
  procedure: Procedure,
  year: number,
  grade: number,
  subject: string,
  spec: [number, P][],
): SchoolReport {
  for (const [count, p] of spec) {
    for (let i = 0; i < count; i++) {
      const row: ParticipantRow = {
        procedure,
        year,
        grade,
        className: "",
        subject,
        code: `c${++codes}`,
        score: p.score ?? null,
        mark: p.mark === undefined ? null : p.mark,
        journalMark: p.journal ?? null,
        taskPoints: p.tasks ?? [],
        source: "form",
      };
      s.participants.push(row);
    }
  }
  return s;
}

/** Adds an aggregated result row with counts n5, n4, n3, n2. */
export function addResult(
  s: SchoolReport,
  procedure: Procedure,
  year: number,
  grade: number,
  subject: string,
  counts: [number, number, number, number],
  extra: Partial<ResultRow> = {},
): SchoolReport {
  const [n5, n4, n3, n2] = counts;
  s.results.push({
    procedure,
    year,
    grade,
    className: "",
    subject,
    participants: n5 + n4 + n3 + n2,
    marks: { n5, n4, n3, n2 },
    source: "form",
    ...extra,
  });
  return s;
}

/** Counts giving a quality of q % with n participants (q·n/100 must be whole) and `two` marks «2». */
export function withQuality(n: number, q: number, two = 0): [number, number, number, number] {
  const good = Math.round((q * n) / 100);
  return [0, good, n - good - two, two];
}

/**
 * Two schools of ВПР 2025 русский язык 4 класс, a test without a scale in the profile: «3» from
 * 10 points inferred from the pooled pairs; school a has 10 participants at the boundary and 2
 * just below it (a peak: O2 fires), school b 50 and 150.
 */
export function inferredBoundarySchools(): [SchoolReport, SchoolReport] {
  const a = addParticipants(school("a"), "ВПР", 2025, 4, "Русский язык", [
    [10, { score: 10, mark: 3 }],
    [2, { score: 9, mark: 2 }],
    [18, { score: 13, mark: 3 }],
  ]);
  const b = addParticipants(school("b"), "ВПР", 2025, 4, "Русский язык", [
    [50, { score: 10, mark: 3 }],
    [150, { score: 9, mark: 2 }],
  ]);
  return [a, b];
}
