/** The CLI's .xlsx adapter: reading files into grids and the exceljs workbook port. */
export {
  readXlsxFile,
  readXlsxBuffer,
  loadXlsxFile,
  loadXlsxBuffer,
  plainValue,
  drawingSheetsOfFile,
  DEFAULT_MAX_CELLS,
  type ReadXlsxOptions,
} from "./read";
export { XlsxWorkbook, XLSX_CAPABILITIES } from "./workbook";
export { checkXlsxPackage, DEFAULT_MAX_BYTES, defaultLimits, type ZipLimits } from "./zipguard";
export { loadForRebuild } from "./rebuild";
