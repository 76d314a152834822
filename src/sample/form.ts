/**
 * The sample as filled school forms: the write operations of one demo school's form (for the
 * browser preview's memory workbook and the CLI demo), through the form's own `fillForm`, so the
 * sample's forms are exactly what a school would hand in.
 */
import type { SchoolReport } from "../core/model";
import { fillForm } from "../form/template";
import type { WriteOp } from "../host/port";
import { generateSchools, type SampleOptions } from "./generate";

/** The write operations of a filled form of one report. */
export function sampleFormOps(report: SchoolReport): WriteOp[] {
  return fillForm(report);
}

/**
 * One demo school (index in the roster, 0-based; default the first one with an injected
 * situation worth showing: the school with inflated journal marks) and its filled form.
 * Only this school is generated, so it is fast enough for the browser preview.
 */
export function sampleSchoolForm(opts: SampleOptions & { index?: number } = {}): { report: SchoolReport; ops: WriteOp[] } {
  const index = Math.max(0, Math.trunc(opts.index ?? 2));
  let i = 0;
  for (const s of generateSchools({ ...opts, schools: Math.max(index + 1, opts.schools ?? 25), scale: 1 })) {
    if (i++ === index) return { report: s.report, ops: sampleFormOps(s.report) };
  }
  throw new Error(`В демонстрационном муниципалитете нет школы с номером ${index + 1}.`);
}
