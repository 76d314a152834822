/**
 * The workbook's reporting date (the date the cycle is evaluated on) with the «Обновить» button:
 * shared by the school's board and the МОУО's board, so both write the date the same way (settings
 * sheet, custom functions, one recalculation) and =MSOKO.ЦИКЛ and the boards agree.
 */
import { useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { formatDateRu, isIsoDate } from "../../core/cycle";
import { describeError } from "../shared/errors";
import { useOperation } from "../operation/OperationContext";
import { useWorkbook } from "../workbook/WorkbookContext";
import { saveReportDate } from "./report-date";

const useStyles = makeStyles({
  dateRow: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  field: { flexGrow: 1, minWidth: "150px" },
});

export interface ReportDateFieldProps {
  /** The saved reporting date (ISO), null when the book has none. */
  date: string | null;
  /** Re-reads the page's data (after saving, or on «Обновить»). */
  reload(): void;
  loading: boolean;
}

export function ReportDateField({ date, reload, loading }: ReportDateFieldProps) {
  const styles = useStyles();
  const { port } = useWorkbook();
  const { run } = useOperation();
  const [typed, setTyped] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dateValue = typed ?? date ?? "";

  const saveDate = async (value: string) => {
    setTyped(value);
    if (value === "") return;
    if (!isIsoDate(value)) {
      setDateError("Введите дату полностью: день, месяц и год.");
      return;
    }
    setDateError(null);
    setSaving(true);
    // An operation: one writer at a time; the status area says the workbook was recalculated.
    const r = await run("Изменение отчётной даты", () => saveReportDate(port, value), { doneMessage: (v) => v.status });
    setSaving(false);
    if (r.status === "done") {
      setTyped(null);
      reload();
    } else if (r.status === "busy") setDateError(r.message);
    else if (r.status === "failed")
      setDateError(`Не удалось записать отчётную дату в лист настроек. ${describeError(r.error)}`);
  };

  return (
    <div className={styles.dateRow}>
      <Field
        className={styles.field}
        label="Отчётная дата (дата оценки цикла)"
        hint={
          date
            ? `Сейчас: ${formatDateRu(date)}. Этапы с плановым сроком раньше неё и без документа — просрочены.`
            : "Хранится в листе «Настройки МСОКО»; её же используют функция MSOKO.ЦИКЛ."
        }
        validationMessage={dateError ?? undefined}
        validationState={dateError ? "error" : "none"}
      >
        <Input
          type="date"
          value={dateValue}
          disabled={saving}
          onChange={(_, d) => void saveDate(d.value)}
          data-testid="report-date"
        />
      </Field>
      <Button onClick={reload} disabled={loading}>
        Обновить
      </Button>
    </div>
  );
}
