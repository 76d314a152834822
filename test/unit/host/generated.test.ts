import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import {
  GenerationAbortedError,
  MARKER_PREFIX,
  findGeneratedSheets,
  markerText,
  numberedName,
  writeGeneratedSheets,
  type GeneratedSheetSpec,
} from "../../../src/host/generated";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { Grid, WorkbookPort, WriteBatch } from "../../../src/host/port";
import { SETTINGS_SHEET, readSettings } from "../../../src/host/settings";

const NOW = new Date(2026, 10, 22, 10, 15);

function summary(name: string, rows: Grid, kind = "summary.schools"): GeneratedSheetSpec {
  return {
    name,
    kind,
    batch: (sheet) => [
      { op: "values", sheet, address: "A1", values: [[`${name}: заголовок`]] },
      { op: "values", sheet, address: "A3", values: rows },
      { op: "format", sheet, address: "A3:B3", format: { bold: true } },
    ],
  };
}

async function state(port: WorkbookPort): Promise<unknown> {
  const sheets = await port.listSheets();
  const reads = await port.readSheets(
    sheets.map((s) => s.name),
    { formulas: true },
  );
  return { sheets, reads };
}

const makers: [string, (g: Record<string, Grid>) => Promise<WorkbookPort>][] = [
  ["memory", async (g) => MemoryWorkbook.fromGrids(g)],
  [
    "xlsx",
    async (g) => {
      const wb = XlsxWorkbook.create();
      for (const [name, grid] of Object.entries(g)) {
        await wb.write({
          ops: [
            { op: "addSheet", name },
            ...(grid.length ? [{ op: "values" as const, sheet: name, address: "A1", values: grid }] : []),
          ],
        });
      }
      return wb;
    },
  ],
];

describe("marker and names", () => {
  it("writes the marker with date and profile version", () => {
    expect(markerText({ date: NOW, profileVersion: "msoko-2026.1" })).toBe(
      `${MARKER_PREFIX} 22.11.2026 10:15, профиль методики msoko-2026.1. Лист пересоздаётся при каждом построении: свои записи ведите на других листах.`,
    );
  });
  it("numbers names within 31 characters", () => {
    expect(numberedName("Свод по ОО", 2)).toBe("Свод по ОО (2)");
    expect(numberedName("Я".repeat(31), 12)).toBe("Я".repeat(26) + " (12)");
  });
});

for (const [label, make] of makers) {
  describe(`writeGeneratedSheets (${label})`, () => {
    it("creates, then replaces its own sheets on a second run, leaving user sheets intact", async () => {
      const port = await make({ Данные: [["мои", "записи"]], Заметки: [["не трогать"]] });
      const first = await writeGeneratedSheets(
        port,
        [
          summary("Свод по ОО", [
            ["Школа", "Доля"],
            ["№1", 50],
          ]),
          summary("Риски", [["Школа", "Риск"]], "risk"),
        ],
        {
          now: NOW,
          profileVersion: "msoko-2026.1",
          files: ["школа1.xlsx", "школа2.xlsx"],
        },
      );
      expect(first.sheets).toEqual([
        { wanted: "Свод по ОО", written: "Свод по ОО", kind: "summary.schools", replaced: false },
        { wanted: "Риски", written: "Риски", kind: "risk", replaced: false },
      ]);
      expect(first.notices).toEqual([]);
      const names1 = (await port.listSheets()).map((s) => s.name);
      expect(names1).toEqual(["Данные", "Заметки", "Свод по ОО", "Риски", SETTINGS_SHEET]);
      const [sv] = await port.readSheets(["Свод по ОО"]);
      expect(sv.values[1][0]).toMatch(new RegExp(`^${MARKER_PREFIX} 22.11.2026 10:15`));
      expect(sv.values[3]).toEqual(["№1", 50]);

      const second = await writeGeneratedSheets(
        port,
        [
          summary("Свод по ОО", [
            ["Школа", "Доля"],
            ["№1", 60],
            ["№2", 70],
          ]),
          summary("Риски", [["Школа", "Риск"]], "risk"),
        ],
        { now: NOW, profileVersion: "msoko-2026.1+1" },
      );
      expect(second.sheets.map((s) => [s.written, s.replaced])).toEqual([
        ["Свод по ОО", true],
        ["Риски", true],
      ]);
      expect((await port.listSheets()).map((s) => s.name)).toEqual(names1);
      const [sv2, data, notes] = await port.readSheets(["Свод по ОО", "Данные", "Заметки"]);
      expect(sv2.values.slice(3)).toEqual([
        ["№1", 60],
        ["№2", 70],
      ]);
      expect(data.values).toEqual([["мои", "записи"]]);
      expect(notes.values).toEqual([["не трогать"]]);
      const settings = await readSettings(port);
      expect(settings.map.get("generated|Свод по ОО")?.value).toBe("summary.schools");
      expect(settings.map.get("run.profile")?.value).toBe("msoko-2026.1+1");
      expect(settings.map.get("run.files")?.value).toBeNull();
      expect([...(await findGeneratedSheets(port)).values()].map((g) => g.name)).toEqual(["Свод по ОО", "Риски"]);
    });

    it("never touches a user's sheet with the wanted name, even one listed in the registry without the marker", async () => {
      const port = await make({ "Свод по ОО": [["Моя таблица"], ["без маркера"]] });
      const r1 = await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"]])], { now: NOW });
      expect(r1.sheets[0].written).toBe("Свод по ОО (2)");
      expect(r1.notices).toEqual([
        "Лист «Свод по ОО» создан не надстройкой, поэтому он не изменён; результат записан на лист «Свод по ОО (2)».",
      ]);
      // A second run replaces our "(2)", not the user's sheet, and does not make a "(3)".
      const r2 = await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"], ["№5"]])], { now: NOW });
      expect(r2.sheets[0]).toMatchObject({ written: "Свод по ОО (2)", replaced: true });
      const [user] = await port.readSheets(["Свод по ОО"]);
      expect(user.values).toEqual([["Моя таблица"], ["без маркера"]]);
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Свод по ОО", "Свод по ОО (2)", SETTINGS_SHEET]);
      // Even a forged registry entry does not make the user's sheet replaceable.
      await port.write({
        ops: [
          {
            op: "values",
            sheet: SETTINGS_SHEET,
            address: "A10",
            values: [["generated|Свод по ОО", "summary.schools"]],
          },
        ],
      });
      await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"]])], { now: NOW });
      const [still] = await port.readSheets(["Свод по ОО"]);
      expect(still.values).toEqual([["Моя таблица"], ["без маркера"]]);
    });

    it("leaves the workbook unchanged when cancelled midway", async () => {
      const port = await make({ Данные: [["x"]] });
      await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"], ["№1"]])], { now: NOW });
      const before = await state(port);
      const ctrl = new AbortController();
      const run = writeGeneratedSheets(
        port,
        [summary("Свод по ОО", [["новое"]]), summary("Риски", [["новое"]]), summary("Кластеры", [["новое"]])],
        {
          now: NOW,
          signal: ctrl.signal,
          onProgress: (done) => {
            if (done === 2) ctrl.abort();
          },
        },
      );
      await expect(run).rejects.toBeInstanceOf(GenerationAbortedError);
      expect(await state(port)).toEqual(before);
    });

    it("leaves the workbook unchanged when a sheet's batch fails", async () => {
      const port = await make({ Данные: [["x"]] });
      await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"]])], { now: NOW });
      const before = await state(port);
      const broken: GeneratedSheetSpec = {
        name: "Риски",
        kind: "risk",
        batch: (sheet) => [{ op: "values", sheet, address: "A3", values: [[Number.NaN]] }],
      };
      await expect(
        writeGeneratedSheets(port, [summary("Свод по ОО", [["новое"]]), broken], { now: NOW }),
      ).rejects.toThrow(/конечное число/);
      expect(await state(port)).toEqual(before);
    });

    it("removes a settings sheet it created when the final swap fails", async () => {
      const inner = await make({ Данные: [["x"]] });
      const before = await state(inner);
      const failing: WorkbookPort = Object.create(inner, {
        write: {
          value: async (b: WriteBatch) => {
            if (b.ops.some((o) => o.op === "renameSheet")) throw new Error("Excel недоступен");
            return inner.write(b);
          },
        },
      });
      await expect(writeGeneratedSheets(failing, [summary("Свод по ОО", [["новое"]])], { now: NOW })).rejects.toThrow(
        /Excel недоступен/,
      );
      expect(await state(inner)).toEqual(before);
    });

    it("leaves the workbook unchanged when the final swap fails", async () => {
      const inner = await make({ Данные: [["x"]] });
      await writeGeneratedSheets(inner, [summary("Свод по ОО", [["Школа"]])], { now: NOW });
      const before = await state(inner);
      const failing: WorkbookPort = Object.create(inner, {
        write: {
          value: async (b: WriteBatch) => {
            if (b.ops.some((o) => o.op === "renameSheet")) throw new Error("Excel недоступен");
            return inner.write(b);
          },
        },
      });
      await expect(writeGeneratedSheets(failing, [summary("Свод по ОО", [["новое"]])], { now: NOW })).rejects.toThrow(
        /Excel недоступен/,
      );
      expect(await state(inner)).toEqual(before);
    });

    it("removes temporaries an interrupted run left behind, but not a user's sheet of that name", async () => {
      const port = await make({
        Данные: [["x"]],
        "~МСОКО 1": [["Заголовок"], [`${MARKER_PREFIX} 01.01.2026 00:00`]],
        "~МСОКО 2": [["мой лист"]],
      });
      await writeGeneratedSheets(port, [summary("Свод по ОО", [["Школа"]])], { now: NOW });
      expect((await port.listSheets()).map((s) => s.name)).toEqual([
        "Данные",
        "~МСОКО 2",
        "Свод по ОО",
        SETTINGS_SHEET,
      ]);
    });

    it("writes file text that looks like a formula as text", async () => {
      const port = await make({ Данные: [] });
      const evil = ['=HYPERLINK("http://evil","жми")', "+1+2", "-2+3", "@SUM(A1)", "\t=1"];
      await writeGeneratedSheets(
        port,
        [
          summary(
            "Свод по ОО",
            evil.map((e) => ["Школа", e]),
          ),
        ],
        { now: NOW },
      );
      const [r] = await port.readSheets(["Свод по ОО"], { formulas: true });
      expect(r.values.slice(2).map((row) => row[1])).toEqual(evil);
      expect(r.formulas!.slice(2).map((row) => row[1])).toEqual(evil);
    });

    it("refuses bad or duplicate wanted names before touching the workbook", async () => {
      const port = await make({ Данные: [] });
      await expect(writeGeneratedSheets(port, [summary("Свод/ОО", [])], { now: NOW })).rejects.toThrow(
        /недопустимый символ/,
      );
      await expect(
        writeGeneratedSheets(port, [summary("Свод", [["a"]]), summary("СВОД", [["b"]])], { now: NOW }),
      ).rejects.toThrow(/дважды/);
      expect((await port.listSheets()).map((s) => s.name)).toEqual(["Данные"]);
    });
  });
}
