/**
 * «Управленческий цикл» on a municipal summary (or on the МОУО's cycle book of `msoko template
 * --mouo`): the board of the МОУО's own cycle («Цикл МОУО»),
 * evaluated as `msoko summarize` evaluates it (status per direction and track, gaps, overdue steps,
 * next steps), at the workbook's reporting date. Without the sheet: what it is for and a button
 * that adds the empty sheet of the template (`msoko template --mouo`), touching no other sheet.
 */
import { useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import type { CellRef } from "../../core/model";
import { countRu } from "../../core/values";
import { MUNICIPAL_CYCLE_SHEET } from "../../form/municipal-cycle";
import { describeError } from "../shared/errors";
import { EmptyState, Paragraph } from "../shared/EmptyState";
import { useOperation } from "../operation/OperationContext";
import { useWorkbook } from "../workbook/WorkbookContext";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { CycleBoard } from "./CycleBoard";
import { addMunicipalCycleSheet, readMunicipalCycleInputs } from "./municipal-book";
import { ReportDateField } from "./ReportDateField";
import {
  MUNICIPAL_CYCLE_EMPTY_TEXT,
  municipalCycleView,
  municipalOverdueLines,
  municipalSummaryLine,
  type MunicipalCycleInputs,
} from "./view";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  button: { alignSelf: "flex-start" },
});

/** The sheet's cell problems shown at most; the rest are counted («и ещё 3»). */
const SHOWN_PROBLEMS = 5;

/** `inSummary`: the book is a municipal summary; otherwise it is the МОУО's cycle book of the template. */
export function MunicipalCycleSection({ inSummary }: { inSummary: boolean }) {
  const styles = useStyles();
  const { port } = useWorkbook();
  const { data, error, loading, reload } = useWorkbookRead(readMunicipalCycleInputs);
  const [selectError, setSelectError] = useState<string | null>(null);

  if (!data)
    return error ? (
      <Text
        role="alert"
        className={styles.error}
      >{`Не удалось прочитать лист «${MUNICIPAL_CYCLE_SHEET}». ${error}`}</Text>
    ) : (
      <Spinner size="small" label={`Читаю лист «${MUNICIPAL_CYCLE_SHEET}»…`} />
    );

  const view = municipalCycleView(data);
  if (view.kind === "noSheet") return <NoMunicipalSheet reload={reload} />;

  const select = (ref: CellRef) => {
    setSelectError(null);
    port
      .select(ref.sheet, ref.cell)
      .catch((e: unknown) =>
        setSelectError(`Не удалось выделить ячейку ${ref.cell} на листе «${ref.sheet}». ${describeError(e)}`),
      );
  };
  const overdue = view.kind === "board" ? municipalOverdueLines(view.report) : [];

  return (
    <>
      <Text as="p" weight="semibold" className={styles.note}>
        {`Цикл МОУО — лист «${view.sheet}» ${inSummary ? "книги свода" : "книги цикла МОУО"}.`}
      </Text>
      <ReportDateField date={data.reportingDate} reload={reload} loading={loading} />
      {error && (
        <Text as="p" role="alert" className={styles.error}>
          {`Не удалось прочитать лист «${view.sheet}». ${error}`}
        </Text>
      )}
      {selectError && (
        <Text as="p" role="alert" className={styles.error}>
          {selectError}
        </Text>
      )}
      <Problems problems={data.problems} />
      {view.kind === "board" ? (
        <>
          <Text as="p" data-testid="mouo-cycle-summary">
            {municipalSummaryLine(view.report)}
          </Text>
          {overdue.length > 0 && (
            <ul className={styles.list} aria-label="Просроченные этапы" data-testid="mouo-cycle-overdue">
              {overdue.map((line) => (
                <li key={line}>
                  <Text>{line}</Text>
                </li>
              ))}
            </ul>
          )}
          <CycleBoard model={view.model} onSelectCell={select} />
          <Text as="p" size={200} className={styles.note}>
            {`Щелчок по клетке выделяет её запись в листе «${view.sheet}». Эффективность мер (этап 9) по данным результатов рассчитывает свод — лист «Управленческий цикл».`}
          </Text>
        </>
      ) : (
        <Text as="p" data-testid="cycle-empty">
          {view.kind === "noRecords"
            ? MUNICIPAL_CYCLE_EMPTY_TEXT.noRecords(view.sheet)
            : MUNICIPAL_CYCLE_EMPTY_TEXT.noDate}
        </Text>
      )}
    </>
  );
}

function Problems({ problems }: { problems: MunicipalCycleInputs["problems"] }) {
  const styles = useStyles();
  if (!problems.length) return null;
  const more = problems.length - SHOWN_PROBLEMS;
  return (
    <section aria-label="Замечания к листу цикла МОУО" data-testid="mouo-cycle-problems">
      <Text as="p" weight="semibold" className={styles.error}>
        {`Замечания к листу: ${countRu(problems.length, ["замечание", "замечания", "замечаний"])}`}
      </Text>
      <ul className={styles.list}>
        {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
          <li key={p}>
            <Text>{p}</Text>
          </li>
        ))}
      </ul>
      {more > 0 && <Text className={styles.note}>{`и ещё ${more}`}</Text>}
    </section>
  );
}

function NoMunicipalSheet({ reload }: { reload(): void }) {
  const styles = useStyles();
  const { port, refresh } = useWorkbook();
  const { run, busy } = useOperation();
  const [failure, setFailure] = useState<string | null>(null);
  const add = async () => {
    setFailure(null);
    const r = await run(`Добавление листа «${MUNICIPAL_CYCLE_SHEET}»`, () => addMunicipalCycleSheet(port), {
      doneMessage: (v) => v.status,
    });
    if (r.status === "done") {
      refresh();
      reload();
    } else if (r.status === "busy") setFailure(r.message);
    else if (r.status === "failed") setFailure(`Лист не добавлен. ${describeError(r.error)}`);
  };
  return (
    <EmptyState
      icon={ArrowRepeatAllRegular}
      title={`В своде нет листа «${MUNICIPAL_CYCLE_SHEET}».`}
      needs={[
        "перечень направлений МСОКО и треков муниципалитета;",
        "по каждому этапу цикла МОУО — подтверждающий документ (номер и дата) или плановый срок.",
      ]}
    >
      <Paragraph>
        {`Здесь оценивается управленческий цикл самого органа управления образованием (МОУО): по каждому направлению и треку — девять этапов, статус, разрывы, просроченные этапы и следующие шаги. Добавьте лист кнопкой ниже (пустой лист по шаблону, другие листы книги не меняются) или создайте отдельную книгу командой «msoko template --mouo --out цикл-моуо.xlsx» и передайте её своду.`}
      </Paragraph>
      <Button className={styles.button} disabled={busy} onClick={() => void add()} data-testid="add-mouo-cycle">
        {`Добавить лист «${MUNICIPAL_CYCLE_SHEET}»`}
      </Button>
      {failure && (
        <Text as="p" role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
    </EmptyState>
  );
}
