/**
 * The sample as filled school forms: the write operations of one demo school's form (for the
 * browser preview's memory workbook and the CLI demo), through the form's own `fillForm`, so the
 * sample's forms are exactly what a school would hand in.
 */
import type { SchoolReport } from "../core/model";
import { fillForm } from "../form/template";
import type { WriteOp } from "../host/port";
import { generateSchool, type SampleOptions } from "./generate";

/** The write operations of a filled form of one report. */
export function sampleFormOps(report: SchoolReport): WriteOp[] {
  return fillForm(report);
}

/**
 * One demo school (index in the roster, 0-based; default the first one with an injected
 * situation worth showing: the school with inflated journal marks) and its filled form.
 * Only this school is generated, so it is fast enough for the browser preview. (The O4 nudge of
 * generateMunicipality needs all schools and is not applied; it only moves a few task points.)
 */
export function sampleSchoolForm(opts: Omit<SampleOptions, "schools" | "scale"> & { index?: number } = {}): {
  report: SchoolReport;
  ops: WriteOp[];
} {
  const { report } = generateSchool(opts.index ?? 2, opts);
  return { report, ops: sampleFormOps(report) };
}
