/**
 * `msoko analyze` reads a regional protocol's rows straight from the sheet's XML into the importer
 * (loadInputs with `rawStream`, issue 23). Whatever the files, the inputs and the import must be
 * those of the whole-grid path: protocols of both layouts stream; a protocol whose rows are out of
 * order, exports, forms, broken files and a book over the limits go the usual way, with the same
 * messages.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInputs } from "../../../src/cli/inputs";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { RawImporter } from "../../../src/fisoko";
import { defaultBookLimits, type BookLimits } from "../../../src/xlsx/read/budget";
import { XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";
import { workbook } from "../../fixtures/malicious/generate";

const PROFILE = applyOverrides([{ key: "scale|ВПР|2021|4|Математика", value: "20;6;10;15" }], DEFAULT_PROFILE).profile;
const dir = mkdtempSync(join(tmpdir(), "inputs-stream-"));
const FORMS = join(XLSX_DIR, "..", "..", "forms");

const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;
const TITLE = `<row r="1">${str("A1", "Проведение работы по математике, 4 класс. ВПР 2021")}</row>`;
const HEADER = `<row r="2">${["логин школы", "код обучающегося", "всего баллов", "балл за 1", "балл за 2"].map((t, c) => str(`${"ABCDE"[c]}2`, t)).join("")}</row>`;
const pupil = (r: number, code: number, a: number, b: number) =>
  `<row r="${r}">${str(`A${r}`, "sch203400")}${num(`B${r}`, code)}${num(`C${r}`, a + b)}${num(`D${r}`, a)}${num(`E${r}`, b)}</row>`;
const PUPILS = [pupil(3, 500001, 1, 2), pupil(4, 500002, 0, 1), pupil(5, 500003, 2, 2), pupil(6, 500004, 1, 1)];

function write(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, workbook([{ name: "Лист1", body }]));
  return path;
}

const ORDERED = write("ВПР 2021 математика 4 класс (по порядку).xlsx", TITLE + HEADER + PUPILS.join(""));
// Rows 3, 5, 4, 6: the stream refuses them and the file is read whole.
const SCATTERED = write(
  "ВПР 2021 математика 4 класс (вразброс).xlsx",
  TITLE + HEADER + [PUPILS[0], PUPILS[2], PUPILS[1], PUPILS[3]].join(""),
);
const FILES = [
  join(XLSX_DIR, "протокол-ВПР-2021-математика-4.xlsx"),
  join(XLSX_DIR, "ВПР 2026 русский язык 4 класс (протокол).xlsx"),
  ORDERED,
  SCATTERED,
  join(XLSX_DIR, "ВПР-2023-математика-5-sch420101.xlsx"),
  join(XLSX_DIR, "оборванная-выгрузка.xlsx"),
  join(FORMS, "merged-header.xlsx"),
  join(FORMS, "not-a-workbook.xlsx"),
];

/** The inputs and the import both ways; which files were streamed and which went to onRaw. */
async function bothWays(files: string[], limits?: BookLimits) {
  const streamer = new RawImporter(PROFILE);
  const streamed: string[] = [];
  const handed: string[] = [];
  const viaStream = await loadInputs(files, undefined, limits, undefined, {
    rawStream: { importer: streamer, read: (file) => streamed.push(file) },
    onRaw: (file) => {
      handed.push(file.name);
      streamer.add(file);
    },
  });
  const whole = new RawImporter(PROFILE);
  const viaGrids = await loadInputs(files, undefined, limits, undefined, { onRaw: (file) => whole.add(file) });
  return { viaStream, viaGrids, streamed, handed, imported: [streamer.finish(), whole.finish()] };
}

describe("loadInputs with rawStream", () => {
  it("gives the inputs and the import of the whole-grid path", async () => {
    const { viaStream, viaGrids, streamed, handed, imported } = await bothWays(FILES);
    expect(streamed).toEqual([
      "протокол-ВПР-2021-математика-4.xlsx",
      "ВПР 2026 русский язык 4 класс (протокол).xlsx",
      "ВПР 2021 математика 4 класс (по порядку).xlsx",
    ]);
    expect(handed).toEqual(["ВПР 2021 математика 4 класс (вразброс).xlsx"]);
    expect(viaStream).toEqual(viaGrids);
    expect(viaStream.raw.map((r) => [r.name, r.sheets.length])).toEqual([
      ["протокол-ВПР-2021-математика-4.xlsx", 0],
      ["ВПР 2026 русский язык 4 класс (протокол).xlsx", 0],
      ["ВПР 2021 математика 4 класс (по порядку).xlsx", 0],
      ["ВПР 2021 математика 4 класс (вразброс).xlsx", 0],
    ]);
    expect(viaStream.exports.map((e) => e.name)).toEqual([
      "ВПР-2023-математика-5-sch420101.xlsx",
      "оборванная-выгрузка.xlsx",
    ]);
    const [fromStream, fromGrids] = imported;
    expect(fromStream).toEqual(fromGrids);
    // The two hand-built protocols give the same four pupils; the later file's rows are not taken twice.
    const byFile = (file: string) =>
      fromStream.participants.filter((p) => p.source === file).map((p) => [p.code, p.score, p.ref?.cell]);
    expect(byFile("ВПР 2021 математика 4 класс (по порядку).xlsx")).toEqual([
      ["500001", 3, "B3"],
      ["500002", 1, "B4"],
      ["500003", 4, "B5"],
      ["500004", 2, "B6"],
    ]);
    expect(fromStream.findings.filter((f) => f.rule === "raw.twice").map((f) => f.file)).toEqual([
      "ВПР 2021 математика 4 класс (вразброс).xlsx",
    ]);
  });

  it("a protocol over the book's limits is refused with the usual message", async () => {
    const limits = { ...defaultBookLimits(), maxBookCells: 20 };
    const { viaStream, viaGrids, streamed } = await bothWays([ORDERED], limits);
    expect(streamed).toEqual([]);
    expect(viaStream).toEqual(viaGrids);
    expect(viaStream.forms.map((f) => f.findings[0]?.message)).toEqual([
      expect.stringContaining("допускается не больше 20 ячеек на книгу"),
    ]);
  });
});
