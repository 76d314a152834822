/**
 * Findings of a protocol, always naming the file, the sheet and the row. A region's protocol has
 * tens of thousands of rows, and one systematic fault (a column of a whole school shifted) would
 * otherwise bury the report under thousands of identical lines: row findings are capped per
 * rule, and the rest is counted in one closing line per rule.
 */
import type { Finding } from "../../core/model";
import { countRu } from "../../core/values";
import { formatCell } from "../../core/a1";

/** Row findings listed one by one per rule and file; further rows are counted. */
export const ROW_FINDINGS_SHOWN = 20;

export class RawFindings {
  readonly list: Finding[] = [];
  private readonly counts = new Map<
    string,
    { shown: number; more: number; severity: Finding["severity"]; what: string }
  >();

  constructor(
    readonly file: string,
    readonly sheet: string,
  ) {}

  /** «Файл «a.xlsx», лист «Протокол», строка 12» — the prefix of every message about a row. */
  where(r: number | null): string {
    const base = `Файл «${this.file}», лист «${this.sheet}»`;
    return r === null ? base : `${base}, строка ${r + 1}`;
  }

  /** A finding about the whole sheet (structure, test, scale). */
  sheetFinding(severity: Finding["severity"], rule: string, r: number | null, c: number | null, message: string): void {
    this.list.push({
      severity,
      rule,
      sheet: this.sheet,
      cell: r === null ? "" : formatCell({ row: r, col: c ?? 0 }),
      file: this.file,
      message: `${this.where(r)}: ${message}`,
    });
  }

  /**
   * A data-quality finding about one row: a warning when the caller excludes the row, info when it
   * keeps it. `what` names the kind of fault for the closing count («с баллом выше максимума»).
   */
  row(
    rule: string,
    r: number,
    c: number,
    message: string,
    what: string,
    severity: Finding["severity"] = "warning",
  ): void {
    let k = this.counts.get(rule);
    if (!k) this.counts.set(rule, (k = { shown: 0, more: 0, severity, what }));
    if (k.shown >= ROW_FINDINGS_SHOWN) {
      k.more++;
      return;
    }
    k.shown++;
    this.list.push({
      severity,
      rule,
      sheet: this.sheet,
      cell: formatCell({ row: r, col: c }),
      file: this.file,
      message: `${this.where(r)}: ${message}`,
    });
  }

  /** Adds the closing counts of capped rules. */
  finish(): void {
    for (const [rule, k] of this.counts) {
      if (k.more === 0) continue;
      this.list.push({
        severity: k.severity,
        rule,
        sheet: this.sheet,
        cell: "",
        file: this.file,
        message: `${this.where(null)}: и ещё ${countRu(k.more, ["строка", "строки", "строк"])} ${k.what} (показаны первые ${ROW_FINDINGS_SHOWN})${k.severity === "warning" ? "; эти строки тоже не учитываются" : ""}.`,
      });
    }
  }

  hasErrors(): boolean {
    return this.list.some((f) => f.severity === "error");
  }
}
