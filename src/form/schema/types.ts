/**
 * The vocabulary of the form's schema: what a sheet and a column declare. One declaration
 * (see sheets.ts) drives the template, the column locator, validation, parsing and the docs, so
 * every property here is read by at least two of them.
 */

export type ColumnType = "text" | "integer" | "number" | "percent" | "date" | "enum" | "code" | "year";

/** Column letters of the template layout, for building a computed column's formula. */
export type ColumnLetterOf = (id: string) => string;

export interface ColumnSpec {
  /** Stable id: the key in parsed rows (and in DirectionRow.values for directions 3–8). */
  id: string;
  /** Russian header as the template writes it. */
  header: string;
  /** Other spellings met in school workbooks; matched after normaliseKey. */
  aliases?: readonly string[];
  type: ColumnType;
  /** Unit shown in the docs and the instruction ("чел.", "%", "балл"). */
  unit?: string;
  /** Allowed values of an enum column, as the dropdown lists them. */
  values?: readonly string[];
  /** Further spellings of enum values: normalised spelling → canonical value. */
  valueAliases?: Readonly<Record<string, string>>;
  /** The column must exist on the sheet, and every data row must fill it. */
  required?: boolean;
  min?: number;
  max?: number;
  /** «н/а» and «отс» are accepted (read as blank): marks of absent or non-attested pupils. */
  allowAbsent?: boolean;
  /** Russian help: shown in the instruction, the docs and the cell's input prompt. */
  help: string;
  /** Column width in characters. */
  width?: number;
  /**
   * A computed column: the native Excel formula (en-US syntax, without the leading "=") for the
   * template row `row` (1-based), given the template's column letters. Computed columns are
   * never read as input.
   */
  formula?: (col: ColumnLetterOf, row: number) => string;
  /** Number format of the column's cells in Excel's en-US notation. */
  numberFormat?: string;
}

/** A family of numbered columns (З1…Зn): one spec, any count. */
export interface RepeatedColumnSpec {
  id: string;
  /** Header of the n-th column (1-based). */
  header: (n: number) => string;
  /** Recognises a header (already normalised); returns n or null. */
  match: (normalisedHeader: string) => number | null;
  type: ColumnType;
  min?: number;
  help: string;
  width?: number;
  /** How many columns the empty template offers. */
  templateCount: number;
}

/** A labelled field of a key/value block (the passport): its label is the `header`; aliases match alternative labels. */
export type FieldSpec = Omit<ColumnSpec, "formula">;

export interface SheetSchema {
  /** Stable id ("results", "olympiads", …). */
  id: string;
  /** Russian sheet name (≤ 31 characters). */
  name: string;
  /** Other sheet names accepted on reading. */
  aliases?: readonly string[];
  /** The form is invalid without this sheet. */
  required: boolean;
  /** One Russian sentence: what the sheet collects. */
  purpose: string;
  /** Key/value fields above the table (the passport). */
  fields?: readonly FieldSpec[];
  /** Title written above the table when the sheet also has fields. */
  tableTitle?: string;
  /** Columns of the sheet's table, in template order. */
  columns: readonly ColumnSpec[];
  /** Numbered columns after the fixed ones (task points of «Участники»). */
  repeated?: RepeatedColumnSpec;
  /** Ids of the columns whose values identify a row (duplicates are reported). */
  key?: readonly string[];
  /** Empty input rows the template prepares (with formulas and dropdowns). */
  templateRows: number;
  /** Tab colour of the sheet. */
  tabColor?: string;
  /** Direction of the methodology this sheet feeds (§7), for the docs. */
  direction?: number;
  /** Column id whose text becomes DirectionRow.label. */
  labelColumn?: string;
}
