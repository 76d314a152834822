/**
 * The participants of one protocol sheet as columns (issue 23). A region's protocol is 24 000
 * participants read once; one object and one task array each were most of what the garbage
 * collector copied while the file was read, and then walked again by the analysis. Here each
 * participant is a position in typed arrays that grow by doubling: the analysis reads per-school
 * views of them (`columns`, SchoolReport.participantColumns), and `row` makes a ParticipantRow
 * only for whoever asks for one (the import's `participants`, read by tests and callers of rows;
 * a message about a row reads its `sheetRow` alone).
 */
import type { CellRef, ParticipantColumns, ParticipantRow, Procedure } from "../../core/model";
import type { RawTest } from "./test";

/** What the participants of one protocol sheet share for their cell references. */
export interface RawSheetAt {
  file: string;
  sheet: string;
  /** Letters of the code column: a participant's reference is its code cell. */
  codeLetters: string;
}

/**
 * A participant's code as the table keeps it: an integer as a number (no string per participant
 * for the usual numeric codes), any other code as its text; `${code}` is its text either way.
 */
export type ParticipantCode = number | string;

/** Rows the columns start with; they double when full. */
const FIRST_ROWS = 1024;

export class ParticipantTable {
  /** Participants stored. */
  count = 0;
  /** Total score; NaN — none. */
  score = new Float64Array(FIRST_ROWS);
  /** Mark 2–5; 0 — none. */
  mark = new Uint8Array(FIRST_ROWS);
  /** Journal mark 1–5; 0 — none. */
  journalMark = new Uint8Array(FIRST_ROWS);
  /** Task points, `taskCount` per participant in task order; NaN — blank. */
  points: Float64Array;
  /** Sheet row of each participant (0-based). */
  sheetRow = new Int32Array(FIRST_ROWS);
  /** Index in `logins` of each participant's school. */
  school = new Int32Array(FIRST_ROWS);
  /** Index in `classNames` of each participant's class. */
  classOf = new Int32Array(FIRST_ROWS);
  readonly codes: ParticipantCode[] = [];
  readonly logins: string[] = [];
  readonly classNames: string[] = [];
  private readonly loginIndex = new Map<string, number>();
  private readonly classIndex = new Map<string, number>();

  constructor(
    readonly test: RawTest,
    readonly taskCount: number,
    readonly at: RawSheetAt,
  ) {
    this.points = new Float64Array(FIRST_ROWS * taskCount);
  }

  /**
   * Room for one more participant. Its task points are written to `points` from
   * `count * taskCount` on before `add` counts it (a row found faulty halfway is simply not added).
   */
  reserve(): void {
    if (this.count === this.score.length) this.grow();
  }

  /** Doubles the columns (apart from `reserve`, which runs for every row: V8 inlines it without this). */
  private grow(): void {
    const rows = this.score.length * 2;
    this.score = grown(this.score, new Float64Array(rows));
    this.mark = grown(this.mark, new Uint8Array(rows));
    this.journalMark = grown(this.journalMark, new Uint8Array(rows));
    this.points = grown(this.points, new Float64Array(rows * this.taskCount));
    this.sheetRow = grown(this.sheetRow, new Int32Array(rows));
    this.school = grown(this.school, new Int32Array(rows));
    this.classOf = grown(this.classOf, new Int32Array(rows));
  }

  /** Counts the participant whose task points are in place (after `reserve`). */
  add(
    school: number,
    classOf: number,
    code: ParticipantCode,
    score: number | null,
    mark: number | null,
    journalMark: number | null,
    sheetRow: number,
  ): void {
    const i = this.count++;
    this.school[i] = school;
    this.classOf[i] = classOf;
    this.codes.push(code);
    this.score[i] = score ?? NaN;
    this.mark[i] = mark ?? 0;
    this.journalMark[i] = journalMark ?? 0;
    this.sheetRow[i] = sheetRow;
  }

  /** The index of a school login in `logins` (added on first sight). */
  schoolNumber(login: string): number {
    return numberOf(login, this.logins, this.loginIndex);
  }

  /** The index of a class name in `classNames` (added on first sight). */
  classNumber(name: string): number {
    return numberOf(name, this.classNames, this.classIndex);
  }

  /** Participant i as a ParticipantRow. */
  row(i: number): RawParticipant {
    const n = this.taskCount;
    const points = new Array<number | null>(n);
    for (let t = 0; t < n; t++) {
      const v = this.points[i * n + t];
      points[t] = v === v ? v : null;
    }
    const score = this.score[i];
    return new RawParticipant(
      this.test,
      this.classNames[this.classOf[i]],
      String(this.codes[i]),
      score === score ? score : null,
      this.mark[i] || null,
      this.journalMark[i] || null,
      points,
      this.logins[this.school[i]],
      this.at,
      this.sheetRow[i],
    );
  }

  /** Participants from..to for the analysis: views of the arrays, nothing copied. */
  columns(from: number, to: number): ParticipantColumns {
    const n = this.taskCount;
    return {
      procedure: this.test.procedure,
      year: this.test.year,
      grade: this.test.grade,
      subject: this.test.subject,
      count: to - from,
      score: this.score.subarray(from, to),
      mark: this.mark.subarray(from, to),
      journalMark: this.journalMark.subarray(from, to),
      taskCount: n,
      points: this.points.subarray(from * n, to * n),
      codes: { list: this.codes, from },
    };
  }

  /** The end of the run of participants from `i` on of the school of participant `i`. */
  schoolRunEnd(i: number, end = this.count): number {
    const school = this.school;
    const s = school[i];
    let j = i + 1;
    while (j < end && school[j] === s) j++;
    return j;
  }

  /** The same table without the participants `dropped` (indices): a code met twice in a school. */
  without(dropped: ReadonlySet<number>): ParticipantTable {
    const kept = new ParticipantTable(this.test, this.taskCount, this.at);
    const n = this.taskCount;
    for (let i = 0; i < this.count; i++) {
      if (dropped.has(i)) continue;
      kept.reserve();
      kept.points.set(this.points.subarray(i * n, (i + 1) * n), kept.count * n);
      kept.add(
        kept.schoolNumber(this.logins[this.school[i]]),
        kept.classNumber(this.classNames[this.classOf[i]]),
        this.codes[i],
        this.score[i],
        this.mark[i],
        this.journalMark[i],
        this.sheetRow[i],
      );
    }
    return kept;
  }
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

function numberOf(text: string, list: string[], index: Map<string, number>): number {
  let k = index.get(text);
  if (k === undefined) {
    k = list.length;
    list.push(text);
    index.set(text, k);
  }
  return k;
}

/** Participants from..to of a protocol sheet's table that the import took. */
export interface ParticipantRange {
  table: ParticipantTable;
  from: number;
  to: number;
}

/** The participants of the ranges, one ParticipantRow each, in order. */
export function rowsOf(ranges: readonly ParticipantRange[]): RawParticipant[] {
  const out: RawParticipant[] = [];
  for (const { table, from, to } of ranges) for (let i = from; i < to; i++) out.push(table.row(i));
  return out;
}

/**
 * A participant of a protocol as a ParticipantRow, whose cell reference (its code cell) is made
 * when read: nothing reads the references of 24 000 participants unless a message points at one,
 * so each keeps its sheet row and the sheet's shared `at`. `ref` gives { sheet, cell, file };
 * assigning it (e.g. undefined) replaces it with a plain property.
 */
export class RawParticipant implements ParticipantRow {
  procedure: Procedure = "ВПР";
  year: number;
  grade: number;
  subject: string;
  source: string;

  constructor(
    test: RawTest,
    public className: string,
    public code: string,
    public score: number | null,
    public mark: number | null,
    public journalMark: number | null,
    public taskPoints: (number | null)[],
    public login: string,
    private readonly at: RawSheetAt,
    /** Sheet row of the participant (0-based). */
    readonly sheetRow: number,
  ) {
    this.year = test.year;
    this.grade = test.grade;
    this.subject = test.subject;
    this.source = at.file;
  }

  get ref(): CellRef {
    const { at } = this;
    return { sheet: at.sheet, cell: at.codeLetters + (this.sheetRow + 1), file: at.file };
  }

  set ref(ref: CellRef | undefined) {
    Object.defineProperty(this, "ref", { value: ref, writable: true, enumerable: true, configurable: true });
  }
}
