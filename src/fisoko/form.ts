/**
 * Appending an import to a school's form: imported school rows go under the existing rows of
 * «Результаты», «Участники» and «Задания», in the columns the form's schema locates (however the
 * school reordered or renamed them), each row marked with its source file in a «Источник»
 * column. Nothing is overwritten: a row that the form already holds (same procedure, year, grade,
 * class, subject) stops the whole import with a message naming both places.
 *
 * Municipality and region rows are not written into a school form: they are the reference of the
 * consolidation (O3, charts) — see importFisoko.
 */
import type { Finding, ParticipantRow, ResultRow, TaskSet } from "../core/model";
import { canonicalSubject } from "../core/subjects";
import type { CellValue } from "../core/values";
import { countRu } from "../core/values";
import { columnLetters, formatCell } from "../core/a1";
import type { SheetRead, WriteOp } from "../host/port";
import { readForm, type TableRead } from "../form/read";
import { PARTICIPANTS, RESULTS, TASKS } from "../form/schema/sheets";
import type { SheetSchema } from "../form/schema/types";
import type { FisokoImport } from "./import";
import { prefixDiffers, prefixNote, schoolKey } from "./login";
import { norm } from "./text";

export const SOURCE_HEADER = "Источник";

export interface FormImport {
  /** false when nothing may be written (then `ops` is empty). */
  ok: boolean;
  ops: WriteOp[];
  findings: Finding[];
  written: { results: number; participants: number; tasks: number };
  /** The login of the school whose rows were taken. */
  login: string | null;
}

function formError(sheet: string, cell: string, message: string, rule = "fisoko.form"): Finding {
  return { severity: "error", rule, sheet, cell, message };
}

function note(severity: Finding["severity"], message: string, sheet = "", rule = "fisoko.form"): Finding {
  return { severity, rule, sheet, cell: "", message };
}

export function importIntoForm(imported: FisokoImport, form: readonly SheetRead[]): FormImport {
  const findings: Finding[] = [];
  const empty = (login: string | null = null): FormImport => ({
    ok: false,
    ops: [],
    findings,
    written: { results: 0, participants: 0, tasks: 0 },
    login,
  });
  if (!imported.ok) {
    findings.push(
      note(
        "error",
        "Выгрузки ФИС ОКО содержат ошибки; в форму ничего не записано. Исправьте ошибки выгрузок и повторите импорт.",
      ),
    );
    return empty();
  }
  const read = readForm(form);
  const login = chooseLogin(imported, read.fields.get("login")?.value, findings);
  if (login === undefined) return empty();

  // A school keeps its digits when ФИС ОКО changed «sch» to «edu»: rows are matched by them.
  const mine = (l: string | undefined): boolean => login === null || schoolKey(l ?? login) === schoolKey(login);
  const results = imported.results.filter((r) => mine(r.login));
  const participants = imported.participants.filter((p) => mine(p.login));
  const skipped = imported.results.length - results.length + imported.participants.length - participants.length;
  if (skipped > 0) {
    const others = [
      ...new Set([...imported.results, ...imported.participants].map((r) => r.login).filter((l) => l && !mine(l))),
    ];
    findings.push(
      note(
        "info",
        `${countRu(skipped, ["строка", "строки", "строк"])} других ОО (${others.join(", ")}) в форму ОО ${login} не добавлены.`,
      ),
    );
  }
  if (imported.references.length + imported.national.length > 0) {
    findings.push(
      note(
        "info",
        `${countRu(imported.references.length + imported.national.length, ["строка", "строки", "строк"])} муниципалитета, региона и всей выборки в форму ОО не записываются: это эталон для свода (признак O3 и диаграммы).`,
      ),
    );
  }

  if (results.some((r) => r.scoreDistribution || r.taskCompletion)) {
    findings.push(
      note(
        "info",
        "Распределение первичных баллов и % выполнения заданий в форму ОО не записываются (в форме нет таких столбцов): они используются при импорте выгрузок в свод.",
      ),
    );
  }
  const ops: WriteOp[] = [];
  const written = { results: 0, participants: 0, tasks: 0 };
  const resultRows = results.filter((r) => r.participants > 0 && (r.marks || r.journal));
  if (resultRows.length) {
    const t = table(read.tables.get("results"), RESULTS, form, findings);
    if (t && noDuplicates(t, resultRows, resultKey, findings)) {
      ops.push(
        ...appendRows(
          t,
          resultRows.map(resultValues),
          resultRows.map((r) => r.source),
          findings,
        ),
      );
      written.results = resultRows.length;
    }
  }
  if (participants.length) {
    const t = table(read.tables.get("participants"), PARTICIPANTS, form, findings);
    if (t && noDuplicates(t, participants, participantKey, findings)) {
      ops.push(
        ...appendRows(
          t,
          participants.map(participantValues),
          participants.map((p) => p.source),
          findings,
          participants.map((p) => p.taskPoints),
        ),
      );
      written.participants = participants.length;
    }
  }
  const taskSets = imported.tasks.filter(
    (s) => results.some((r) => sameTest(r, s)) || participants.some((p) => sameTest(p, s)),
  );
  if (taskSets.length) {
    const t = table(read.tables.get("tasks"), TASKS, form, findings);
    if (t) {
      const fresh = taskSets.filter((s) => {
        const has = t.rows.find((row) => sameTestValues(row.values, s));
        if (has)
          findings.push(
            note(
              "warning",
              `На листе «${t.sheet}» уже есть задания ВПР ${s.year}, ${s.subject}, ${s.grade} класс (строка ${has.row + 1}); перечень из файла «${s.source}» не добавлен.`,
              t.sheet,
            ),
          );
        return !has;
      });
      const rows = fresh.flatMap((s) => s.tasks.map((task) => ({ s, task })));
      if (rows.length) {
        ops.push(
          ...appendRows(
            t,
            rows.map(({ s, task }) => ({
              procedure: s.procedure,
              year: s.year,
              grade: s.grade,
              subject: s.subject,
              number: task.number,
              level: task.level,
              max: task.max,
              skill: task.skill ?? null,
            })),
            rows.map(({ s }) => s.source),
            findings,
          ),
        );
        written.tasks = rows.length;
      }
    }
  }
  if (findings.some((f) => f.severity === "error")) return empty(login);
  return { ok: true, ops, findings, written, login };
}

/** The school the form belongs to: its passport login, or the only school of the import. undefined = stop. */
function chooseLogin(imported: FisokoImport, formLogin: unknown, findings: Finding[]): string | null | undefined {
  const logins = [
    ...new Set([...imported.results, ...imported.participants].map((r) => r.login).filter((l): l is string => !!l)),
  ];
  const own = typeof formLogin === "string" && formLogin.trim() ? formLogin.trim().toLowerCase() : null;
  if (own) {
    if (logins.length > 0 && !logins.some((l) => schoolKey(l) === schoolKey(own))) {
      findings.push(
        formError(
          "Паспорт ОО",
          "",
          `В выгрузках нет строк ОО ${own} (логин из паспорта формы); найдены ОО: ${logins.join(", ")}. Проверьте, что выбраны выгрузки своей школы.`,
        ),
      );
      return undefined;
    }
    const other = logins.find((l) => prefixDiffers(own, l));
    if (other) findings.push(note("info", `Паспорт ОО: ${prefixNote(own, other)}.`));
    return own;
  }
  if (logins.length > 1) {
    findings.push(
      formError(
        "Паспорт ОО",
        "",
        `В паспорте формы не заполнен «Логин ОО в ФИС ОКО», а в выгрузках несколько ОО: ${logins.join(", ")}. Заполните логин, чтобы импортировать строки своей школы.`,
      ),
    );
    return undefined;
  }
  if (logins.length === 1)
    findings.push(
      note(
        "warning",
        `В паспорте формы не заполнен логин ОО; импортированы строки единственной ОО выгрузок — ${logins[0]}.`,
      ),
    );
  return logins[0] ?? null;
}

function table(
  t: TableRead | undefined,
  schema: SheetSchema,
  form: readonly SheetRead[],
  findings: Finding[],
): TableRead | null {
  if (t) return t;
  const exists = form.some((s) => norm(s.name) === norm(schema.name));
  findings.push(
    formError(
      schema.name,
      "",
      exists
        ? `На листе «${schema.name}» не найдена строка заголовков формы; импорт некуда записать. Восстановите заголовки из шаблона (msoko template).`
        : `В форме нет листа «${schema.name}» (возможно, он переименован); импорт некуда записать. Верните листу имя «${schema.name}» или создайте форму заново (msoko template).`,
    ),
  );
  return null;
}

type Values = Record<string, CellValue>;

function resultValues(r: ResultRow): Values {
  return {
    procedure: r.procedure,
    year: r.year,
    grade: r.grade,
    className: r.className || null,
    subject: r.subject,
    participants: r.participants,
    n5: r.marks?.n5 ?? null,
    n4: r.marks?.n4 ?? null,
    n3: r.marks?.n3 ?? null,
    n2: r.marks?.n2 ?? null,
    lowered: r.journal?.lowered ?? null,
    confirmed: r.journal?.confirmed ?? null,
    raised: r.journal?.raised ?? null,
  };
}

function participantValues(p: ParticipantRow): Values {
  return {
    procedure: p.procedure,
    year: p.year,
    grade: p.grade,
    className: p.className || null,
    subject: p.subject,
    code: p.code,
    score: p.score,
    mark: p.mark,
    journalMark: p.journalMark,
  };
}

type Keyed = { procedure: string; year: number; grade: number; subject: string; className?: string; code?: string };

function keyOf(v: Record<string, unknown>, withClass: boolean, withCode: boolean): string {
  const subject = typeof v.subject === "string" ? (canonicalSubject(v.subject) ?? v.subject.trim()) : "";
  const cls = withClass
    ? `|${String(v.className ?? "")
        .replace(/\s+/g, "")
        .toLowerCase()}`
    : "";
  const code = withCode ? `|${String(v.code ?? "").trim()}` : "";
  return `${v.procedure}|${v.year}|${v.grade}|${subject}${cls}${code}`;
}

const resultKey = (v: Record<string, unknown>): string => keyOf(v, true, false);
const participantKey = (v: Record<string, unknown>): string => keyOf(v, false, true);

function sameTest(r: { procedure: string; year: number; grade: number; subject: string }, s: TaskSet): boolean {
  return r.procedure === s.procedure && r.year === s.year && r.grade === s.grade && r.subject === s.subject;
}

function sameTestValues(v: Record<string, unknown>, s: TaskSet): boolean {
  return (
    v.procedure === s.procedure &&
    v.year === s.year &&
    v.grade === s.grade &&
    typeof v.subject === "string" &&
    (canonicalSubject(v.subject) ?? v.subject) === s.subject
  );
}

function noDuplicates(
  t: TableRead,
  rows: Keyed[],
  key: (v: Record<string, unknown>) => string,
  findings: Finding[],
): boolean {
  const existing = new Map(t.rows.map((r) => [key(r.values), r.row]));
  let ok = true;
  for (const r of rows) {
    const at = existing.get(key(r as unknown as Record<string, unknown>));
    if (at === undefined) continue;
    ok = false;
    const what = `${r.procedure} ${r.year}, ${r.subject}, ${r.grade} класс${r.code ? `, участник ${r.code}` : ""}`;
    findings.push(
      formError(
        t.sheet,
        formatCell({ row: at, col: 0 }),
        `На листе «${t.sheet}» в строке ${at + 1} уже есть ${what}; импорт не выполнен, чтобы не задвоить данные. Удалите эту строку формы, если выгрузка ФИС ОКО должна её заменить.`,
        "fisoko.duplicate",
      ),
    );
  }
  return ok;
}

/**
 * Values ops for the new rows: one block per run of adjacent target columns (computed columns in
 * between are left alone), the task points in З1…Зn (headers added where the form has too few),
 * and the source file in «Источник» (header added after the last column when missing).
 */
function appendRows(
  t: TableRead,
  rows: Values[],
  sources: string[],
  findings: Finding[],
  points?: (number | null)[][],
): WriteOp[] {
  const loc = t.location;
  const ops: WriteOp[] = [];
  const start = Math.max(loc.dataStart, ...t.rows.map((r) => r.row + 1));
  const targets = new Map<number, (i: number) => CellValue>();
  for (const spec of t.schema.columns) {
    const c = loc.columns[spec.id];
    if (!c || spec.formula) continue;
    targets.set(c.col, (i) => rows[i][spec.id] ?? null);
  }
  const used = [
    ...targets.keys(),
    ...loc.repeated.map((r) => r.col),
    ...loc.unknown.map((u) => u.col),
    ...loc.duplicates.map((d) => d.col),
    ...Object.values(loc.columns).map((c) => c.col),
  ];
  let nextFree = Math.max(0, ...used) + 1;
  if (points) {
    const needed = Math.max(0, ...points.map((p) => p.length));
    const byN = new Map(loc.repeated.map((r) => [r.n, r.col]));
    const added: string[] = [];
    for (let n = 1; n <= needed; n++) {
      let c = byN.get(n);
      if (c === undefined) {
        c = nextFree++;
        const header = t.schema.repeated?.header(n) ?? `З${n}`;
        ops.push({
          op: "values",
          sheet: t.sheet,
          address: formatCell({ row: loc.headerRow, col: c }),
          values: [[header]],
        });
        added.push(header);
      }
      const k = n - 1;
      targets.set(c, (i) => points[i][k] ?? null);
    }
    if (added.length) {
      const list = added.length > 2 ? `${added[0]}…${added[added.length - 1]}` : added.join(", ");
      findings.push(note("info", `На лист «${t.sheet}» добавлены столбцы баллов за задания ${list}.`, t.sheet));
    }
  }
  const source = loc.unknown.find((u) => norm(u.header).startsWith(norm(SOURCE_HEADER)));
  let sourceCol = source?.col;
  if (sourceCol === undefined) {
    sourceCol = nextFree++;
    ops.push({
      op: "values",
      sheet: t.sheet,
      address: formatCell({ row: loc.headerRow, col: sourceCol }),
      values: [[SOURCE_HEADER]],
    });
    ops.push({
      op: "format",
      sheet: t.sheet,
      address: formatCell({ row: loc.headerRow, col: sourceCol }),
      format: { bold: true },
    });
    ops.push({ op: "columnWidths", sheet: t.sheet, from: columnLetters(sourceCol), widths: [28] });
  }
  targets.set(sourceCol, (i) => `ФИС ОКО: ${sources[i]}`);
  const cols = [...targets.keys()].sort((a, b) => a - b);
  for (let k = 0; k < cols.length;) {
    let end = k;
    while (end + 1 < cols.length && cols[end + 1] === cols[end] + 1) end++;
    const run = cols.slice(k, end + 1);
    ops.push({
      op: "values",
      sheet: t.sheet,
      address: formatCell({ row: start, col: run[0] }),
      values: rows.map((_, i) => run.map((c) => (targets.get(c) as (i: number) => CellValue)(i))),
    });
    k = end + 1;
  }
  return ops;
}
