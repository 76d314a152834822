/**
 * The filled form → SchoolReport, the model every later feature reads. Rows whose key cells are
 * unreadable are left out (their findings say why); every row keeps a ref to its sheet and cell.
 * Works on SheetRead[] grids, so Office.js and exceljs give the same report.
 */
import type {
  CycleRecord,
  CycleScore,
  DirectionRow,
  DirectionSheetId,
  Finding,
  InternalProcedure,
  InternalResultRow,
  LiteracyArea,
  LiteracyRow,
  Location,
  ObjectivityMeasureRow,
  ParticipantRow,
  PreschoolGroupRow,
  Procedure,
  RecheckRow,
  ResultRow,
  SchoolPassport,
  SchoolReport,
  SchoolType,
  TaskLevel,
  TaskSet,
} from "../core/model";
import { INTERNAL_PROCEDURES } from "../core/model";
import { MKDO_AREAS, MKDO_LEVELS } from "../core/preschool";
import type { SheetRead } from "../host/port";
import type { TypedValue } from "./cells";
import type { FormRead, TableRead, TypedRow } from "./read";
import { CYCLE_SCORE_WORDS, directionIdOf } from "./schema/labels";
import { parseLinks } from "../core/cycle/links";
import { parseTarget } from "../core/cycle/effect";
import { DIRECTION_SHEETS } from "./schema";
import { canonicalSubjectCached, validateForm } from "./validate";
import { detectRole, MUNICIPAL_SUMMARY_SHEET } from "./book-kind";
import { finding } from "./rules";
import { normaliseLogin } from "./login";

/** One finding for a summary book among forms: none of its sheets is read as a form's. */
function summaryBookFinding(file: string | undefined): Finding {
  const what = file ? `Файл «${file}» — муниципальный свод` : "Книга — муниципальный свод";
  return finding(
    "book.summary",
    "",
    "",
    `${what} (в нём есть лист «${MUNICIPAL_SUMMARY_SHEET}»), а не форма ОО; его листы как форма не читаются.`,
    "Проверяются и сводятся только формы ОО: уберите свод из списка файлов (новый свод строится заново из форм).",
  );
}

const num = (v: TypedValue): number | null => (typeof v === "number" ? v : null);
const str = (v: TypedValue): string => (v === null ? "" : String(v));

function refOf(t: TableRead, row: TypedRow, file?: string) {
  return file ? { sheet: t.sheet, cell: `A${row.row + 1}`, file } : { sheet: t.sheet, cell: `A${row.row + 1}` };
}

/** Rows whose listed columns are all readable and filled. Plain loops: it runs over every row. */
function usable(t: TableRead | undefined, ids: readonly string[]): TypedRow[] {
  if (!t) return [];
  const out: TypedRow[] = [];
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const values = r.values;
    // Most rows have no unreadable cell: no Set lookup per column then.
    const invalid = r.invalid.size ? r.invalid : null;
    let ok = true;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      const v = values[id];
      if (v === null || v === "" || (invalid !== null && invalid.has(id))) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(r);
  }
  return out;
}

function isInternal(v: TypedValue): v is InternalProcedure {
  return (INTERNAL_PROCEDURES as readonly unknown[]).includes(v);
}

function subjectOf(v: TypedValue): string {
  const s = str(v);
  return canonicalSubjectCached(s) ?? s;
}

function passportOf(form: FormRead): SchoolPassport | null {
  const f = (id: string) => form.fields.get(id)?.value ?? null;
  // A Cyrillic look-alike in a Latin login would make the same school count twice.
  const login = normaliseLogin(str(f("login")));
  const type = f("type");
  const location = f("location");
  if (login === "" || type === null || location === null) return null;
  const p: SchoolPassport = {
    login,
    name: str(f("name")),
    type: type as SchoolType,
    location: location as Location,
    contingent: [],
  };
  const shortName = str(f("shortName"));
  if (shortName) p.shortName = shortName;
  const municipality = str(f("municipality"));
  if (municipality) p.municipality = municipality;
  const social = num(f("socialIndex"));
  if (social !== null) p.socialIndex = social;
  for (const r of usable(form.tables.get("passport"), ["year", "grade", "pupils"])) {
    p.contingent.push({
      year: r.values.year as number,
      grade: r.values.grade as number,
      pupils: r.values.pupils as number,
    });
  }
  return p;
}

/** The school's own assessments go to `internal`, external procedures to the returned rows. */
function resultsOf(t: TableRead | undefined, internal: InternalResultRow[], file?: string): ResultRow[] {
  const out: ResultRow[] = [];
  for (const r of usable(t, ["procedure", "year", "grade", "subject", "participants"])) {
    const v = r.values;
    if (isInternal(v.procedure)) {
      const row: InternalResultRow = {
        procedure: v.procedure,
        year: v.year as number,
        period: r.invalid.has("period") ? null : num(v.period ?? null),
        grade: v.grade as number,
        className: str(v.className ?? null),
        subject: subjectOf(v.subject),
        participants: v.participants as number,
        source: "form",
        ref: refOf(t!, r, file),
      };
      if (["n5", "n4", "n3", "n2"].some((id) => num(v[id] ?? null) !== null))
        row.marks = {
          n5: num(v.n5 ?? null) ?? 0,
          n4: num(v.n4 ?? null) ?? 0,
          n3: num(v.n3 ?? null) ?? 0,
          n2: num(v.n2 ?? null) ?? 0,
        };
      internal.push(row);
      continue;
    }
    const row: ResultRow = {
      procedure: v.procedure as Procedure,
      year: v.year as number,
      grade: v.grade as number,
      className: str(v.className ?? null),
      subject: subjectOf(v.subject),
      participants: v.participants as number,
      source: "form",
      ref: refOf(t!, r, file),
    };
    const has = (ids: string[]) => ids.some((id) => num(v[id] ?? null) !== null);
    const n = (id: string) => num(v[id] ?? null) ?? 0;
    if (has(["n5", "n4", "n3", "n2"])) row.marks = { n5: n("n5"), n4: n("n4"), n3: n("n3"), n2: n("n2") };
    if (row.procedure === "ЕГЭ" && has(["meanScore", "belowMin", "high81", "score100"])) {
      row.ege = {
        meanScore: num(v.meanScore ?? null),
        belowMin: n("belowMin"),
        high81: n("high81"),
        score100: n("score100"),
      };
    }
    if (has(["lowered", "confirmed", "raised"]))
      row.journal = { lowered: n("lowered"), confirmed: n("confirmed"), raised: n("raised") };
    out.push(row);
  }
  return out;
}

/** Trailing blanks are columns of a longer work on another row, not this participant's tasks. */
function ownPoints(repeated: readonly (number | null)[], width: number): (number | null)[] {
  let end = Math.min(width, repeated.length);
  while (end > 0 && repeated[end - 1] === null) end--;
  return repeated.slice(0, end);
}

/** The task points of a participant row parsed `slim` (shared, never written to). */
const NO_TASK_POINTS: (number | null)[] = Object.freeze([]) as unknown as (number | null)[];

/**
 * `slim`: without the points per task and the cell reference (what src/summary/inputs.ts
 * slimForSummary drops anyway), so they are not made for every participant only to be let go.
 */
function participantsOf(t: TableRead | undefined, file?: string, slim = false): ParticipantRow[] {
  const width = t ? (t.location.repeated.length ? t.location.repeated[t.location.repeated.length - 1].n : 0) : 0;
  return usable(t, ["procedure", "year", "grade", "subject", "code"]).map((r) => {
    const v = r.values;
    const points = slim ? NO_TASK_POINTS : ownPoints(r.repeated, width);
    const ref = slim ? undefined : refOf(t!, r, file);
    // Two literals rather than a spread of the optional «ovz»: one shape each, no object per row
    // to spread (a region's forms hold millions of participants; issue 23).
    return v.ovz === "да" && !r.invalid.has("ovz")
      ? {
          procedure: v.procedure as Procedure,
          year: v.year as number,
          grade: v.grade as number,
          className: str(v.className ?? null),
          subject: subjectOf(v.subject),
          code: str(v.code),
          score: num(v.score ?? null),
          mark: num(v.mark ?? null),
          journalMark: num(v.journalMark ?? null),
          ovz: true,
          taskPoints: points,
          source: "form",
          ref,
        }
      : {
          procedure: v.procedure as Procedure,
          year: v.year as number,
          grade: v.grade as number,
          className: str(v.className ?? null),
          subject: subjectOf(v.subject),
          code: str(v.code),
          score: num(v.score ?? null),
          mark: num(v.mark ?? null),
          journalMark: num(v.journalMark ?? null),
          taskPoints: points,
          source: "form",
          ref,
        };
  });
}

function tasksOf(t: TableRead | undefined): TaskSet[] {
  const sets = new Map<string, TaskSet>();
  // Tasks of one work follow each other: a row of the previous row's work reuses its set without
  // building the key again (one string per work, not per task).
  let prev: TypedRow | null = null;
  let set: TaskSet | undefined;
  for (const r of usable(t, ["procedure", "year", "grade", "subject", "number", "level", "max"])) {
    const v = r.values;
    const p = prev?.values;
    prev = r;
    if (
      set &&
      p &&
      v.procedure === p.procedure &&
      v.year === p.year &&
      v.grade === p.grade &&
      v.subject === p.subject
    ) {
      pushTask(set, v);
      continue;
    }
    const subject = subjectOf(v.subject);
    const k = `${v.procedure}|${v.year}|${v.grade}|${subject}`;
    set = sets.get(k);
    if (!set) {
      set = {
        procedure: v.procedure as Procedure,
        year: v.year as number,
        grade: v.grade as number,
        subject,
        tasks: [],
        source: "form",
      };
      sets.set(k, set);
    }
    pushTask(set, v);
  }
  return [...sets.values()];
}

function pushTask(set: TaskSet, v: TypedRow["values"]): void {
  const spec = {
    number: str(v.number),
    level: v.level as TaskLevel,
    max: v.max as number,
  } as TaskSet["tasks"][number];
  if (str(v.skill ?? null)) spec.skill = str(v.skill);
  set.tasks.push(spec);
}

function directionsOf(form: FormRead, file?: string): SchoolReport["directions"] {
  const out: SchoolReport["directions"] = {};
  for (const [id, schema] of Object.entries(DIRECTION_SHEETS) as [
    DirectionSheetId,
    (typeof DIRECTION_SHEETS)[DirectionSheetId],
  ][]) {
    const t = form.tables.get(schema.id);
    if (!t) continue;
    const need = schema.labelColumn ? ["year", schema.labelColumn] : ["year"];
    out[id] = usable(t, need).map((r) => {
      const values: Record<string, number | null> = {};
      for (const c of schema.columns)
        if (c.id !== "year" && c.id !== schema.labelColumn) values[c.id] = num(r.values[c.id] ?? null);
      const row: DirectionRow = { year: r.values.year as number, values, ref: refOf(t, r, file) };
      if (schema.labelColumn) row.label = str(r.values[schema.labelColumn]);
      return row;
    });
  }
  return out;
}

function literacyOf(t: TableRead | undefined, file?: string): LiteracyRow[] {
  return usable(t, ["year", "grade", "area", "participants"]).map((r) => {
    const v = r.values;
    const level = (i: number) => num(v[`level_${i}`] ?? null) ?? 0;
    return {
      year: v.year as number,
      grade: v.grade as number,
      className: str(v.className ?? null),
      area: v.area as LiteracyArea,
      participants: v.participants as number,
      levels: [level(1), level(2), level(3), level(4), level(5)],
      ovz: num(v.ovzCount ?? null),
      ref: refOf(t!, r, file),
    };
  });
}

function preschoolGroupsOf(t: TableRead | undefined, file?: string): PreschoolGroupRow[] {
  return usable(t, ["year", "group"]).map((r) => {
    const levels: Record<string, number | null> = {};
    for (const a of MKDO_AREAS) {
      const v = r.values[a.id];
      const i = typeof v === "string" && !r.invalid.has(a.id) ? MKDO_LEVELS.indexOf(v) : -1;
      levels[a.id] = i >= 0 ? i + 1 : null;
    }
    return {
      year: r.values.year as number,
      group: str(r.values.group),
      children: num(r.values.children ?? null),
      levels,
      ref: refOf(t!, r, file),
    };
  });
}

export function cycleOf(t: TableRead | undefined, file?: string): CycleRecord[] {
  return usable(t, ["year", "direction", "track", "trackKind", "component"]).map((r) => {
    const v = r.values;
    const score =
      v.score === null || v.score === undefined ? null : (CYCLE_SCORE_WORDS.indexOf(str(v.score)) as CycleScore);
    const rec: CycleRecord = {
      year: v.year as number,
      direction: directionIdOf(str(v.direction)),
      track: str(v.track),
      trackKind: v.trackKind === "частичный" ? "partial" : "full",
      component: v.component as number,
      score: r.invalid.has("score") ? null : score,
      ref: refOf(t!, r, file),
    };
    if (str(v.docNumber ?? null)) rec.docNumber = str(v.docNumber);
    if (str(v.docDate ?? null)) rec.docDate = str(v.docDate);
    if (str(v.responsible ?? null)) rec.responsible = str(v.responsible);
    if (str(v.plannedDate ?? null)) rec.plannedDate = str(v.plannedDate);
    // Unreadable references are reported by validate.ts (cycleRules); the readable ones still count.
    const links = str(v.link ?? null) ? parseLinks(str(v.link)).links : [];
    if (links.length) rec.links = links;
    const target = str(v.target ?? null) ? parseTarget(str(v.target)) : null;
    if (target?.ok) rec.target = target.target;
    return rec;
  });
}

export function measuresOf(t: TableRead | undefined, file?: string): ObjectivityMeasureRow[] {
  const yes = (v: TypedValue | undefined) => (v === "да" ? true : v === "нет" ? false : null);
  return usable(t, ["year", "procedure"]).map((r) => {
    const v = r.values;
    const row: ObjectivityMeasureRow = {
      year: v.year as number,
      procedure: v.procedure as Procedure,
      observers: yes(v.observers),
      video: yes(v.video),
      ref: refOf(t!, r, file),
    };
    if (num(v.grade ?? null) !== null) row.grade = v.grade as number;
    if (str(v.subject ?? null)) row.subject = subjectOf(v.subject);
    return row;
  });
}

export function rechecksOf(t: TableRead | undefined, file?: string): RecheckRow[] {
  return usable(t, ["year", "procedure", "grade", "subject", "code", "schoolMark", "commissionMark"]).map((r) => {
    const v = r.values;
    return {
      year: v.year as number,
      procedure: v.procedure as Procedure,
      grade: v.grade as number,
      subject: subjectOf(v.subject),
      code: str(v.code),
      schoolMark: v.schoolMark as number,
      commissionMark: v.commissionMark as number,
      ref: refOf(t!, r, file),
    };
  });
}

/** The report of an already read and validated form; null when the passport lacks login, type or location. */
export function buildReport(
  form: FormRead,
  findings: Finding[],
  file?: string,
  opts: { slim?: boolean } = {},
): SchoolReport | null {
  const passport = passportOf(form);
  if (!passport) return null;
  const internal: InternalResultRow[] = [];
  const report: SchoolReport = {
    passport,
    results: resultsOf(form.tables.get("results"), internal, file),
    participants: participantsOf(form.tables.get("participants"), file, opts.slim),
    tasks: tasksOf(form.tables.get("tasks")),
    directions: directionsOf(form, file),
    cycle: cycleOf(form.tables.get("cycle"), file),
    findings,
  };
  if (internal.length > 0) report.internal = internal;
  const literacy = literacyOf(form.tables.get("literacy"), file);
  if (literacy.length > 0) report.literacy = literacy;
  const groups = preschoolGroupsOf(form.tables.get("preschoolGroups"), file);
  if (groups.length > 0) report.preschoolGroups = groups;
  const measures = measuresOf(form.tables.get("objectivityMeasures"), file);
  if (measures.length) report.objectivityMeasures = measures;
  const rechecks = rechecksOf(form.tables.get("recheck"), file);
  if (rechecks.length) report.rechecks = rechecks;
  if (file) report.file = file;
  return report;
}

/**
 * Parses the form's sheets: every finding (layout, cells, rules) and the report (null when the
 * passport cannot identify the school). report.findings holds the same findings. `slim`: participants
 * without points per task and cell references (for the municipal summary only).
 */
export function parseForm(
  sheets: readonly SheetRead[],
  opts: { file?: string; maxText?: number; slim?: boolean } = {},
): { report: SchoolReport | null; findings: Finding[] } {
  if (detectRole(sheets.map((s) => s.name)) === "municipal")
    return { report: null, findings: [summaryBookFinding(opts.file)] };
  const { form, findings } = validateForm(sheets, { maxText: opts.maxText });
  return { report: buildReport(form, findings, opts.file, { slim: opts.slim }), findings };
}
