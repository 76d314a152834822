/**
 * Extra sections of the «Форма ОО» page, shown under the form's own content (when the workbook
 * holds a school form) in this order: the school's analysis («Анализ ОО», src/taskpane/school/).
 */
import type { ComponentType } from "react";
import { SchoolAnalysisPage } from "../school/SchoolAnalysisPage";

export interface FormSectionDef {
  /** Latin letters and "-" (element ids, tests). */
  id: string;
  /** Section heading. */
  title: string;
  Component: ComponentType;
}

export const FORM_SECTIONS: readonly FormSectionDef[] = [{ id: "school-analysis", title: "Анализ ОО", Component: SchoolAnalysisPage }];
