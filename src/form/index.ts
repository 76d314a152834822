/**
 * The school's standard form: schema, column locator, template and filling, validation, parsing
 * and the pane/CLI actions, in one import.
 */
export * from "./schema";
export { RULES, type RuleId } from "./rules";
export { readForm, type FormRead, type TableRead, type TypedRow } from "./read";
export { validateForm, validateRead, sortFindings } from "./validate";
export { parseForm, buildReport } from "./parse";
export {
  templateOps,
  fillForm,
  instructionOps,
  sheetLayout,
  passportLayout,
  templateSheetNames,
  HEADER_FILL,
  INPUT_FILL,
  COMPUTED_FILL,
} from "./template";
export { createForm, validateWorkbook } from "./actions";
export { formDocsMarkdown } from "./docs";
