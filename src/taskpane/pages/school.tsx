/**
 * «Анализ ОО»: the school's analysis sheets built from its filled form (school/SchoolAnalysisPage.tsx).
 * Its own page, reachable from the tabs like every other job of the pane, instead of a section at
 * the bottom of the long «Форма ОО» page; without a form it says where to create one.
 */
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import { SchoolAnalysisPage } from "../school/SchoolAnalysisPage";
import { EmptyState, Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import type { PageDef } from "../shared/page-types";
import { useWorkbook } from "../workbook/WorkbookContext";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";

function SchoolAnalysis() {
  const { sheets, error } = useWorkbook();
  if (!sheets) return <ReadingWorkbook error={error} />;
  if (
    !hasSheet(
      sheets.map((s) => s.name),
      SCHOOL_FORM_SHEET,
    )
  ) {
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
  return <SchoolAnalysisPage />;
}

export const schoolPage: PageDef = {
  id: "school",
  navLabel: "Анализ ОО",
  title: "Анализ результатов ОО",
  icon: DocumentBulletListRegular,
  Component: SchoolAnalysis,
};
