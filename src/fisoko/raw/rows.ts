/**
 * The participant rows of a protocol, read in one pass (O(rows × columns), no copy of the grid,
 * so a sheet read row by row can be fed the same way). Each row becomes a participant of the
 * sheet's table (src/fisoko/raw/table.ts), or is excluded with a finding naming the row: a school
 * login that does not parse, no code, a task score above its maximum or not a number, a total
 * above the test's maximum, a code met twice in one school (both rows excluded: which one is right
 * cannot be known). Absent pupils («отсутствовал», «не пройд.») are counted, not imported. «X» is
 * a task not done: 0.
 */
import type { MarkScale } from "../../core/profile";
import { parseNumberText, type CellValue } from "../../core/values";
import { formatNumberRu, plural } from "../../core/values";
import { columnLetters } from "../../core/a1";
import { schoolKey, splitLogin, type LabelLogin } from "../login";
import { cellText } from "../text";
import type { RawColumns, RawTaskColumn } from "./columns";
import type { RawFindings } from "./findings";
import { ParticipantTable, type ParticipantCode, type RawSheetAt } from "./table";
import type { RawTest } from "./test";

export interface RawSchool {
  login: string;
  name: string;
  /** Municipality name without its login; "" when the protocol has no municipality column. */
  municipality: string;
  municipalityLogin?: string;
  region: string;
  regionLogin?: string;
  /** First file that named the school. */
  file: string;
}

export interface RawRows {
  /** The participants read, as columns. */
  table: ParticipantTable;
  schools: Map<string, RawSchool>;
  absent: number;
  excluded: number;
  /** Rows whose total differs from the sum of their task scores (the total is kept). */
  sumMismatch: number;
  /**
   * Participants read and then dropped (an earlier row of a code met twice): without any, every
   * school of `schools` has participants.
   */
  dropped: number;
}

const ABSENT = /^(?:отсутствовал[а-я]*|отс\.?|не пройд[а-я]*\.?|не участвовал[а-я]*|неявка)$/i;

/** A number in a cell, NaN for text, null for blank. Typed numbers skip parsing. */
function numberIn(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  const t = cellText(v);
  if (t === "") return null;
  const n = parseNumberText(t);
  return n === null ? NaN : n;
}

function textIn(v: CellValue): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : formatNumberRu(v, 6);
  return cellText(v);
}

/**
 * A participant's code (its text is `${code}`): an integer as that number, so the usual numeric
 * code makes no string and is hashed as a number; a text that spells an integer as String() does
 * («500001», not «0500001» or «500001.0») as that number too; any other as its text ("" when
 * blank). Two cells give one code exactly when their texts (textIn) are equal.
 */
function codeIn(v: CellValue): ParticipantCode {
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  const t = textIn(v);
  const n = t === "" ? NaN : Number(t);
  return Number.isSafeInteger(n) && String(n) === t ? n : t;
}

/** The mark of a score on the scale. */
export function markOf(score: number, s: Pick<MarkScale, "min3" | "min4" | "min5">): number {
  return score >= s.min5 ? 5 : score >= s.min4 ? 4 : score >= s.min3 ? 3 : 2;
}

export interface RowContext {
  file: string;
  sheet: string;
  test: RawTest;
  cols: RawColumns;
  /** The year's scale; null when the protocol has its own mark column. */
  scale: MarkScale | null;
  /** The test's maximum total: the scale's, else the sum of the task maxima when all are known. */
  maxScore: number | null;
  findings: RawFindings;
}

/**
 * The rows of one protocol sheet, handed over one at a time in sheet order (from a grid by
 * RawImporter.add, or straight from the sheet's XML as it is read: src/cli/inputs.ts). A row is read
 * at once and nothing of its array is kept, so the caller may reuse one array for every row.
 */
export class RawRowReader {
  private readonly out: RawRows;
  private readonly dropped = new Set<number>();
  private readonly badLogins = new Map<string, { row: number; count: number }>();
  // A region has hundreds of schools over tens of thousands of rows: each school cell is parsed once.
  private readonly logins = new Map<string, ReturnType<typeof splitLogin>>();
  /** School (schoolKey) → its participants' codes → index in the table: no key string or object per row. */
  private readonly codesOf = new Map<string, Map<ParticipantCode, number>>();
  private readonly units = new Map<string, string>();
  // Texts of a protocol repeat (shared strings: «X», class names, «отсутствовал»): each is tested once.
  private readonly absentMemo = new Map<string, boolean>();
  private readonly classMemo = new Map<CellValue, number>();
  private lastCell: CellValue | undefined;
  private lastCellText = "";
  private lastText: string | undefined;
  private lastLogin: ReturnType<typeof splitLogin> | undefined;
  private lastCodesLogin: string | undefined;
  private lastCodes: Map<ParticipantCode, number> | undefined;
  private lastSchool = 0;
  private lastNoted: string | undefined;

  constructor(private readonly ctx: RowContext) {
    const at: RawSheetAt = { file: ctx.file, sheet: ctx.sheet, codeLetters: columnLetters(ctx.cols.code) };
    this.out = {
      table: new ParticipantTable(ctx.test, ctx.cols.tasks.length, at),
      schools: new Map(),
      absent: 0,
      excluded: 0,
      sumMismatch: 0,
      dropped: 0,
    };
  }

  /** Sheet row `r` (0-based); rows at or above the header are not participants and are passed over. */
  row(r: number, row: readonly CellValue[] | undefined): void {
    const { ctx, out } = this;
    const { cols, findings: f } = ctx;
    const tasks = cols.tasks;
    if (r <= cols.row || !row || row.length === 0) return;
    // The school cell is one shared string for all of a school's rows: its text is worked out once.
    const schoolCell = row[cols.school];
    const schoolText =
      schoolCell === this.lastCell && schoolCell !== undefined ? this.lastCellText : cellText(schoolCell);
    this.lastCell = schoolCell;
    this.lastCellText = schoolText;
    const code = codeIn(row[cols.code]);
    if (schoolText === "" && code === "" && rowBlank(row)) return;
    if (
      isAbsentMemo(cols.variant !== null ? row[cols.variant] : null, this.absentMemo) ||
      (tasks.length > 0 && isAbsentMemo(row[tasks[0].col], this.absentMemo))
    ) {
      out.absent++;
      return;
    }
    // A school's rows come one after another: the previous row's school is looked up again only when it changes.
    let login: ReturnType<typeof splitLogin> | undefined;
    if (schoolText === this.lastText) login = this.lastLogin;
    else {
      login = memoLogin(schoolText, this.logins);
      this.lastText = schoolText;
      this.lastLogin = login;
    }
    if (!login || login.kind !== "school") {
      const b = this.badLogins.get(schoolText);
      if (b) b.count++;
      else this.badLogins.set(schoolText, { row: r, count: 1 });
      out.excluded++;
      return;
    }
    if (code === "") {
      f.row(
        "raw.code",
        r,
        cols.code,
        `у участника ОО ${login.login} нет кода; строка не учитывается.`,
        "без кода участника",
      );
      out.excluded++;
      return;
    }
    this.take(r, row, code, login);
  }

  /**
   * The scores of row `r` of a participant whose school and code are known: checked and added to
   * the table, or the row excluded. Apart from `row` so that each is a smaller piece for V8 to
   * optimize on a cold run (issue 23).
   */
  private take(r: number, row: readonly CellValue[], code: ParticipantCode, login: LabelLogin): void {
    const { ctx, out } = this;
    const { cols, test } = ctx;
    const tasks = cols.tasks;
    // The task points go straight into the table, past its last participant: counted only if the row is.
    const table = out.table;
    table.reserve();
    const read = readTaskPoints(row, tasks, table.points, table.count * tasks.length);
    if (read.bad >= 0) {
      const t = tasks[read.bad];
      this.badTask(r, t, row[t.col], read.badNumber, code, login.login);
      out.excluded++;
      return;
    }
    const { sum, complete, anyPoint } = read;
    let score: number | null = complete || sum > 0 ? sum : null;
    if (cols.score !== null) {
      const n = numberIn(row[cols.score]);
      if (n !== null && (Number.isNaN(n) || n < 0)) {
        this.badScore(r, row[cols.score], code, login.login);
        out.excluded++;
        return;
      }
      if (n !== null && complete && Math.abs(n - sum) > 1e-9) out.sumMismatch++;
      score = n ?? score;
    }
    if (score === null && !anyPoint) {
      // No score and no task point: the pupil did not write the test, whatever the variant says.
      out.absent++;
      return;
    }
    if (score !== null && ctx.maxScore !== null && score > ctx.maxScore) {
      this.aboveMax(r, score, code, login.login);
      out.excluded++;
      return;
    }
    let mark: number | null = null;
    if (cols.mark !== null) {
      const m = numberIn(row[cols.mark]);
      mark = m !== null && Number.isInteger(m) && m >= 2 && m <= 5 ? m : null;
    } else if (score !== null && ctx.scale) mark = markOf(score, ctx.scale);
    const journal = cols.journal !== null ? numberIn(row[cols.journal]) : null;
    const journalMark = journal !== null && Number.isInteger(journal) && journal >= 1 && journal <= 5 ? journal : null;
    let codes: Map<ParticipantCode, number>;
    if (login.login === this.lastCodesLogin && this.lastCodes) codes = this.lastCodes;
    else {
      let unit = this.units.get(login.login);
      if (unit === undefined) this.units.set(login.login, (unit = schoolKey(login.login)));
      let c = this.codesOf.get(unit);
      if (c === undefined) this.codesOf.set(unit, (c = new Map()));
      codes = c;
      this.lastCodesLogin = login.login;
      this.lastCodes = c;
      this.lastSchool = table.schoolNumber(login.login);
    }
    const prev = codes.get(code);
    if (prev !== undefined) {
      this.duplicate(r, prev, code, login.login);
      return;
    }
    codes.set(code, table.count);
    if (login.login !== this.lastNoted) {
      noteSchool(out.schools, login.login, login.name, row, cols, ctx.file, this.logins);
      this.lastNoted = login.login;
    }
    const classCell = cols.className === null ? null : (row[cols.className] ?? null);
    let classOf = this.classMemo.get(classCell);
    if (classOf === undefined)
      this.classMemo.set(classCell, (classOf = table.classNumber(classNameOf(row, cols, test.grade))));
    table.add(this.lastSchool, classOf, code, score, mark, journalMark, r);
  }

  /** A total that is not a number or is negative: the row is excluded. */
  private badScore(r: number, v: CellValue, code: ParticipantCode, login: string): void {
    this.ctx.findings.row(
      "raw.number",
      r,
      this.ctx.cols.score as number,
      `${whoOf(code, login)}, всего баллов: найдено «${cellText(v)}», ожидается число не меньше 0; строка не учитывается.`,
      "с нечисловым первичным баллом",
    );
  }

  /** A total above the test's maximum: the row is excluded. */
  private aboveMax(r: number, score: number, code: ParticipantCode, login: string): void {
    const { ctx } = this;
    ctx.findings.row(
      "raw.scoreMax",
      r,
      ctx.cols.score ?? ctx.cols.code,
      `${whoOf(code, login)}: первичный балл ${formatNumberRu(score)} больше максимального ${ctx.maxScore} (${describeMax(ctx)}); строка не учитывается.`,
      "с первичным баллом выше максимума",
    );
  }

  /** A task score that is not a number, negative or above the task's maximum: the row is excluded. */
  private badTask(r: number, t: RawTaskColumn, v: CellValue, n: number, code: ParticipantCode, login: string): void {
    if (Number.isNaN(n) || n < 0)
      this.ctx.findings.row(
        "raw.number",
        r,
        t.col,
        `${whoOf(code, login)}, задание ${t.number}: найдено «${cellText(v)}», ожидается ${t.max !== undefined ? `балл от 0 до ${t.max}` : "число баллов"} или «X»; строка не учитывается.`,
        "с нечисловым баллом за задание",
      );
    else
      this.ctx.findings.row(
        "raw.taskMax",
        r,
        t.col,
        `${whoOf(code, login)}, задание ${t.number}: ${formatNumberRu(n)} ${plural(n, ["балл", "балла", "баллов"])}, а максимум ${t.max}; строка не учитывается.`,
        "с баллом за задание выше максимума",
      );
  }

  /** A code met before in the same school: this row and the earlier one are both excluded. */
  private duplicate(r: number, prev: number, code: ParticipantCode, login: string): void {
    const { out } = this;
    this.ctx.findings.row(
      "raw.duplicate",
      r,
      this.ctx.cols.code,
      `код участника ${code} в ОО ${login} уже встречался в строке ${this.out.table.sheetRow[prev] + 1}; оба результата не учитываются (какой из них верный, по файлу не понять).`,
      "с повторным кодом участника",
    );
    if (!this.dropped.has(prev)) {
      this.dropped.add(prev);
      out.excluded++;
    }
    out.excluded++;
  }

  /** The rows read, once every row has been handed over (the unrecognised logins are reported here). */
  finish(): RawRows {
    const { out, ctx } = this;
    for (const [text, b] of this.badLogins) {
      ctx.findings.row(
        "raw.login",
        b.row,
        ctx.cols.school,
        `логин ОО ${text ? `«${text.length > 60 ? text.slice(0, 60) + "…" : text}»` : "пуст"} не распознан (ожидается «edu» или «sch» и 6 цифр, например edu203389)${b.count > 1 ? `; таких строк ${b.count}` : ""}; ${b.count > 1 ? "эти строки не учитываются" : "строка не учитывается"}.`,
        "с нераспознанным логином ОО",
      );
    }
    if (this.dropped.size) out.table = out.table.without(this.dropped);
    out.dropped = this.dropped.size;
    return out;
  }
}

function describeMax(ctx: RowContext): string {
  return ctx.scale ? `по шкале ${describeScaleKey(ctx.test)}` : "сумма максимумов заданий";
}

/** «scale|ВПР|2021|4|Математика» — the methodology key of a test's scale. */
export function describeScaleKey(t: RawTest): string {
  return `scale|ВПР|${t.year}|${t.grade}|${t.subject}`;
}

/** «участник 700001 (ОО edu200000)» — built only for a faulty row's message. */
function whoOf(code: ParticipantCode, login: string): string {
  return `участник ${code} (ОО ${login})`;
}

/** What readTaskPoints found in a row (one object, reused for every row). */
const taskRead = { sum: 0, complete: true, anyPoint: false, bad: -1, badNumber: NaN };

/**
 * The task points of a row into `points` from `base` on (0 for «X», NaN for blank) with their sum,
 * whether every task has a point, and whether any has; `bad` is the first task whose cell is not
 * a score from 0 to its maximum (−1 when none), `badNumber` what was read there. Apart from the
 * row's other steps: a protocol is read once, cold, and V8 optimizes this small loop over its
 * 300 000 task cells long before it would the whole row (issue 23).
 */
function readTaskPoints(
  row: readonly CellValue[],
  tasks: readonly RawTaskColumn[],
  points: Float64Array,
  base: number,
): typeof taskRead {
  const out = taskRead;
  out.sum = 0;
  out.complete = true;
  out.anyPoint = false;
  out.bad = -1;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    const v = row[t.col];
    if (typeof v === "string" && isNotDone(v)) {
      points[base + i] = 0;
      out.anyPoint = true;
      continue;
    }
    const n = numberIn(v);
    if (n === null) {
      points[base + i] = NaN;
      out.complete = false;
    } else if (Number.isNaN(n) || n < 0 || (t.max !== undefined && n > t.max)) {
      out.bad = i;
      out.badNumber = n;
      return out;
    } else {
      points[base + i] = n;
      out.anyPoint = true;
      out.sum += n;
    }
  }
  return out;
}

/** «X» or «Х» in either case, spaces around allowed: a task not done. */
function isNotDone(v: string): boolean {
  const t = v.length === 1 ? v : v.trim();
  return t === "x" || t === "X" || t === "х" || t === "Х";
}

/** isAbsent with each distinct text tested once. */
function isAbsentMemo(v: CellValue, memo: Map<string, boolean>): boolean {
  if (typeof v !== "string") return false;
  let absent = memo.get(v);
  if (absent === undefined) memo.set(v, (absent = isAbsent(v)));
  return absent;
}

/** «отсутствовал», «не пройд.»: only texts can say it (isAbsentMemo passes typed numbers over). */
function isAbsent(v: string): boolean {
  return ABSENT.test(v.trim());
}

function rowBlank(row: readonly CellValue[]): boolean {
  for (const v of row) if (cellText(v) !== "") return false;
  return true;
}

/** «4А», or "" when the column holds only the grade (the whole parallel). */
function classNameOf(row: readonly CellValue[], cols: RawColumns, grade: number): string {
  if (cols.className === null) return "";
  const t = textIn(row[cols.className]).replace(/\s+/g, "");
  return t === String(grade) ? "" : t;
}

/** splitLogin of a text, each distinct text parsed once (`memo` keeps the answers). */
function memoLogin(text: string, memo: Map<string, ReturnType<typeof splitLogin>>): ReturnType<typeof splitLogin> {
  let login = memo.get(text);
  if (login === undefined) memo.set(text, (login = splitLogin(text)));
  return login;
}

function noteSchool(
  schools: Map<string, RawSchool>,
  login: string,
  name: string,
  row: readonly CellValue[],
  cols: RawColumns,
  file: string,
  logins: Map<string, ReturnType<typeof splitLogin>>,
): void {
  if (schools.has(login)) return;
  const mun = cols.municipality !== null ? cellText(row[cols.municipality]) : "";
  const reg = cols.region !== null ? cellText(row[cols.region]) : "";
  // Hundreds of schools name a few municipalities and one region: each text is parsed once.
  const m = mun ? memoLogin(mun, logins) : null;
  const g = reg ? memoLogin(reg, logins) : null;
  schools.set(login, {
    login,
    name: name === login ? login : name,
    municipality: m ? m.name : mun,
    ...(m && m.kind === "municipality" ? { municipalityLogin: m.login } : {}),
    region: g ? g.name : reg,
    ...(g && g.kind === "region" ? { regionLogin: g.login } : {}),
    file,
  });
}
