/**
 * A report as data — headings, paragraphs, lists, small tables and bar charts — so one builder
 * serves the .docx (src/cli/report/docx.ts) and the «Справка» sheet of the summary book
 * (sheet.ts). Pure; texts are finished Russian sentences with their numbers.
 */

export type Tone = "bad" | "warn" | "good" | "neutral";

export interface Bar {
  label: string;
  value: number;
  tone?: Tone;
}

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][] }
  /** Horizontal bars, one per label; `unit` follows each value («%», «балла»). */
  | { kind: "chart"; title: string; unit: string; bars: Bar[]; max?: number };

export interface ReportDoc {
  title: string;
  /** Under the title: municipality, year, date of the build. */
  subtitle: string;
  blocks: Block[];
}

/** Section titles of a report (for the table of contents and tests). */
export function headings(doc: ReportDoc, level?: 1 | 2): string[] {
  return doc.blocks.flatMap((b) => (b.kind === "heading" && (!level || b.level === level) ? [b.text] : []));
}

/** The report's text in reading order (what a reader sees; charts by their titles and values). */
export function plainText(doc: ReportDoc): string {
  const lines = [doc.title, doc.subtitle];
  for (const b of doc.blocks) {
    if (b.kind === "heading" || b.kind === "paragraph") lines.push(b.text);
    else if (b.kind === "bullets") lines.push(...b.items);
    else if (b.kind === "table") lines.push(b.columns.join(" | "), ...b.rows.map((r) => r.join(" | ")));
    else lines.push(b.title, ...b.bars.map((x) => `${x.label}: ${x.value}`));
  }
  return lines.join("\n");
}
