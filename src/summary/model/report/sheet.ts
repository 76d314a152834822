/**
 * The справка as the summary book's «Справка» sheet (the pane has no .docx): one row per paragraph
 * or list item, the section in the first column, so it wraps, prints and filters like the other
 * sheets. Charts become a line of their values (the «Диаграммы» sheet draws them).
 */
import { formatNumberRu } from "../../../core/values";
import type { CellData, Table } from "../table";
import type { ReportDoc } from "./doc";

export function reportTable(doc: ReportDoc): Table {
  const rows: Record<string, CellData>[] = [];
  let section = "";
  let first = true;
  const push = (t: string) => {
    rows.push({ section: first ? section : "", text: t });
    first = false;
  };
  for (const b of doc.blocks) {
    if (b.kind === "heading" && b.level === 1) {
      section = b.text;
      first = true;
    } else if (b.kind === "heading") push(b.text.toLocaleUpperCase("ru"));
    else if (b.kind === "paragraph") push(b.text);
    else if (b.kind === "bullets") b.items.forEach((i) => push(`• ${i}`));
    else if (b.kind === "table") b.rows.forEach((r) => push(r.join(" · ")));
    else
      push(
        `${b.title}: ${b.bars.map((x) => `${x.label} — ${formatNumberRu(x.value, 1)}${b.unit && b.unit !== "ОО" ? ` ${b.unit}` : ""}`).join("; ")}.`,
      );
  }
  return {
    id: "report",
    title: doc.title,
    description: doc.subtitle,
    columns: [
      { id: "section", header: "Раздел", kind: "text", width: 24 },
      { id: "text", header: "Текст справки", kind: "text", width: 110 },
    ],
    rows,
  };
}
