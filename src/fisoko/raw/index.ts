/** Public surface of the regional protocols' import (raw results of a whole procedure). */
export {
  importRaw,
  looksLikeRawResults,
  RAW_HEAD_ROWS,
  RawImporter,
  type RawSheetImport,
  type RawImport,
  type RawOptions,
  type RawReport,
} from "./import";
export {
  withRawSchools,
  groupRawSchools,
  describeGroups,
  typeOfName,
  locationOfName,
  type RawLevel,
  type RawSchools,
} from "./schools";
export { markOf, describeScaleKey, type RawSchool } from "./rows";
export { RawParticipant, ParticipantTable, type ParticipantRange } from "./table";
export { testOfText, describeTest, type RawTest } from "./test";
export { LAYOUT_LABELS, type RawLayout } from "./columns";
