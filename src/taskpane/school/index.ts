/**
 * The «Анализ ОО» page for the lead to register (Форма ОО → «Анализ ОО»): the component and a
 * ready PageDef (id "school-analysis").
 */
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import type { PageDef } from "../shared/page-types";
import { SchoolAnalysisPage } from "./SchoolAnalysisPage";

export { SchoolAnalysisPage } from "./SchoolAnalysisPage";
export { loadSchoolForm, generateSchoolAnalysis, doneMessage } from "./run";

export const schoolAnalysisPage: PageDef = {
  id: "school-analysis",
  navLabel: "Анализ ОО",
  title: "Анализ ОО (ВСОКО)",
  icon: DocumentBulletListRegular,
  Component: SchoolAnalysisPage,
};
