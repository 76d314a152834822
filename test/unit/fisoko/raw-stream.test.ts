/**
 * Protocols imported one at a time (issue 23, a region's spring in one `msoko analyze`): the reader
 * hands each protocol to RawImporter as soon as it is read and keeps only its name, and the result
 * is importRaw's for the same files in the same order — a school's rows of a test given by an
 * earlier file win over a later file's, with the warning naming both files.
 */
import { describe, expect, it } from "vitest";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { importRaw, RawImporter, type FisokoFile } from "../../../src/fisoko";
import { addWorkbook, emptyInputs } from "../../../src/summary/inputs";
import { protocol2021Small, protocol2022Small } from "../../fixtures/fisoko/raw";

const PROFILE = applyOverrides([{ key: "scale|ВПР|2021|4|Математика", value: "20;6;10;15" }], DEFAULT_PROFILE).profile;

const A = "ВПР 2026 русский язык 4 класс.xlsx";
const B = "ВПР 2026 русский язык 4 класс (копия).xlsx";
const M = "протокол-ВПР-2021-математика-4.xlsx";

describe("regional protocols imported as they are read", () => {
  const inputs = emptyInputs();
  const importer = new RawImporter(PROFILE);
  const handed: string[] = [];
  for (const [name, sheets] of [
    [A, protocol2022Small()],
    [M, [protocol2021Small()]],
    [B, protocol2022Small()],
  ] as const)
    addWorkbook(inputs, name, [...sheets], undefined, undefined, {
      onRaw: (file) => {
        handed.push(`${file.name}: ${file.sheets.map((s) => s.name).join(", ")}`);
        importer.add(file);
      },
    });
  const streamed = importer.finish();
  const whole: FisokoFile[] = [
    { name: A, sheets: protocol2022Small() },
    { name: M, sheets: [protocol2021Small()] },
    { name: B, sheets: protocol2022Small() },
  ];

  it("hands each protocol over with its sheets, then keeps its name only", () => {
    expect(handed).toEqual([`${A}: Классы, Протокол`, `${M}: Лист1`, `${B}: Классы, Протокол`]);
    expect(inputs.raw.map((r) => [r.name, r.sheets.length])).toEqual([
      [A, 0],
      [M, 0],
      [B, 0],
    ]);
  });

  it("gives importRaw's result for the same files in the same order", () => {
    expect(streamed).toEqual(importRaw(whole, PROFILE));
  });

  it("the first file's rows of a test win; the copy's schools are skipped with a warning naming both files", () => {
    expect(streamed.ok).toBe(true);
    // 5 participants of the 2022 protocol (2 absent, 2 excluded) + 4 of the 2021 one (1 absent, 5 excluded); the copy adds none.
    expect(streamed.participants.map((p) => `${p.subject} ${p.code}`)).toEqual([
      "Русский язык 300001",
      "Русский язык 300002",
      "Русский язык 300003",
      "Русский язык 310001",
      "Русский язык 310003",
      "Математика 500001",
      "Математика 500002",
      "Математика 500003",
      "Математика 500103",
    ]);
    expect(streamed.findings.filter((f) => f.rule === "raw.twice").map((f) => f.message)).toEqual([
      `Файл «${B}», лист «Протокол»: результаты ОО edu223144 (ВПР 2026, Русский язык, 4 класс) уже импортированы из файла «${A}»; строки этого файла не учитываются.`,
      `Файл «${B}», лист «Протокол»: результаты ОО edu223200 (ВПР 2026, Русский язык, 4 класс) уже импортированы из файла «${A}»; строки этого файла не учитываются.`,
    ]);
    expect(streamed.reports.map((r) => [r.file, r.participants])).toEqual([
      [A, 5],
      [M, 4],
      [B, 5],
    ]);
  });
});

describe("a school whose only rows a file drops", () => {
  // Its two rows share a code, so both are dropped: the file gives the school no participant and
  // does not claim it — a later file's rows of the school are imported (as without the shortcut of
  // RawImporter.commit that takes a new protocol's schools at once).
  const withSchool = (codes: number[], others: boolean): FisokoFile["sheets"] => {
    const [classes, sheet] = protocol2022Small();
    const header = sheet.values[0];
    const model = sheet.values[6];
    const rows = codes.map((code) =>
      model.map((v) => (typeof v === "string" ? v.replace("223200", "223300") : v === 310001 ? code : v)),
    );
    return [classes, { ...sheet, values: [header, ...(others ? sheet.values.slice(1) : []), ...rows] }];
  };
  const importer = new RawImporter(PROFILE);
  importer.add({ name: A, sheets: withSchool([330001, 330001], true) });
  importer.add({ name: B, sheets: withSchool([330001], false) });
  const done = importer.finish();

  it("is taken from the later file, without a warning about it", () => {
    expect(done.participants.filter((p) => p.login === "edu223300").map((p) => [p.code, p.source])).toEqual([
      ["330001", B],
    ]);
    expect(done.findings.filter((f) => f.rule === "raw.twice" && f.message.includes("edu223300"))).toEqual([]);
    expect(done.participants).toHaveLength(6);
  });
});
