/**
 * Extra sections of the «Форма ОО» page, shown under the form's own content in this order. The
 * school's analysis («Анализ ОО», src/taskpane/school/) plugs in here: one entry
 * `{ id: "school-analysis", title: "Анализ ОО", Component: SchoolAnalysisPage }`.
 */
import type { ComponentType } from "react";

export interface FormSectionDef {
  /** Latin letters and "-" (element ids, tests). */
  id: string;
  /** Section heading. */
  title: string;
  Component: ComponentType;
}

export const FORM_SECTIONS: readonly FormSectionDef[] = [];
