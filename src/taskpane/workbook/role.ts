/**
 * What kind of workbook the pane is looking at (src/form/book-kind.ts decides it from sheet names);
 * the header shows the role and pages adapt their empty states to it.
 */
import type { WorkbookRole } from "../../form/book-kind";

export {
  detectRole,
  hasSheet,
  MUNICIPAL_SUMMARY_SHEET,
  SCHOOL_FORM_SHEET,
  type WorkbookRole,
} from "../../form/book-kind";

export const ROLE_LABELS: Record<WorkbookRole, string> = {
  school: "форма ОО",
  municipal: "муниципальный свод",
  other: "другая книга",
};
