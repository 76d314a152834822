/**
 * Recalculation after a change that formulas cannot see. MSOKO.* custom functions read the
 * methodology profile and the reporting date from the pane's shared state, not from cells, and
 * they are not volatile: Excel recalculates them only when their arguments change, so after a
 * threshold changes on «Методика» or the date on «Цикл» their cells would keep old results. The
 * pane therefore asks the port to recalculate the whole workbook once per change and tells the
 * user, in Russian, what happened.
 */
import type { WorkbookPort } from "./port";

/** What changed: the methodology (a threshold, a weight) or the reporting date. */
export type RecalcReason = "methodology" | "reportDate";

const BY_NEW: Record<RecalcReason, string> = {
  methodology: "по новым значениям методики",
  reportDate: "на новую отчётную дату",
};

/** Ctrl+Alt+F9 recalculates every formula in Excel for Windows and on the web; the Mac has its own keys. */
const MANUAL = "нажмите Ctrl+Alt+F9 (на Mac — Cmd+Alt+F9 или кнопку «Пересчитать» на вкладке «Формулы»)";

/**
 * Asks the port to recalculate once and returns the Russian sentence for the status area. Never
 * throws: the change itself is already saved, so a failed recalculation becomes advice.
 */
export async function recalculateAfterChange(
  port: WorkbookPort,
  reason: RecalcReason,
): Promise<{ recalculated: boolean; message: string }> {
  const target = `ячейки с функциями МСОКО показывают результаты ${BY_NEW[reason]}`;
  if (!port.recalculate) {
    return {
      recalculated: false,
      message: `Книгу нужно пересчитать вручную, чтобы ${target.replace("показывают", "показали")}: ${MANUAL}.`,
    };
  }
  try {
    const r = await port.recalculate();
    if (r.recalculated) return { recalculated: true, message: `Книга пересчитана: ${target}.` };
    return {
      recalculated: false,
      message: `Эта версия Excel не позволяет надстройке пересчитать книгу. Чтобы ${target.replace("показывают", "показали")}, ${MANUAL}.`,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      recalculated: false,
      message: `Книгу пересчитать не удалось (${why.replace(/\.$/, "")}). Чтобы ${target.replace("показывают", "показали")}, ${MANUAL}.`,
    };
  }
}
