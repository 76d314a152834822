/** «Содержание»: the summary's sheets with a one-line description and an internal link each. */
import type { CellData, Table } from "./table";

export interface TocEntry {
  sheet: string;
  description: string;
}

export function tocTable(entries: readonly TocEntry[], runNote: string): Table {
  const rows: Record<string, CellData>[] = entries.map((e, i) => ({
    n: i + 1,
    sheet: e.sheet,
    description: e.description,
    link: "Перейти",
  }));
  return {
    id: "toc",
    title: "Свод по муниципалитету: содержание",
    description: runNote,
    columns: [
      { id: "n", header: "№", kind: "integer", width: 5 },
      { id: "sheet", header: "Лист", kind: "text", width: 28 },
      { id: "description", header: "Что на листе", kind: "text", width: 80 },
      // Links only to the summary's own sheets (never to anything taken from school files).
      {
        id: "link",
        header: "Ссылка",
        kind: "text",
        width: 10,
        formula: 'HYPERLINK("#"&"\'"&SUBSTITUTE({sheet},"\'","\'\'")&"\'!A1","Перейти")',
      },
    ],
    rows,
  };
}
