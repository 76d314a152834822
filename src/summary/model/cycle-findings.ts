/**
 * The analysis's conclusions about a school as findings its management cycle must answer
 * (src/core/cycle/links.ts): every fired sign of objectivity of the year → the objectivity track,
 * a ШНОР/ШНСУ status → direction 2. Signs computed per class are answered per work (procedure,
 * grade, subject), so one finding stands for all classes of a work.
 */
import type { SchoolAnalysis } from "../../core/analysis";
import { makeFinding, type CycleFinding } from "../../core/cycle";

export function schoolCycleFindings(a: SchoolAnalysis, year: number): CycleFinding[] {
  const y = a.years.find((x) => x.year === year);
  if (!y) return [];
  const out: CycleFinding[] = [];
  const seen = new Set<string>();
  for (const s of y.signs) {
    if (!s.fired) continue;
    const key = `${s.rule}|${s.procedure ?? ""}|${s.grade ?? ""}|${s.subject ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeFinding(s.rule, a.login, { year, procedure: s.procedure, grade: s.grade, subject: s.subject }));
  }
  if (y.risk.shnor) out.push(makeFinding("ШНОР", a.login, { year }));
  if (y.risk.shnsu) out.push(makeFinding("ШНСУ", a.login, { year }));
  return out;
}
