/** «Форма ОО»: the standard school form of the municipality (creation and filling, issue 4). */
import { DocumentTableRegular } from "@fluentui/react-icons";
import { useWorkbook } from "../workbook/WorkbookContext";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";
import { EmptyState, Paragraph, ReadingWorkbook } from "./EmptyState";
import type { PageDef } from "./types";

function FormPage() {
  const { sheets, error } = useWorkbook();
  if (!sheets) return <ReadingWorkbook error={error} />;
  if (hasSheet(sheets.map((s) => s.name), SCHOOL_FORM_SHEET)) {
    return (
      <EmptyState icon={DocumentTableRegular} title={`В книге есть лист «${SCHOOL_FORM_SHEET}»: это форма школы.`} inDevelopment>
        <Paragraph>
          Здесь появятся переход к листам формы, подсказки по заполнению каждого столбца и добавление недостающих листов
          процедур. Уже заполненные ячейки панель не изменяет.
        </Paragraph>
        <Paragraph>Пока заполняйте листы формы вручную, а ошибки ищите на странице «Проверка».</Paragraph>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={DocumentTableRegular}
      title={`В книге нет листа «${SCHOOL_FORM_SHEET}».`}
      needs={[
        "пустая книга или книга без листов формы — существующие листы панель не изменяет;",
        "сведения о школе: логин ФИС ОКО, название, муниципалитет;",
        "результаты процедур (ВПР, ОГЭ, ЕГЭ и др.) по классам и предметам; участники — только коды, без фамилий.",
      ]}
      inDevelopment
    >
      <Paragraph>
        Здесь будет создаваться стандартная форма муниципалитета для школы: лист «{SCHOOL_FORM_SHEET}» и листы результатов
        процедур с подсказками и проверкой ввода в ячейках.
      </Paragraph>
    </EmptyState>
  );
}

export const formPage: PageDef = {
  id: "form",
  navLabel: "Форма ОО",
  title: "Форма ОО",
  icon: DocumentTableRegular,
  Component: FormPage,
};
