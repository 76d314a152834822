/**
 * Validation rules across rows and sheets of the form: sums (marks, journal groups, ЕГЭ groups,
 * graduates' destinations, parts of a whole), duplicates, unknown subjects, participants against
 * the contingent, task points against the task list, the cycle's documents. Works on the typed
 * rows of read.ts; reads only, never changes a cell. validateForm is the one entry point.
 */
import type { Finding } from "../core/model";
import { canonicalSubject, nearest, SUBJECTS } from "../core/subjects";
import { formatNumberRu, quoteValue } from "../core/values";
import type { SheetRead } from "../host/port";
import { columnName, type TypedValue } from "./cells";
import { readForm, type FormRead, type TableRead, type TypedRow } from "./read";
import { finding } from "./rules";
import type { SheetSchema } from "./schema/types";

const num = (v: TypedValue): number | null => (typeof v === "number" ? v : null);

function header(schema: SheetSchema, id: string): string {
  const c = schema.columns.find((x) => x.id === id);
  return c ? columnName(c) : id;
}

/** Values of `ids` when every one is readable and at least one is filled; blanks count 0. */
function partsOf(row: TypedRow, ids: readonly string[]): { sum: number; filled: boolean } | null {
  if (ids.some((id) => row.invalid.has(id))) return null;
  let sum = 0;
  let filled = false;
  for (const id of ids) {
    const v = num(row.values[id]);
    if (v !== null) {
      sum += v;
      filled = true;
    }
  }
  return { sum, filled };
}

/** canonicalSubject, memoised: a form repeats a handful of subject spellings thousands of times. */
const SUBJECT_MEMO = new Map<string, string | null>();
export function canonicalSubjectCached(text: string): string | null {
  let v = SUBJECT_MEMO.get(text);
  if (v === undefined) {
    if (SUBJECT_MEMO.size > 5000) SUBJECT_MEMO.clear();
    v = canonicalSubject(text);
    SUBJECT_MEMO.set(text, v);
  }
  return v;
}

function keyText(row: TypedRow, ids: readonly string[]): string | null {
  const parts: string[] = [];
  for (const id of ids) {
    if (row.invalid.has(id)) return null;
    const v = row.values[id];
    parts.push(typeof v === "string" ? (canonicalSubjectCached(v) ?? v).toLowerCase() : String(v ?? ""));
  }
  return parts.join("|");
}

function describeKey(t: TableRead, row: TypedRow, ids: readonly string[]): string {
  return ids
    .map((id) => row.values[id])
    .filter((v) => v !== null && v !== "")
    .map((v) => String(v))
    .join(", ");
}

function duplicates(t: TableRead, ids: readonly string[], rule: "duplicate.row" | "duplicate.participant", cellId: string, out: Finding[]): void {
  const seen = new Map<string, TypedRow>();
  for (const row of t.rows) {
    const k = keyText(row, ids);
    if (k === null) continue;
    const first = seen.get(k);
    if (!first) {
      seen.set(k, row);
      continue;
    }
    const cell = row.cells[cellId] ?? row.cells[ids[0]] ?? "";
    const what = rule === "duplicate.participant"
      ? `Код участника ${quoteValue(row.values.code as string)} уже есть в строке ${first.row + 1} (${describeKey(t, row, ids.filter((i) => i !== "code"))}).`
      : `Строка повторяет строку ${first.row + 1}: ${describeKey(t, row, ids)}.`;
    out.push(finding(rule, t.sheet, cell, what, "Удалите повтор или исправьте значения, отличающие строки."));
  }
}

/** part ≤ whole for each pair, on one row. */
function partsNotAbove(t: TableRead, pairs: readonly [readonly string[], string][], out: Finding[]): void {
  for (const row of t.rows) {
    for (const [parts, whole] of pairs) {
      const w = num(row.values[whole]);
      const p = partsOf(row, parts);
      if (w === null || !p || !p.filled || p.sum <= w) continue;
      const names = parts.map((id) => header(t.schema, id)).join(" + ");
      out.push(finding("sum.part", t.sheet, row.cells[parts[0]], `${names} = ${formatNumberRu(p.sum)}, а это больше, чем ${header(t.schema, whole)} = ${formatNumberRu(w)}.`, "Часть не может быть больше целого: проверьте оба числа."));
    }
  }
}

interface ContingentIndex {
  byGrade: Map<string, number>;
  byYear: Map<number, number>;
  sheet: string;
}

function contingentIndex(form: FormRead): ContingentIndex | null {
  const t = form.tables.get("passport");
  if (!t || t.rows.length === 0) return null;
  const byGrade = new Map<string, number>();
  const byYear = new Map<number, number>();
  for (const r of t.rows) {
    const y = num(r.values.year);
    const g = num(r.values.grade);
    const p = num(r.values.pupils);
    if (y === null || g === null || p === null) continue;
    byGrade.set(`${y}|${g}`, (byGrade.get(`${y}|${g}`) ?? 0) + p);
    byYear.set(y, (byYear.get(y) ?? 0) + p);
  }
  return { byGrade, byYear, sheet: t.sheet };
}

function resultRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  const s = t.schema;
  for (const row of t.rows) {
    const participants = row.invalid.has("participants") ? null : num(row.values.participants);
    const proc = row.values.procedure;
    // Marks
    const marks = partsOf(row, ["n5", "n4", "n3", "n2"]);
    if (participants !== null && marks?.filled && marks.sum !== participants) {
      out.push(finding("sum.marks", t.sheet, row.cells.participants,
        `«5» + «4» + «3» + «2» = ${formatNumberRu(marks.sum)}, а участников ${formatNumberRu(participants)}; ожидается равенство.`,
        "Проверьте число участников и количества отметок (отсутствовавшие не считаются участниками)."));
    }
    // Journal comparison
    const journal = partsOf(row, ["lowered", "confirmed", "raised"]);
    if (participants !== null && journal?.filled && journal.sum !== participants) {
      const more = journal.sum > participants;
      out.push(finding("sum.journal", t.sheet, row.cells.lowered ?? row.cells.confirmed ?? row.cells.raised,
        `Понизили + подтвердили + повысили = ${formatNumberRu(journal.sum)}, а участников ${formatNumberRu(participants)}; ожидается равенство${more ? "" : " (или меньше, если не у всех есть отметка по журналу)"}.`,
        "Возьмите числа из отчёта ФИС ОКО «Сравнение отметок с отметками по журналу».", more ? "error" : "warning"));
    }
    // ЕГЭ groups
    if (participants !== null) {
      for (const ids of [["belowMin"], ["high81", "score100"]] as const) {
        const p = partsOf(row, ids);
        if (p?.filled && p.sum > participants) {
          out.push(finding("sum.ege", t.sheet, row.cells[ids[0]],
            `${ids.map((id) => header(s, id)).join(" + ")} = ${formatNumberRu(p.sum)}, а участников ${formatNumberRu(participants)}.`,
            "Группы баллов ЕГЭ не могут быть больше числа участников."));
        }
      }
    }
    if (typeof proc === "string" && proc !== "ЕГЭ") {
      const ege = ["meanScore", "high81", "score100"].find((id) => num(row.values[id]) !== null);
      if (ege) {
        out.push(finding("ege.fields", t.sheet, row.cells[ege], `${header(s, ege)} заполняется только для ЕГЭ, а в строке процедура «${proc}».`, "Для других процедур укажите количества отметок «5», «4», «3», «2»."));
      }
    }
    // Subject
    const subj = row.values.subject;
    if (typeof subj === "string" && subj !== "" && !canonicalSubjectCached(subj)) {
      const near = nearest(subj, SUBJECTS);
      out.push(finding("unknown.subject", t.sheet, row.cells.subject,
        `Неизвестный предмет ${quoteValue(subj)}${near ? `; возможно, «${near}»` : ""}.`,
        "Предметы сводятся по названию: напишите его как в списке предметов (см. лист «Инструкция»)."));
    }
    // Procedure ↔ grade
    const g = num(row.values.grade);
    if (typeof proc === "string" && g !== null) {
      const expected = proc === "ОГЭ" || proc === "ГВЭ-9" ? [9] : proc === "ЕГЭ" || proc === "ГВЭ-11" ? [10, 11] : null;
      if (expected && !expected.includes(g)) {
        out.push(finding("cross.procedureGrade", t.sheet, row.cells.grade, `Процедура «${proc}» проводится в ${expected.join(" и ")} классе, а указан ${g} класс.`, "Проверьте класс или процедуру."));
      }
    }
    // Contingent
    const y = num(row.values.year);
    if (contingent && participants !== null && y !== null && g !== null) {
      const pupils = contingent.byGrade.get(`${y}|${g}`);
      if (pupils !== undefined && participants > pupils) {
        out.push(finding("cross.contingent", t.sheet, row.cells.participants,
          `Участников ${formatNumberRu(participants)}, а обучающихся ${g} класса в ${y} году по листу «${contingent.sheet}» — ${formatNumberRu(pupils)}.`,
          "Проверьте число участников или контингент на листе «Паспорт ОО»."));
      }
    }
  }
  duplicates(t, ["procedure", "year", "grade", "className", "subject"], "duplicate.row", "subject", out);
}

function participantRules(t: TableRead, tasks: TableRead | undefined, out: Finding[]): void {
  duplicates(t, ["procedure", "year", "grade", "subject", "code"], "duplicate.participant", "code", out);
  const maxByTask = new Map<string, { max: number; number: string }[]>();
  if (tasks) {
    for (const r of tasks.rows) {
      const k = keyText(r, ["procedure", "year", "grade", "subject"]);
      const max = num(r.values.max);
      if (k === null || max === null) continue;
      const list = maxByTask.get(k) ?? [];
      list.push({ max, number: String(r.values.number ?? list.length + 1) });
      maxByTask.set(k, list);
    }
  }
  for (const row of t.rows) {
    const k = keyText(row, ["procedure", "year", "grade", "subject"]);
    const list = k === null ? undefined : maxByTask.get(k);
    if (list) {
      row.repeated.forEach((p, i) => {
        if (p === null || i >= list.length || p <= list[i].max) return;
        out.push(finding("cross.taskMax", t.sheet, row.repeatedCells[i],
          `За задание № ${list[i].number} стоит ${formatNumberRu(p)} балла, а максимум по листу «${tasks!.sheet}» — ${formatNumberRu(list[i].max)}.`,
          "Проверьте балл или максимальный балл задания."));
      });
    }
    const score = num(row.values.score);
    const filled = row.repeated.filter((p): p is number => p !== null);
    if (score !== null && filled.length > 0) {
      const sum = filled.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - score) > 1e-9) {
        out.push(finding("sum.taskPoints", t.sheet, row.cells.score, `Сумма баллов за задания ${formatNumberRu(sum)}, а первичный балл ${formatNumberRu(score)}.`, "Проверьте баллы за задания или первичный балл."));
      }
    }
  }
}

function careerRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  const groups = [
    ["grad9", ["grad9To10", "grad9ToSpo", "grad9Other"], 9],
    ["grad11", ["grad11ToVuz", "grad11ToSpo", "grad11Work", "grad11Army", "grad11Undetermined"], 11],
  ] as const;
  for (const row of t.rows) {
    for (const [whole, parts, grade] of groups) {
      const w = num(row.values[whole]);
      const p = partsOf(row, parts);
      if (w !== null && p?.filled && p.sum !== w) {
        out.push(finding("sum.graduates", t.sheet, row.cells[whole],
          `${parts.map((id) => header(t.schema, id)).join(" + ")} = ${formatNumberRu(p.sum)}, а ${header(t.schema, whole)} = ${formatNumberRu(w)}; ожидается равенство.`,
          "Каждый выпускник учитывается ровно в одном направлении; неизвестных отнесите к «иное» или «не определились»."));
      }
      const y = num(row.values.year);
      const pupils = contingent && y !== null ? contingent.byGrade.get(`${y}|${grade}`) : undefined;
      if (w !== null && pupils !== undefined && w > pupils) {
        out.push(finding("cross.contingent", t.sheet, row.cells[whole],
          `${header(t.schema, whole)} = ${formatNumberRu(w)}, а обучающихся ${grade} класса в ${y} году по листу «${contingent!.sheet}» — ${formatNumberRu(pupils)}.`,
          "Проверьте число выпускников или контингент."));
      }
    }
  }
  partsNotAbove(t, [[["grad11VuzProfile"], "grad11ToVuz"]], out);
}

function upbringingRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  if (!contingent) return;
  for (const row of t.rows) {
    const y = num(row.values.year);
    const total = y === null ? undefined : contingent.byYear.get(y);
    if (total === undefined) continue;
    for (const id of ["addEducation", "clubs", "movementFirst", "volunteers", "preventionRegister", "summerRest"]) {
      const v = num(row.values[id]);
      if (v !== null && v > total) {
        out.push(finding("cross.contingent", t.sheet, row.cells[id], `${header(t.schema, id)} = ${formatNumberRu(v)}, а обучающихся в ${y} году по листу «${contingent.sheet}» — ${formatNumberRu(total)}.`, "Проверьте число или контингент."));
      }
    }
  }
}

function cycleRules(t: TableRead, out: Finding[]): void {
  duplicates(t, ["year", "direction", "track", "component"], "duplicate.row", "component", out);
  const partialNoted = new Set<string>();
  for (const row of t.rows) {
    if (row.values.score === "есть" && (row.values.docNumber === null || row.values.docNumber === "")) {
      out.push(finding("cycle.noDocument", t.sheet, row.cells.docNumber ?? row.cells.score, "Оценка «есть» ставится, когда компонент подтверждён документом, а номер документа не указан.", "Укажите номер и дату документа или поставьте «частично»."));
    }
    const comp = num(row.values.component);
    const track = `${row.values.year}|${row.values.direction}|${row.values.track}`;
    if (row.values.trackKind === "частичный" && comp !== null && comp < 7 && !partialNoted.has(track)) {
      // Once per track: listing all nine components of a partial track is common and harmless.
      partialNoted.add(track);
      out.push(finding("cycle.partialComponent", t.sheet, row.cells.component, `Трек «${row.values.track}» частичный: в оценке учитываются только компоненты 7–9, компонент ${comp} и другие из 1–6 не участвуют.`));
    }
  }
}

/**
 * «Результаты» against «Участники»: where the participant list covers a result row (same
 * procedure, year, grade, subject and, for a class row, class), the participants with a mark
 * must number as many as the row says.
 */
function participantCountRules(results: TableRead, participants: TableRead, out: Finding[]): void {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const r of participants.rows) {
    const k = keyText(r, ["procedure", "year", "grade", "subject"]);
    if (k === null) continue;
    const counted = r.values.mark !== null && r.values.mark !== undefined;
    const cls = String(r.values.className ?? "").toLowerCase();
    const kAll = `${k}|`;
    const kCls = `${k}|${cls}`;
    if (!counts.has(kAll)) counts.set(kAll, 0);
    if (cls && !counts.has(kCls)) counts.set(kCls, 0);
    if (counted) {
      add(kAll);
      if (cls) add(kCls);
    }
  }
  for (const row of results.rows) {
    const k = keyText(row, ["procedure", "year", "grade", "subject"]);
    const n = num(row.values.participants);
    if (k === null || n === null || row.invalid.has("participants")) continue;
    const cls = String(row.values.className ?? "").toLowerCase();
    const listed = counts.get(`${k}|${cls}`);
    if (listed === undefined || listed === n) continue;
    out.push(finding("cross.participants", results.sheet, row.cells.participants,
      `Участников ${formatNumberRu(n)}, а на листе «${participants.sheet}» с отметкой за эту работу${cls ? ` (класс ${String(row.values.className)})` : ""} — ${formatNumberRu(listed)}.`,
      "Проверьте число участников или список участников: отсутствовавшие (без отметки) не считаются."));
  }
}

/** Rules across rows and sheets of an already read form. */
export function validateRead(form: FormRead): Finding[] {
  const out: Finding[] = [];
  const contingent = contingentIndex(form);
  const t = (id: string) => form.tables.get(id);
  const passport = t("passport");
  if (passport) duplicates(passport, ["year", "grade"], "duplicate.row", "grade", out);
  const results = t("results");
  if (results) {
    if (results.rows.length === 0) out.push(finding("sheet.empty", results.sheet, "", `Лист «${results.sheet}» не заполнен.`, "Внесите итоги процедур: одна строка — процедура, год, класс, предмет."));
    resultRules(results, contingent, out);
  }
  const participants = t("participants");
  if (participants) participantRules(participants, t("tasks"), out);
  if (participants && results) participantCountRules(results, participants, out);
  const tasks = t("tasks");
  if (tasks) duplicates(tasks, ["procedure", "year", "grade", "subject", "number"], "duplicate.row", "number", out);
  const olympiads = t("olympiads");
  if (olympiads) {
    duplicates(olympiads, ["year", "stage"], "duplicate.row", "stage", out);
    partsNotAbove(olympiads, [[["winners", "prizeWinners"], "participations"], [["participantsUnique"], "participations"], [["awardeesUnique"], "participantsUnique"]], out);
  }
  const careers = t("careers");
  if (careers) {
    duplicates(careers, ["year"], "duplicate.row", "year", out);
    careerRules(careers, contingent, out);
  }
  const staff = t("staff");
  if (staff) {
    duplicates(staff, ["year"], "duplicate.row", "year", out);
    partsNotAbove(staff, [[["catHighest", "catFirst"], "teachers"], [["trained3y"], "teachers"], [["deficitDiagnostics"], "teachers"], [["individualRoute"], "teachers"], [["young"], "teachers"], [["youngMentored"], "young"]], out);
  }
  const head = t("head");
  if (head) {
    duplicates(head, ["year", "criterion"], "duplicate.row", "criterion", out);
    partsNotAbove(head, [[["points"], "maxPoints"]], out);
  }
  const upbringing = t("upbringing");
  if (upbringing) {
    duplicates(upbringing, ["year"], "duplicate.row", "year", out);
    upbringingRules(upbringing, contingent, out);
  }
  const preschool = t("preschool");
  if (preschool) {
    duplicates(preschool, ["year", "area"], "duplicate.row", "area", out);
    partsNotAbove(preschool, [[["groupsBasicOrAbove"], "groups"]], out);
  }
  const cycle = t("cycle");
  if (cycle) cycleRules(cycle, out);
  return out;
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Sheet order of the form, then row, then column, then severity: the order a person fixes them in. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const pos = (f: Finding) => {
    const i = sheetOrder.indexOf(f.sheet);
    return i < 0 ? (f.sheet === "" ? -1 : sheetOrder.length) : i;
  };
  const rc = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return [...findings].sort((a, b) => {
    const [ar, ac] = rc(a.cell);
    const [br, bc] = rc(b.cell);
    return pos(a) - pos(b) || ar - br || ac - bc || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}

/** Every finding of the form: layout and cells (read.ts) and the rules above. */
export function validateForm(sheets: readonly SheetRead[]): { form: FormRead; findings: Finding[] } {
  const form = readForm(sheets);
  const isEmpty = form.findings.some((f) => f.rule === "form.empty");
  const findings = isEmpty ? form.findings : [...form.findings, ...validateRead(form)];
  return { form, findings: sortFindings(findings, sheets.map((s) => s.name)) };
}
