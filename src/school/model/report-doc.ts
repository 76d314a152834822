/**
 * The school's analytical report as a document (`msoko school-report … --docx`): each analysis
 * sheet a section — its tables with their conclusions (descriptions) and values in Russian
 * formats — then the findings for decisions. The same document model and .docx writer as the
 * municipal справка (src/summary/model/report/doc.ts, src/cli/report/docx.ts).
 */
import { countRu, formatNumberRu, formatPercentRu, formatPointsRu } from "../../core/values";
import type { Block, ReportDoc } from "../../summary/model/report/doc";
import type { CellData, Column } from "../../summary/model/table";
import type { SchoolAnalysisReport } from "./report";

/** A cell as a reader sees it: «68,5 %», «+1,2 п.п.», «3,54», «1 250». */
export function cellText(c: Column, v: CellData | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "да" : "нет";
  if (typeof v === "string") return v;
  switch (c.kind) {
    case "percent":
      return formatPercentRu(v);
    case "points":
      return formatPointsRu(v);
    case "integer":
      return formatNumberRu(v, 0);
    case "number":
    case "mark":
      return formatNumberRu(v, 2);
    case "score":
      return formatNumberRu(v, 1);
    default:
      return String(v);
  }
}

/** Rows of one table in the document; the book holds them all. */
const MAX_ROWS = 40;
/** Participants' rows (codes) stay in the book: a document is read, not filtered. */
const BOOK_ONLY = new Set(["school_individual"]);

export function schoolReportDoc(built: SchoolAnalysisReport, school: string, year: number): ReportDoc {
  const blocks: Block[] = [];
  let n = 0;
  for (const sheet of built.sheets) {
    if (BOOK_ONLY.has(sheet.id) || !sheet.tables.some((t) => t.rows.length)) continue;
    blocks.push({ kind: "heading", level: 1, text: `${++n}. ${sheet.name.replace(/^Анализ ОО — /, "")}` });
    if (sheet.description) blocks.push({ kind: "paragraph", text: sheet.description });
    for (const t of sheet.tables) {
      if (!t.rows.length) continue;
      blocks.push({ kind: "heading", level: 2, text: t.title });
      if (t.description) blocks.push({ kind: "paragraph", text: t.description });
      const rows = t.rows.slice(0, MAX_ROWS);
      blocks.push({
        kind: "table",
        columns: t.columns.map((c) => c.header),
        rows: [...rows, ...(t.total ? [t.total] : [])].map((r) => t.columns.map((c) => cellText(c, r[c.id]))),
      });
      if (t.rows.length > rows.length)
        blocks.push({
          kind: "paragraph",
          text: `Показаны первые ${rows.length} строк из ${formatNumberRu(t.rows.length, 0)}; полностью — на листе «${sheet.name}» книги анализа.`,
        });
    }
  }
  blocks.push({ kind: "heading", level: 1, text: `${++n}. Выводы для управленческих решений` });
  blocks.push(
    built.findings.length
      ? { kind: "bullets", items: built.findings.map((f) => f.text) }
      : { kind: "paragraph", text: "Проблем, требующих решений, анализ не выявил." },
  );
  const tests = built.tests.map((t) => `${t.procedure} ${t.year}, ${t.grade} класс, ${t.subject}`);
  return {
    title: `Аналитический отчёт ОО по результатам оценочных процедур: ${school}`,
    subtitle: `${year} год; ${countRu(tests.length, ["работа", "работы", "работ"])}: ${tests.join("; ")}. Методика ${built.profileVersion}.`,
    blocks,
  };
}
