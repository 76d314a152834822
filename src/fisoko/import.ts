/**
 * Import of ФИС ОКО exports: several files, each with one or more report sheets, become the
 * model's rows. School rows (labelled with their login) become ResultRow / ParticipantRow with
 * `source` = the file name; municipality and region rows become ReferenceResult — the reference
 * for objectivity sign O3 (and O1/O2) and for the charts, in place of the municipality's pooled
 * average; «Вся выборка» (Russia) rows are returned apart, for charts only.
 *
 * All or nothing: if any sheet of any file has an error, nothing is imported and the findings
 * say where and why — a half-imported export would silently skew every indicator.
 */
import type { Finding, ParticipantRow, ReferenceResult, ResultRow, TaskSet, TaskSpec } from "../core/model";
import type { SheetRead } from "../host/port";
import { REPORT_TITLES, type ReportKind } from "./header";
import type { HierarchyRow } from "./hierarchy";
import { parseSheet } from "./parse";
import { looksLikeRawResults } from "./raw/import";
import type { Located, ParsedReport, TaskColumn } from "./types";

export interface FisokoFile {
  name: string;
  sheets: Pick<SheetRead, "name" | "values" | "merges">[];
}

/** «Вся выборка» rows: kept for charts, never a reference for signs (other regions differ too much). */
export type NationalResult = Omit<ReferenceResult, "level" | "name"> & { level: "country"; name: string };

export interface ImportedReport {
  file: string;
  sheet: string;
  kind: ReportKind;
  title: string;
  year: number;
  grade: number;
  subject: string;
  /** Rows read: hierarchy rows, or participants for the individual table. */
  rows: number;
}

export interface FisokoImport {
  /** false when any error was found; then all data arrays are empty. */
  ok: boolean;
  results: ResultRow[];
  participants: ParticipantRow[];
  tasks: TaskSet[];
  references: ReferenceResult[];
  national: NationalResult[];
  findings: Finding[];
  reports: ImportedReport[];
}

type Test = { year: number; grade: number; subject: string };

function testKey(t: Test): string {
  return `${t.year}|${t.grade}|${t.subject}`;
}

function fileFinding(file: string, severity: Finding["severity"], rule: string, message: string): Finding {
  return { severity, rule, sheet: "", cell: "", file, message: `Файл «${file}»: ${message}` };
}

export function importFisoko(files: readonly FisokoFile[]): FisokoImport {
  const findings: Finding[] = [];
  const parsed: ParsedReport[] = [];
  for (const file of files) {
    const outcomes = file.sheets.map((s) => parseSheet(file.name, s));
    const anyParsed = outcomes.some((o) => o.status === "parsed");
    if (outcomes.every((o) => o.status === "empty")) {
      findings.push(
        fileFinding(
          file.name,
          "error",
          "fisoko.emptyFile",
          `в файле нет ни одного заполненного листа; ожидается выгрузка отчёта ФИС ОКО (${Object.values(REPORT_TITLES)
            .map((t) => `«${t}»`)
            .join(", ")}).`,
        ),
      );
      continue;
    }
    if (!anyParsed && looksLikeRawResults(file.sheets)) {
      // A regional protocol is not a report: say where it is accepted instead of «no report title».
      findings.push(
        fileFinding(
          file.name,
          "error",
          "fisoko.protocol",
          "это протокол результатов региона (строка на участника с логином школы и баллами за задания), а не отчёт ФИС ОКО; его принимают «msoko analyze» и «msoko summarize» и страница «Свод» в панели.",
        ),
      );
      continue;
    }
    for (const o of outcomes) {
      if (o.status === "parsed") parsed.push(o.report);
      // An extra sheet of unknown content next to recognised reports is skipped, not fatal.
      if (o.status === "unknown" && anyParsed)
        findings.push(
          ...o.findings.map((f) => ({ ...f, severity: "warning" as const, message: `${f.message} Лист пропущен.` })),
        );
      else findings.push(...o.findings);
    }
  }
  const merged = findings.some((f) => f.severity === "error") ? null : mergeReports(parsed, findings);
  const failed = findings.some((f) => f.severity === "error");
  const reports = parsed.map(describe);
  if (failed || !merged)
    return { ok: false, results: [], participants: [], tasks: [], references: [], national: [], findings, reports };
  return { ok: true, ...merged, findings, reports };
}

function describe(r: ParsedReport): ImportedReport {
  const rows = r.kind === "individual" ? r.participants.length : r.rows.length;
  return {
    file: r.file,
    sheet: r.sheet,
    kind: r.kind,
    title: REPORT_TITLES[r.kind],
    year: r.header.year,
    grade: r.header.grade,
    subject: r.header.subject,
    rows,
  };
}

interface Acc {
  results: Map<string, ResultRow>;
  references: Map<string, ReferenceResult>;
  national: Map<string, NationalResult>;
  /** Which report filled which field of a row, to name both files in a conflict. */
  origin: Map<string, string>;
}

function mergeReports(reports: ParsedReport[], findings: Finding[]): Omit<FisokoImport, "ok" | "findings" | "reports"> {
  const acc: Acc = { results: new Map(), references: new Map(), national: new Map(), origin: new Map() };
  const participants: ParticipantRow[] = [];
  const participantKeys = new Map<string, string>();
  const taskSets = new Map<string, TaskSet>();
  for (const report of reports) {
    const test: Test = { year: report.header.year, grade: report.header.grade, subject: report.header.subject };
    if (report.kind === "individual") {
      for (const p of report.participants) {
        const login = p.login ?? report.school?.login;
        const key = `${login ?? ""}|${testKey(test)}|${p.code}`;
        const prev = participantKeys.get(key);
        if (prev) {
          findings.push({
            severity: "error",
            rule: "fisoko.duplicate",
            sheet: report.sheet,
            cell: p.cell,
            file: report.file,
            message: `Файл «${report.file}», лист «${report.sheet}», ячейка ${p.cell}: участник с кодом «${p.code}» уже импортирован (${prev}); ожидается один результат на участника.`,
          });
          continue;
        }
        participantKeys.set(key, `файл «${report.file}», ячейка ${p.cell}`);
        participants.push({
          procedure: "ВПР",
          ...test,
          className: p.className,
          code: p.code,
          score: p.score,
          mark: p.mark,
          journalMark: p.journalMark,
          taskPoints: p.taskPoints,
          source: report.file,
          ref: { sheet: report.sheet, cell: p.cell, file: report.file },
          ...(login ? { login } : {}),
        });
      }
      addTaskSet(taskSets, test, report.tasks, report.file, findings);
      continue;
    }
    const put = (
      row: Located,
      field: "marks" | "journal" | "scoreDistribution" | "taskCompletion",
      value: unknown,
    ): Target => {
      if (row.where.level === "school" && !row.where.login) {
        findings.push({
          severity: "error",
          rule: "fisoko.login",
          sheet: report.sheet,
          cell: row.cell,
          file: report.file,
          message: `Файл «${report.file}», лист «${report.sheet}», ячейка ${row.cell}: у ОО «${row.where.name}» нет логина ФИС ОКО; ожидается подпись вида «(sch420101) ${row.where.name}», по логину строка относится к школе.`,
        });
      }
      const target = rowFor(acc, report, row.where, row.cell);
      setField(acc, target, field, value, report, row.where, findings);
      return target;
    };
    switch (report.kind) {
      case "marks":
        for (const row of report.rows) {
          const target = put(row, "marks", row.marks);
          // «Статистика по отметкам» counts every participant: its N wins over the other reports'.
          target.participants = row.participants;
          if (row.schools !== undefined && row.where.level !== "school")
            (target as ReferenceResult).schools = row.schools;
        }
        break;
      case "journal":
        for (const row of report.rows) {
          const target = put(row, "journal", row.journal);
          if (target.participants === 0) target.participants = row.total;
        }
        break;
      case "distribution":
        for (const row of report.rows) {
          const target = put(row, "scoreDistribution", row.distribution);
          if (target.participants === 0) target.participants = row.participants;
        }
        break;
      case "tasks":
        addTaskSet(taskSets, test, report.tasks, report.file, findings);
        for (const row of report.rows) {
          const target = put(row, "taskCompletion", row.completion);
          if (target.participants === 0 && row.participants !== undefined) target.participants = row.participants;
        }
        break;
    }
  }
  const national = [...acc.national.values()];
  return {
    results: [...acc.results.values()],
    participants,
    tasks: [...taskSets.values()],
    references: [...acc.references.values()],
    national,
  };
}

type Target = ResultRow | ReferenceResult | NationalResult;

function rowFor(acc: Acc, report: ParsedReport, where: HierarchyRow, cell: string): Target {
  const t = report.header;
  const base = {
    procedure: "ВПР" as const,
    year: t.year,
    grade: t.grade,
    subject: t.subject,
    participants: 0,
    source: report.file,
  };
  if (where.level === "school") {
    const key = `school|${where.login}|${testKey(t)}`;
    let r = acc.results.get(key);
    if (!r) {
      r = {
        ...base,
        className: "",
        login: where.login,
        schoolName: where.name,
        ref: { sheet: report.sheet, cell, file: report.file },
      };
      acc.results.set(key, r);
    }
    addSource(r, report.file);
    return r;
  }
  if (where.level === "country") {
    const key = `country|${testKey(t)}`;
    let r = acc.national.get(key);
    if (!r) acc.national.set(key, (r = { ...base, level: "country", name: where.name }));
    addSource(r, report.file);
    return r;
  }
  const key = `${where.level}|${where.name.toLowerCase()}|${testKey(t)}`;
  let r = acc.references.get(key);
  if (!r)
    acc.references.set(
      key,
      (r = { ...base, level: where.level, name: where.name, ...(where.login ? { login: where.login } : {}) }),
    );
  addSource(r, report.file);
  return r;
}

function addSource(r: Target, file: string): void {
  const parts = r.source.split("; ");
  if (!parts.includes(file)) r.source = [...parts, file].join("; ");
}

/**
 * Sets a field once. The same school in two exports with different numbers is an error (which
 * file is right cannot be known); a reference that differs between exports made on different
 * days is a warning and the first file wins.
 */
function setField(
  acc: Acc,
  target: Target,
  field: "marks" | "journal" | "scoreDistribution" | "taskCompletion",
  value: unknown,
  report: ParsedReport,
  where: HierarchyRow,
  findings: Finding[],
): void {
  const rec = target as unknown as Record<string, unknown>;
  const key = `${where.level}|${where.login ?? where.name}|${testKey(report.header)}|${field}`;
  if (rec[field] === undefined) {
    rec[field] = value;
    acc.origin.set(key, report.file);
    return;
  }
  if (JSON.stringify(rec[field]) === JSON.stringify(value)) return;
  const first = acc.origin.get(key) ?? "?";
  const what = `${where.level === "school" ? `ОО ${where.login}` : `«${where.name}»`} (ВПР ${report.header.year}, ${report.header.subject}, ${report.header.grade} класс)`;
  const severity = where.level === "school" ? "error" : "warning";
  findings.push({
    severity,
    rule: "fisoko.conflict",
    sheet: report.sheet,
    cell: "",
    file: report.file,
    message: `Файл «${report.file}», лист «${report.sheet}»: для ${what} отчёт «${REPORT_TITLES[report.kind]}» даёт другие числа, чем файл «${first}»${severity === "error" ? "; оставьте одну выгрузку этого отчёта." : "; используются числа из файла «" + first + "» (выгрузки сделаны в разные дни?)."}`,
  });
}

function addTaskSet(
  sets: Map<string, TaskSet>,
  test: Test,
  tasks: TaskColumn[],
  file: string,
  findings: Finding[],
): void {
  if (!tasks.every((t) => t.level && t.max !== undefined)) return;
  const specs: TaskSpec[] = tasks.map((t) => ({
    number: t.number,
    level: t.level as TaskSpec["level"],
    max: t.max as number,
  }));
  const key = testKey(test);
  const prev = sets.get(key);
  if (!prev) {
    sets.set(key, { procedure: "ВПР", ...test, tasks: specs, source: file });
    return;
  }
  if (JSON.stringify(prev.tasks) !== JSON.stringify(specs)) {
    findings.push(
      fileFinding(
        file,
        "warning",
        "fisoko.tasks",
        `перечень заданий ВПР ${test.year}, ${test.subject}, ${test.grade} класс отличается от перечня из файла «${prev.source}»; используется перечень из «${prev.source}».`,
      ),
    );
  }
}
