/** «Проверка»: validation of the school form with a message per cell (issue 4). */
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import { useWorkbook } from "../workbook/WorkbookContext";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";
import { EmptyState, Paragraph, ReadingWorkbook } from "./EmptyState";
import type { PageDef } from "./types";

function CheckPage() {
  const { sheets, error } = useWorkbook();
  if (!sheets) return <ReadingWorkbook error={error} />;
  if (!hasSheet(sheets.map((s) => s.name), SCHOOL_FORM_SHEET)) {
    return (
      <EmptyState
        icon={ClipboardTaskListLtrRegular}
        title={`В книге нет листа «${SCHOOL_FORM_SHEET}». Создайте форму на странице «Форма ОО».`}
        goTo={{ pageId: "form", label: "Перейти к странице «Форма ОО»" }}
      >
        <Paragraph>Проверять можно только книгу со стандартной формой школы.</Paragraph>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={ClipboardTaskListLtrRegular} title="Форма найдена. Проверка формы появится здесь." inDevelopment>
      <Paragraph>
        Панель проверит каждый лист формы и перечислит ошибки: лист, ячейку, что в ней найдено и что ожидается. Щелчок по
        ошибке выделит ячейку в книге.
      </Paragraph>
    </EmptyState>
  );
}

export const checkPage: PageDef = {
  id: "check",
  navLabel: "Проверка",
  title: "Проверка формы",
  icon: ClipboardTaskListLtrRegular,
  Component: CheckPage,
};
