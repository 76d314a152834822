/**
 * What every table of the school's analytical report (ВСОКО) reads: the tests chosen (procedure ×
 * year × grade × subject), their participants and task sets, the school's aggregates of all years
 * (for dynamics), and the references — imported ФИС ОКО rows (region, municipality) or the
 * municipality's pooled participants. Aggregates and references come from engineer E's analysis
 * (src/core/analysis) so the report and the municipal analysis count the same way. The signs of
 * objectivity are the municipal analysis's own results for this school: with the municipality,
 * `analyzeMunicipality` runs over it (and also gives risk, ШНОР/ШНСУ, cluster and stability);
 * alone, the same sign rules run with no pooled reference, so a sign that needs one says so.
 */
import { buildUnitIndex, type UnitIndex, type UnitStats } from "../../core/context/units";
import { canonical, unitKey } from "../../core/context/units";
import { References } from "../../core/context/references";
import { buildContext } from "../../core/context/context";
import { analyzeMunicipality, type MunicipalAnalysis, type SchoolAnalysis } from "../../core/analysis/analyze";
import { schoolSigns, type SignId, type SignResult } from "../../core/objectivity";
import type { Municipality, ParticipantRow, Procedure, ReferenceResult, SchoolReport, TaskSet } from "../../core/model";
import type { Profile } from "../../core/profile";

export interface SchoolReportOptions {
  year: number;
  procedure: Procedure;
  /** Grades to analyse; all grades of the procedure and year when absent or empty. */
  grades?: number[];
  /** Subjects to analyse (any spelling); all when absent or empty. */
  subjects?: string[];
  /** Imported ФИС ОКО reference rows (Municipality.references). */
  references?: ReferenceResult[];
  /**
   * The municipality the school belongs to, when the school's data sits next to the others'
   * (the sample, the МОУО's workbook): its pooled participants are the reference where no
   * imported one exists. The school's own entry there (same login) is replaced by `report`.
   */
  municipalityPooled?: Municipality;
  profile: Profile;
  /** ISO date the school's cycle is evaluated on (the book's reporting date); default 31 December of `year`. */
  cycleEvaluationDate?: string;
}

/** One test of the school: procedure × year × grade × subject (canonical). */
export interface TestInfo {
  key: string;
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  unit: UnitStats;
  /** The municipality's pooled aggregate of the same test (the school included), when known. */
  pooled?: UnitStats;
  participants: ParticipantRow[];
  taskSet?: TaskSet;
}

export interface ReportContext {
  report: SchoolReport;
  opts: SchoolReportOptions;
  p: Profile;
  /** The school's aggregates of every test of every year. */
  units: Map<string, UnitStats>;
  index: UnitIndex;
  refs: References;
  /** Whether a reference other than the school itself exists (a pooled municipality or imports). */
  hasOuterReference: boolean;
  references: ReferenceResult[];
  tests: TestInfo[];
  /** Name of the municipality for reference rows. */
  municipalityName: string;
  /** Every sign result of the school by year, evaluated or not (the municipal analysis's rules). */
  signs: Map<number, SignResult[]>;
  /** The municipal analysis and this school's entry in it, when the school sits in its municipality. */
  municipal: MunicipalAnalysis | null;
  standing: SchoolAnalysis | null;
  /** Whether FIOKO markers were loaded for the municipality (sign F can be read at all). */
  hasFiokoMarkers: boolean;
}

export function testKey(procedure: Procedure, year: number, grade: number, subject: string): string {
  return unitKey(procedure, year, grade, canonical(subject));
}

export function buildReportContext(report: SchoolReport, opts: SchoolReportOptions): ReportContext {
  const p = opts.profile;
  const pool = opts.municipalityPooled;
  const login = report.passport.login;
  // The report given is the school's data; its copy among the municipality's schools is replaced.
  const schools = pool ? [...pool.schools.filter((s) => s.passport.login !== login), report] : [report];
  const references = opts.references ?? pool?.references ?? [];
  const municipalityName = pool?.name ?? report.passport.municipality ?? "Муниципалитет";
  const m: Municipality = {
    name: municipalityName,
    schools,
    references,
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  };
  const index = buildUnitIndex(m, p);
  const units = index.bySchool.get(login) ?? new Map<string, UnitStats>();
  // Without the municipality, the "pooled" reference would be the school itself: no reference at all.
  const refs = new References(m, pool ? index : { ...index, pooled: new Map() });

  const grades = new Set(opts.grades ?? []);
  const subjects = new Set((opts.subjects ?? []).map(canonical));
  const chosen = [...units.values()]
    .filter((u) => u.procedure === opts.procedure && u.year === opts.year)
    .filter((u) => grades.size === 0 || grades.has(u.grade))
    .filter((u) => subjects.size === 0 || subjects.has(u.subject))
    .sort((a, b) => a.grade - b.grade || a.subject.localeCompare(b.subject, "ru"));

  const byKey = new Map<string, ParticipantRow[]>();
  for (const r of report.participants) {
    const k = testKey(r.procedure, r.year, r.grade, r.subject);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const tests: TestInfo[] = chosen.map((u) => ({
    key: u.key,
    procedure: u.procedure,
    year: u.year,
    grade: u.grade,
    subject: u.subject,
    unit: u,
    pooled: pool ? index.pooled.get(u.key) : undefined,
    participants: (byKey.get(u.key) ?? []).filter((r) => r.mark !== null || r.score !== null),
    taskSet: report.tasks.find((t) => testKey(t.procedure, t.year, t.grade, t.subject) === u.key),
  }));
  // Signs exactly as the municipal analysis computes them. Alone, the "pooled" reference would be
  // the school itself, so the rules run with no pooled municipality (only imported references).
  let signs: Map<number, SignResult[]>;
  let municipal: MunicipalAnalysis | null = null;
  let standing: SchoolAnalysis | null = null;
  if (pool) {
    const full: Municipality = { ...m, fiokoMarkers: pool.fiokoMarkers, riskProfiles: pool.riskProfiles };
    municipal = analyzeMunicipality(full, p);
    standing = municipal.schools.find((s) => s.login === login) ?? null;
    signs = new Map((standing?.years ?? []).map((y) => [y.year, y.signs]));
  } else {
    const alone = buildContext(m, p);
    const noPool = { ...alone.index, pooled: new Map() };
    signs = schoolSigns(report, { ...alone, index: noPool, refs: new References(m, noPool) });
  }
  return {
    report,
    opts,
    p,
    units,
    index,
    refs,
    hasOuterReference: !!pool || references.length > 0,
    references,
    tests,
    municipalityName,
    signs,
    municipal,
    standing,
    hasFiokoMarkers: (pool?.fiokoMarkers.length ?? 0) > 0,
  };
}

/** The sign `rule` of a test (its procedure, year, grade and subject), or null when the rule had no data for it. */
export function signOf(
  ctx: ReportContext,
  rule: SignId,
  t: { year: number; procedure: string; grade: number; subject: string },
): SignResult | null {
  return (
    ctx.signs
      .get(t.year)
      ?.find((s) => s.rule === rule && s.procedure === t.procedure && s.grade === t.grade && s.subject === t.subject) ??
    null
  );
}

/** Imported reference rows of a test: the municipality's first, then the region's (the order of the rows shown). */
export function importedReferences(ctx: ReportContext, t: { key: string }): ReferenceResult[] {
  const list = ctx.references.filter((r) => testKey(r.procedure, r.year, r.grade, r.subject) === t.key);
  return [...list.filter((r) => r.level === "municipality"), ...list.filter((r) => r.level === "region")];
}

/** Class names of a test, in Russian order ("5А" < "5Б" < "5В"). */
export function classesOf(participants: readonly ParticipantRow[]): string[] {
  return [...new Set(participants.map((r) => r.className.trim()))].sort((a, b) =>
    a.localeCompare(b, "ru", { numeric: true }),
  );
}
