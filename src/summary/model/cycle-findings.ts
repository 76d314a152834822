/**
 * The analysis's conclusions about a school as findings its management cycle must answer
 * (src/core/cycle/links.ts): every fired sign of objectivity of the year → the objectivity track,
 * a ШНОР/ШНСУ status → direction 2. Signs computed per class are answered per work (procedure,
 * grade, subject), so one finding stands for all classes of a work.
 */
import type { SchoolAnalysis } from "../../core/analysis";
import {
  evaluateCycle,
  makeFinding,
  type CycleEvaluation,
  type CycleFinding,
  type IndicatorOf,
} from "../../core/cycle";
import { markedCount, quality, share2, successRate } from "../../core/indicators";
import type { ResultRow, SchoolReport } from "../../core/model";
import { objectivityCoverage, type SignResult } from "../../core/objectivity";
import type { Profile } from "../../core/profile";
import { pooledAggregates, resultKey, schoolAggregates, type Aggregate } from "../../core/results";

export function schoolCycleFindings(a: SchoolAnalysis, year: number): CycleFinding[] {
  const y = a.years.find((x) => x.year === year);
  return y ? cycleFindingsOf(a.login, year, y.signs, y.risk) : [];
}

/**
 * The same from a school's signs of the year and, when known, its risk status (ШНОР/ШНСУ need the
 * other schools of the municipality; the school's report alone has signs only).
 */
export function cycleFindingsOf(
  login: string,
  year: number,
  signs: readonly Pick<SignResult, "rule" | "fired" | "procedure" | "grade" | "subject">[],
  risk: { shnor: boolean; shnsu: boolean } | null,
): CycleFinding[] {
  const out: CycleFinding[] = [];
  const seen = new Set<string>();
  for (const s of signs) {
    if (!s.fired) continue;
    const key = `${s.rule}|${s.procedure ?? ""}|${s.grade ?? ""}|${s.subject ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeFinding(s.rule, login, { year, procedure: s.procedure, grade: s.grade, subject: s.subject }));
  }
  if (risk?.shnor) out.push(makeFinding("ШНОР", login, { year }));
  if (risk?.shnsu) out.push(makeFinding("ШНСУ", login, { year }));
  return out;
}

/**
 * A school's cycle of `year` as the summary evaluates it: the findings to answer (steps 6–8), its
 * own results for step 9, and its observers/video/re-check coverage as the objectivity track's
 * indicator. The summary and the school's report (`msoko school-report`) both call this.
 */
export function evaluateSchoolCycle(
  s: SchoolReport,
  findings: readonly CycleFinding[],
  opts: { year: number; evaluationDate: string; profile: Profile },
): CycleEvaluation {
  const coverage = objectivityCoverage(s.objectivityMeasures ?? [], s.rechecks ?? [], opts.year);
  const indicators = coverage ? [{ direction: "O" as const, text: coverage.text }] : [];
  return evaluateCycle(s.cycle, { ...opts, findings, indicatorOf: schoolIndicators(s.results), indicators });
}

const INDICATORS = { success: successRate, quality, share2 } as const;

/** Step 9's data from aggregates by result key (a school's own, or pooled for the municipality). */
function indicatorsFrom(aggregates: ReadonlyMap<string, Aggregate>): IndicatorOf {
  return (year, t) => {
    const a = aggregates.get(
      resultKey({ procedure: t.procedure as ResultRow["procedure"], year, grade: t.grade, subject: t.subject }),
    );
    if (!a?.marks) return null;
    return { value: INDICATORS[t.indicator](a.marks), n: markedCount(a.marks) };
  };
}

/** A school's indicators by year for step 9 (class rows summed into the parallel, as the summary does). */
export function schoolIndicators(results: readonly ResultRow[]): IndicatorOf {
  return indicatorsFrom(schoolAggregates(results));
}

/** The municipality's indicators (all schools pooled) for the МОУО's step 9. */
export function municipalIndicators(schools: readonly { results: readonly ResultRow[] }[]): IndicatorOf {
  return indicatorsFrom(pooledAggregates(schools.map((s) => schoolAggregates(s.results))));
}
