/**
 * «Анализ ОО»: the school's analysis sheets built from its filled form (school/SchoolAnalysisPage.tsx).
 * Its own page, reachable from the tabs like every other job of the pane, instead of a section at
 * the bottom of the long «Форма ОО» page; without a form it says where to create one, and for a
 * kindergarten's form (no results of procedures) where its indicators are instead.
 */
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import { readFormKind } from "../../form/actions";
import { PRESCHOOL_ANALYSIS } from "../form/formModel";
import { SchoolAnalysisPage } from "../school/SchoolAnalysisPage";
import { EmptyState, Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import type { PageDef } from "../shared/page-types";
import { useWorkbook } from "../workbook/WorkbookContext";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";

function SchoolAnalysis() {
  const { sheets, error } = useWorkbook();
  const isForm = hasSheet(
    (sheets ?? []).map((s) => s.name),
    SCHOOL_FORM_SHEET,
  );
  // Read before the form is parsed: an unfilled kindergarten passport (no login yet) still says «детский сад».
  const kind = useWorkbookRead(readFormKind, isForm);
  if (!sheets) return <ReadingWorkbook error={error} />;
  if (!isForm) {
    return (
      <EmptyState
        icon={DocumentBulletListRegular}
        title={`В книге нет листа «${SCHOOL_FORM_SHEET}». Анализ строится по заполненной форме школы.`}
        goTo={{ pageId: "form", label: "Перейти к странице «Форма ОО»" }}
      >
        <Paragraph>Создайте форму на странице «Форма ОО», заполните её и проверьте — затем вернитесь сюда.</Paragraph>
      </EmptyState>
    );
  }
  if (kind.data === "preschool") {
    return (
      <EmptyState icon={DocumentBulletListRegular} title={PRESCHOOL_ANALYSIS.title}>
        <Paragraph>{PRESCHOOL_ANALYSIS.text}</Paragraph>
      </EmptyState>
    );
  }
  return <SchoolAnalysisPage />;
}

export const schoolPage: PageDef = {
  id: "school",
  navLabel: "Анализ ОО",
  title: "Анализ результатов ОО",
  icon: DocumentBulletListRegular,
  Component: SchoolAnalysis,
};
