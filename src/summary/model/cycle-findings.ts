/**
 * The analysis's conclusions about a school as findings its management cycle must answer
 * (src/core/cycle/links.ts): every fired sign of objectivity of the year → the objectivity track,
 * a ШНОР/ШНСУ status → direction 2. Signs computed per class are answered per work (procedure,
 * grade, subject), so one finding stands for all classes of a work.
 */
import type { SchoolAnalysis } from "../../core/analysis";
import { makeFinding, type CycleFinding, type IndicatorOf } from "../../core/cycle";
import { markedCount, quality, share2, successRate } from "../../core/indicators";
import type { ResultRow } from "../../core/model";
import { pooledAggregates, resultKey, schoolAggregates, type Aggregate } from "../../core/results";

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
