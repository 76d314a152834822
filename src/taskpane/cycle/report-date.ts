/**
 * Saving the workbook's reporting date from «Цикл»: the date goes to the settings sheet, the
 * custom functions get it (MSOKO.ЦИКЛ counts overdue steps against it), and the workbook is
 * recalculated once — the functions are not volatile, so their cells would otherwise keep the
 * statuses computed for the old date. Returns the Russian status sentence.
 */
import { formatDateRu } from "../../core/cycle";
import { setReportingDate } from "../../functions/cycle";
import type { WorkbookPort } from "../../host/port";
import { recalculateAfterChange } from "../../host/recalc";
import { SETTING_KEYS, writeSetting } from "../../host/settings";

/** `iso` is a checked «ГГГГ-ММ-ДД» date. Throws if the settings sheet cannot be written. */
export async function saveReportDate(port: WorkbookPort, iso: string): Promise<{ status: string }> {
  await writeSetting(port, SETTING_KEYS.reportDate, iso);
  setReportingDate(iso);
  const recalc = await recalculateAfterChange(port, "reportDate");
  return { status: `Отчётная дата ${formatDateRu(iso)} записана в лист «Настройки МСОКО». ${recalc.message}` };
}
