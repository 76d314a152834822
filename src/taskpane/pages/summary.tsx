/** «Свод по муниципалитету»: consolidation of school forms into municipal tables (later issues). */
import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { useWorkbook } from "../workbook/WorkbookContext";
import { MUNICIPAL_SUMMARY_SHEET } from "../workbook/role";
import { EmptyState, Paragraph, ReadingWorkbook } from "./EmptyState";
import type { PageDef } from "./types";

function SummaryPage() {
  const { sheets, role, error } = useWorkbook();
  if (!sheets) return <ReadingWorkbook error={error} />;
  const title =
    role === "municipal"
      ? `В книге есть лист «${MUNICIPAL_SUMMARY_SHEET}»: это муниципальный свод.`
      : "Муниципальный свод ещё не собран.";
  return (
    <EmptyState
      icon={DataBarVerticalRegular}
      title={title}
      needs={[
        "заполненные и проверенные формы школ одного муниципалитета за учебный год (файлы .xlsx);",
        "при желании — выгрузки ФИС ОКО по тем же школам.",
      ]}
      inDevelopment
    >
      <Paragraph>
        Здесь методист сведёт формы школ в одну книгу: показатели результатов по школам и предметам, признаки
        необъективности, риски низких результатов и кластеры школ — с объяснением каждого числа. Исходные файлы школ не
        изменяются.
      </Paragraph>
    </EmptyState>
  );
}

export const summaryPage: PageDef = {
  id: "summary",
  navLabel: "Свод",
  title: "Свод по муниципалитету",
  icon: DataBarVerticalRegular,
  Component: SummaryPage,
};
