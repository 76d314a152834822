/**
 * Percentages vs counts in exports. A school's counts are recovered from its percentages by
 * rounding N·p/100 — exact when the percentages carry enough decimals, which is checked; a
 * reference row (municipality, region) keeps N·p/100 unrounded so that indicators computed from
 * it equal the published percentages.
 */
import { formatNumberRu } from "../../core/values";
import type { SheetScan } from "../sheet";
import { norm, quote } from "../text";

export type ValueKind = "percent" | "count" | "unknown";

/**
 * Published percentages are rounded, so they add up to 100 only approximately: four values
 * rounded to whole percents can be off by 2 in the worst case, to tenths by 0.2.
 */
export const PERCENT_SUM_TOLERANCE = 2;

export function valueKindOf(headerText: string): ValueKind {
  const t = norm(headerText);
  if (/%|доля|процент/.test(t)) return "percent";
  if (/кол-?во|количеств|чел|число/.test(t)) return "count";
  return "unknown";
}

/** Decimals a published percentage was rounded to, as far as the number shows (7.69 → 2, 40 → 0). */
function decimalsOf(p: number): number {
  const m = /\.(\d+)$/.exec(String(p));
  return m ? Math.min(m[1].length, 4) : 0;
}

/**
 * N·p/100 per value; for school rows rounded to whole pupils and checked: each count must give
 * back the published percentage at its rounding (19 % of 48 → 9 pupils = 18,75 % ≈ 19 %), the
 * neighbouring counts must not (else the rounding is too coarse to know), and the counts must
 * add up to N. References keep N·p/100 unrounded.
 */
export function countsFromPercent(
  scan: SheetScan,
  r: number,
  cols: number[],
  label: string,
  n: number,
  percents: number[],
  names: string[],
  reference: boolean,
): number[] | null {
  const raw = percents.map((p) => (p * n) / 100);
  if (reference) return raw;
  const counts = raw.map(Math.round);
  for (let i = 0; i < percents.length; i++) {
    const p = percents[i];
    const half = 0.5 * 10 ** -decimalsOf(p) + 1e-9;
    const fits = (c: number): boolean => c >= 0 && Math.abs((c * 100) / n - p) <= half;
    if (!fits(counts[i]) || fits(counts[i] - 1) || fits(counts[i] + 1)) {
      scan.error(
        "fisoko.percent",
        r,
        cols[i],
        `${names[i]} в строке ${quote(label)}: ${formatNumberRu(p, 4)} % от ${n} участников — ${formatNumberRu(raw[i], 3)}, это не определяет целое число участников; выгрузите отчёт с количествами или с процентами до сотых.`,
      );
      return null;
    }
  }
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum !== n) {
    scan.error(
      "fisoko.percent",
      r,
      cols[0],
      `проценты в строке ${quote(label)} дают ${sum} участников вместо ${n}; проверьте строку или выгрузите отчёт с количествами.`,
    );
    return null;
  }
  return counts;
}
