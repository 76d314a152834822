/**
 * Forms slimmed for the summary (issue 23: no points per task, no cell references) give the very
 * same summary as whole forms: the summary never reads what is dropped.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import type { SchoolReport } from "../../../src/core/model";
import { buildSummary } from "../../../src/summary/model/build";
import { consolidate } from "../../../src/summary/model/consolidate";
import { slimForSummary } from "../../../src/summary/inputs";
import { generateMunicipality } from "../../../src/sample";

function summaryOf(reports: SchoolReport[]) {
  const c = consolidate(reports.map((r) => ({ file: `${r.passport.login}.xlsx`, report: r, findings: [] })));
  const { municipality } = generateMunicipality({ seed: 2026, schools: 3 });
  const s = buildSummary({
    municipality: { ...municipality, schools: c.schools },
    files: c.files,
    profile: DEFAULT_PROFILE,
    evaluationDate: "2026-12-31",
    runAt: "2026-11-22T10:00:00",
  });
  return { json: s.json, sheets: s.sheets };
}

describe("slimForSummary", () => {
  it("drops points per task and cell references, and the summary stays the same", () => {
    const whole = generateMunicipality({ seed: 2026, schools: 3 }).municipality.schools;
    const slim = generateMunicipality({ seed: 2026, schools: 3 }).municipality.schools.map((r) => {
      r.participants.forEach((p, i) => (p.ref = { sheet: "Участники", cell: `A${i + 6}` }));
      return slimForSummary(r);
    });
    expect(whole.some((r) => r.participants.some((p) => p.taskPoints.length > 0))).toBe(true);
    for (const r of slim)
      for (const p of r.participants) {
        expect(p.taskPoints).toEqual([]);
        expect(p.ref).toBeUndefined();
      }
    expect(slim.map((r) => r.participants.length)).toEqual(whole.map((r) => r.participants.length));
    expect(summaryOf(slim)).toEqual(summaryOf(whole));
  });
});
