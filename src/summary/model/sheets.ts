/**
 * The summary as a document: named sheets, each with tables stacked top to bottom and charts
 * over some of them. Pure data; src/summary/ renders it through the workbook port.
 */
import type { Table } from "./table";

export type ChartKind = "columnClustered" | "barClustered" | "line" | "pie" | "barStacked100";

export interface SheetChart {
  /** Index of the table on the sheet whose data the chart shows. */
  table: number;
  type: ChartKind;
  title: string;
  /** "#RRGGBB": a pie's slices in row order, other charts' series in column order (semantic colours). */
  colors?: string[];
}

export interface SummarySheet {
  /** Stable id ("byschool", "results", …) used to name Excel tables. */
  id: string;
  name: string;
  /** One line for the table of contents. */
  description: string;
  tables: Table[];
  charts?: SheetChart[];
  /** Columns to keep visible when scrolling right (besides the header row). */
  freezeColumns?: number;
  /**
   * Index of the first table of the sheet's print area: it and the tables under it print (printed
   * excerpts of long data tables, print-excerpt.ts); absent: the whole sheet prints.
   */
  printTable?: number;
}
