/**
 * «Управленческий цикл»: the board of the school's «Цикл» sheet (CycleBoard) for the latest year
 * in the data, evaluated at the workbook's reporting date (setting `report.date`); on a municipal
 * summary, the board of the МОУО's own «Цикл МОУО» sheet (MunicipalCycleSection). The user sets
 * the date here: it is written to the settings sheet and handed to =MSOKO.ЦИКЛ, so the functions
 * and the board agree. Clicking a board cell selects the record's cell in the «Цикл» sheet.
 */
import { useState } from "react";
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { CYCLE_SHEET } from "../../core/cycle";
import type { CellRef } from "../../core/model";
import { validateWorkbook } from "../../form/actions";
import { municipalCycleSheetName } from "../../form/municipal-cycle";
import type { WorkbookPort } from "../../host/port";
import { loadProfile, readSettings, reportDate } from "../../host/settings";
import { describeError } from "../shared/errors";
import { EmptyState, Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import { useWorkbook } from "../workbook/WorkbookContext";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { CycleBoard } from "./CycleBoard";
import { MunicipalCycleSection } from "./MunicipalCycleSection";
import { ReportDateField } from "./ReportDateField";
import { CYCLE_EMPTY_TEXT, cycleView } from "./view";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
});

async function readCycleInputs(port: WorkbookPort) {
  const [{ report }, settings, { profile }] = await Promise.all([
    validateWorkbook(port),
    readSettings(port),
    loadProfile(port),
  ]);
  return { report, date: reportDate(settings), profile };
}

const EMPTY_NEEDS = [
  "перечень направлений и треков МСОКО вашего муниципалитета;",
  "по каждому компоненту цикла — подтверждающий документ (номер и дата) или плановый срок.",
];

export function CyclePage() {
  const { sheets, error, role } = useWorkbook();
  const isForm =
    !!sheets &&
    hasSheet(
      sheets.map((s) => s.name),
      SCHOOL_FORM_SHEET,
    );
  if (!sheets) return <ReadingWorkbook error={error} />;
  // A municipal summary, or the МОУО's own cycle book (`msoko template --mouo`): the board of the
  // МОУО's cycle («Цикл МОУО»), as the summary evaluates it.
  if (role === "municipal") return <MunicipalCycleSection inSummary />;
  if (!isForm && municipalCycleSheetName(sheets.map((s) => s.name))) return <MunicipalCycleSection inSummary={false} />;
  if (!isForm) {
    return (
      <EmptyState
        icon={ArrowRepeatAllRegular}
        title="Оценка управленческого цикла появится здесь."
        needs={EMPTY_NEEDS}
        goTo={{ pageId: "form", label: "Перейти к странице «Форма ОО»" }}
      >
        <Paragraph>
          По каждому из восьми направлений МСОКО (и треку объективности) панель оценит девять компонентов цикла — от
          целей до анализа эффективности мер — и покажет, замкнут ли цикл или на каком этапе разрыв. Для этого нужна
          форма школы с заполненным листом «{CYCLE_SHEET}».
        </Paragraph>
      </EmptyState>
    );
  }
  return <CycleBoardSection />;
}

function CycleBoardSection() {
  const styles = useStyles();
  const { port } = useWorkbook();
  const { data, error, loading, reload } = useWorkbookRead(readCycleInputs);
  const [selectError, setSelectError] = useState<string | null>(null);

  if (!data)
    return error ? (
      <Text role="alert" className={styles.error}>{`Не удалось прочитать форму. ${error}`}</Text>
    ) : (
      <Spinner size="small" label="Читаю лист «Цикл»…" />
    );

  const view = cycleView(data.report, data.date, data.profile);

  const select = (ref: CellRef) => {
    setSelectError(null);
    port
      .select(ref.sheet, ref.cell)
      .catch((e: unknown) =>
        setSelectError(`Не удалось выделить ячейку ${ref.cell} на листе «${ref.sheet}». ${describeError(e)}`),
      );
  };

  return (
    <>
      <ReportDateField date={data.date} reload={reload} loading={loading} />
      {error && (
        <Text as="p" role="alert" className={styles.error}>
          {`Не удалось прочитать форму. ${error}`}
        </Text>
      )}
      {selectError && (
        <Text as="p" role="alert" className={styles.error}>
          {selectError}
        </Text>
      )}
      {view.kind === "board" ? (
        <>
          <CycleBoard model={view.model} onSelectCell={select} />
          <Text as="p" size={200} className={styles.note}>
            Щелчок по клетке выделяет её запись в листе «{CYCLE_SHEET}».
          </Text>
        </>
      ) : (
        <Text as="p" data-testid="cycle-empty">
          {CYCLE_EMPTY_TEXT[view.kind]}
        </Text>
      )}
    </>
  );
}
