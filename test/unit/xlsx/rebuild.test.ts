import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadForRebuild, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { findGeneratedSheets, writeGeneratedSheets } from "../../../src/host/generated";
import { writeSettings } from "../../../src/host/settings";
import type { Grid } from "../../../src/host/port";

const dir = mkdtempSync(join(tmpdir(), "msoko-rebuild-"));

const rows = (n: number, label: string): Grid => Array.from({ length: n }, (_, i) => [`${label} ${i + 1}`, i + 1]);

/** A book with one generated sheet (500 rows), a user's sheet (500 rows) and a user's sheet the registry names but that has no marker. */
async function book(): Promise<string> {
  const wb = XlsxWorkbook.create("книга.xlsx");
  await wb.write({
    ops: [
      { op: "addSheet", name: "Мои данные" },
      { op: "values", sheet: "Мои данные", address: "A1", values: rows(500, "мои") },
    ],
  });
  await writeGeneratedSheets(
    wb,
    [
      {
        name: "Свод по ОО",
        kind: "summary.schools",
        batch: (s) => [
          { op: "values", sheet: s, address: "A1", values: [["Свод по ОО"]] },
          { op: "values", sheet: s, address: "A3", values: rows(500, "свод") },
        ],
      },
    ],
    { profileVersion: "test" },
  );
  // A sheet of the user's that the registry lists (say, the user deleted a generated sheet and made their own under its name).
  await wb.write({
    ops: [
      { op: "addSheet", name: "Объективность" },
      { op: "values", sheet: "Объективность", address: "A1", values: rows(500, "свои") },
    ],
  });
  await writeSettings(wb, [{ key: "generated|Объективность", value: "summary.objectivity" }]);
  const path = join(dir, `книга-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.save(path);
  return path;
}

describe("loadForRebuild", () => {
  it("loads generated sheets with only their title and marker rows, and the user's sheets whole", async () => {
    const path = await book();
    const full = await XlsxWorkbook.load(path);
    const light = await loadForRebuild(path);
    const rowCount = (wb: XlsxWorkbook, name: string) => wb.workbook.getWorksheet(name)!.actualRowCount;
    expect(rowCount(full, "Свод по ОО")).toBe(502);
    expect(rowCount(light, "Свод по ОО")).toBe(2);
    expect(rowCount(light, "Мои данные")).toBe(500);
    // Listed in the registry but without the marker: the user's, so loaded whole.
    expect(rowCount(light, "Объективность")).toBe(500);
    expect([...(await findGeneratedSheets(light)).values()].map((g) => g.name)).toEqual(["Свод по ОО"]);
    expect(await light.listSheets()).toEqual(await full.listSheets());
  });

  it("a rebuild from the light book replaces the generated sheet and keeps every user's cell", async () => {
    const path = await book();
    const light = await loadForRebuild(path);
    await writeGeneratedSheets(
      light,
      [
        {
          name: "Свод по ОО",
          kind: "summary.schools",
          batch: (s) => [{ op: "values", sheet: s, address: "A3", values: rows(3, "новый") }],
        },
      ],
      { profileVersion: "test" },
    );
    await light.save(path);
    const back = await XlsxWorkbook.load(path);
    const values = async (name: string) => (await back.readSheets([name]))[0].values;
    expect((await values("Свод по ОО")).slice(2)).toEqual(rows(3, "новый"));
    expect(await values("Мои данные")).toEqual(rows(500, "мои"));
    expect(await values("Объективность")).toEqual(rows(500, "свои"));
  });

  it("loads a book without the add-in's settings as it is", async () => {
    const wb = XlsxWorkbook.create("чужая.xlsx");
    await wb.write({
      ops: [
        { op: "addSheet", name: "Лист1" },
        { op: "values", sheet: "Лист1", address: "A1", values: rows(10, "x") },
      ],
    });
    const path = join(dir, "чужая.xlsx");
    await wb.save(path);
    expect((await loadForRebuild(path)).workbook.getWorksheet("Лист1")!.actualRowCount).toBe(10);
  });
});
