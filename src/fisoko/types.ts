/**
 * What the parsers of single sheets produce, before the import merges reports of several files
 * into the model's rows. Every row keeps its sheet row index so messages can point at it.
 */
import type { JournalComparison, MarkCounts, TaskCompletion, TaskLevel } from "../core/model";
import type { ReportKind, TestHeader } from "./header";
import type { HierarchyRow } from "./hierarchy";

export interface ReportBase {
  kind: ReportKind;
  file: string;
  sheet: string;
  header: TestHeader;
}

/** One hierarchy row of a report, with the 0-based sheet row and the A1 cell of its label. */
export interface Located {
  where: HierarchyRow;
  row: number;
  cell: string;
}

export interface MarksRow extends Located {
  participants: number;
  schools?: number;
  /** Counts of marks; for reference rows read from percentages they are N·p/100, unrounded. */
  marks: MarkCounts;
  /** Whether the export gave percentages (true) or counts (false). */
  fromPercent: boolean;
}

export interface MarksReport extends ReportBase {
  kind: "marks";
  rows: MarksRow[];
}

export interface JournalRow extends Located {
  journal: JournalComparison;
  /** The «Всего» count of the group. */
  total: number;
}

export interface JournalReport extends ReportBase {
  kind: "journal";
  rows: JournalRow[];
}

export interface DistributionRow extends Located {
  participants: number;
  /** Participants per raw score 0…max (N·p/100 unrounded for reference rows given in %). */
  distribution: number[];
  fromPercent: boolean;
}

export interface DistributionReport extends ReportBase {
  kind: "distribution";
  maxScore: number;
  rows: DistributionRow[];
}

export interface TaskColumn {
  number: string;
  max?: number;
  level?: TaskLevel;
}

export interface TaskRow extends Located {
  participants?: number;
  completion: TaskCompletion[];
}

export interface TasksReport extends ReportBase {
  kind: "tasks";
  tasks: TaskColumn[];
  rows: TaskRow[];
}

export interface IndividualParticipant {
  row: number;
  /** A1 of the participant's code cell. */
  cell: string;
  code: string;
  className: string;
  login?: string;
  score: number | null;
  mark: number | null;
  journalMark: number | null;
  taskPoints: (number | null)[];
}

export interface IndividualReport extends ReportBase {
  kind: "individual";
  tasks: TaskColumn[];
  participants: IndividualParticipant[];
  /** School named in the title block, when there is one. */
  school?: { login: string; name: string };
}

export type ParsedReport = MarksReport | JournalReport | DistributionReport | TasksReport | IndividualReport;
