/**
 * Where the pane writes a summary: into this book, unless the book is a school's form — a summary
 * written there would mix twelve municipal sheets into the school's form and make it look like a
 * municipal summary. Then a new book is opened (the preview writes into it; Excel opens it in its
 * own window, where the add-in is opened again), and the form stays as it was.
 */
import type { WorkbookPort } from "../../host/port";
import type { WorkbookRole } from "../workbook/role";

export type SummaryTarget =
  | { kind: "here"; port: WorkbookPort }
  | { kind: "new"; port: WorkbookPort }
  /** Excel opened an empty book in its own window: the user continues there. */
  | { kind: "window" };

export function summaryIntoNewBook(role: WorkbookRole | null): boolean {
  return role === "school";
}

export const NEW_BOOK_NOTE =
  "Эта книга — форма ОО: свод в неё не записывается, он строится в новой книге. Форма школы не изменится.";

export const WINDOW_NOTE =
  "Excel открыл новую пустую книгу в отдельном окне. Откройте в ней надстройку МСОКО, страницу «Свод», и выберите файлы форм ОО (эту форму тоже) — свод запишется туда.";

export async function summaryTarget(port: WorkbookPort, role: WorkbookRole | null): Promise<SummaryTarget> {
  if (!summaryIntoNewBook(role)) return { kind: "here", port };
  if (!port.openNewWorkbook)
    throw new Error(
      "Эта книга — форма ОО, а свод в неё не записывается. Создайте новую книгу (Файл → Создать), откройте в ней надстройку и постройте свод, выбрав файлы форм.",
    );
  const opened = await port.openNewWorkbook();
  return opened ? { kind: "new", port: opened } : { kind: "window" };
}
