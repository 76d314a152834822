/**
 * Extra sections of the «Форма ОО» page, shown under the form's own content (when the workbook
 * holds a school form): import of ФИС ОКО exports (src/taskpane/fisoko/). The school's analysis
 * («Анализ ОО», src/taskpane/school/) is a page of its own (pages/school.tsx).
 */
import type { ComponentType } from "react";
import { ImportFisokoSection } from "../fisoko/ImportFisokoSection";

export interface FormSectionDef {
  /** Latin letters and "-" (element ids, tests). */
  id: string;
  /** Section heading. */
  title: string;
  Component: ComponentType;
}

export const FORM_SECTIONS: readonly FormSectionDef[] = [
  { id: "fisoko-import", title: "Импорт ФИС ОКО", Component: ImportFisokoSection },
];
