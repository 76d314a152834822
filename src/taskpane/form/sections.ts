/**
 * Extra sections of the «Форма ОО» page, shown under the form's own content (when the workbook
 * holds a school form) in this order: import of ФИС ОКО exports (src/taskpane/fisoko/) and the
 * school's analysis («Анализ ОО», src/taskpane/school/).
 */
import type { ComponentType } from "react";
import { ImportFisokoSection } from "../fisoko/ImportFisokoSection";
import { SchoolAnalysisPage } from "../school/SchoolAnalysisPage";

export interface FormSectionDef {
  /** Latin letters and "-" (element ids, tests). */
  id: string;
  /** Section heading. */
  title: string;
  Component: ComponentType;
}

export const FORM_SECTIONS: readonly FormSectionDef[] = [
  { id: "fisoko-import", title: "Импорт ФИС ОКО", Component: ImportFisokoSection },
  { id: "school-analysis", title: "Анализ ОО", Component: SchoolAnalysisPage },
];
