/**
 * Issue 22: the whole-book limits and the limits of `msoko calc` arguments are settings of the
 * methodology profile (section «Ограничения», [DEFAULT]), so a municipality can raise them with
 * `--set`, but never past the hard caps declared with them (src/core/profile/params.ts says why).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { book } from "../../fixtures/hostile2/generate";
import { applyOverrides, DEFAULT_PROFILE, PARAMS } from "../../../src/core/profile";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { loadInputs } from "../../../src/cli/inputs";
import type { Finding } from "../../../src/core/model";
import { coerceCell } from "../../../src/form/cells";
import type { ColumnSpec } from "../../../src/form/schema/types";
import { readChosenFiles } from "../../../src/taskpane/files/readChosen";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { bookLimits, defaultBookLimits } from "../../../src/xlsx/read/budget";

const MB = 1024 * 1024;
const KEYS = [
  "limits.bookCells",
  "limits.mergedCells",
  "limits.inflatedMb",
  "limits.stringMb",
  "limits.textLength",
  "limits.jsonDepth",
  "limits.jsonKb",
] as const;

/** One sheet claiming A1:B100000 (200 000 cells) with two cells in it. */
const claimed = book({
  sheets: [{ name: "Лист1", head: `<dimension ref="A1:B100000"/>`, body: `<row r="1"><c r="A1"><v>1</v></c></row>` }],
});

describe("limits as profile settings", () => {
  it("live in section «Ограничения» with provenance [DEFAULT], a rule and a hard cap above the default", () => {
    for (const k of KEYS) {
      const p = PARAMS[k];
      expect(p.section, k).toBe("Ограничения");
      expect(p.tag, k).toBe("DEFAULT");
      expect(p.kind, k).toBe("integer");
      expect(p.max, k).toBeGreaterThan(p.value);
      expect(p.min, k).toBeLessThan(p.value);
    }
  });

  it("the default profile gives the former limits: 10 M cells, 1 M merged, 64 MB text, 1 000 MB inflated", () => {
    expect(defaultBookLimits()).toEqual({
      maxBookCells: 10_000_000,
      maxMergedCells: 1_000_000,
      maxStringBytes: 64 * MB,
      maxInflatedBytes: 1000 * MB,
    });
  });

  it("--set raises a limit up to its hard cap, and not one cell past it", () => {
    const raised = applyOverrides([
      { key: "limits.bookCells", value: "30000000" },
      { key: "limits.stringMb", value: "256" },
    ]);
    expect(raised.errors).toEqual([]);
    expect(bookLimits(raised.profile)).toMatchObject({ maxBookCells: 30_000_000, maxStringBytes: 256 * MB });
    for (const [key, value] of [
      ["limits.bookCells", "30000001"],
      ["limits.mergedCells", "5000001"],
      ["limits.inflatedMb", "2001"],
      ["limits.stringMb", "257"],
      ["limits.textLength", "32768"],
      ["limits.jsonDepth", "65"],
      ["limits.jsonKb", "1025"],
    ] as const) {
      const { profile, errors } = applyOverrides([{ key, value }]);
      expect(errors, key).toHaveLength(1);
      expect(errors[0].message, key).toMatch(/ожидается число в диапазоне/);
      expect(profile.values[key], key).toBe(DEFAULT_PROFILE.values[key]);
    }
  });

  it("the reader applies the given limits: 200 000 claimed cells pass by default and are refused at 100 000", async () => {
    expect((await readXlsxBuffer(claimed, "форма.xlsx", { formulas: false }))[0].values).toEqual([[1]]);
    const low = bookLimits(applyOverrides([{ key: "limits.bookCells", value: "100000" }]).profile);
    await expect(readXlsxBuffer(claimed, "форма.xlsx", { formulas: false, limits: low })).rejects.toThrow(
      "Файл «форма.xlsx» слишком велик: вместе с листом «Лист1» его листы занимают 200\u00a0000 ячеек",
    );
  });

  it("the CLI's input reader (summarize, analyze) passes the --set limits on: the file is reported, not read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "msoko-limits-"));
    const path = join(dir, "форма.xlsx");
    writeFileSync(path, claimed);
    const low = bookLimits(applyOverrides([{ key: "limits.bookCells", value: "100000" }]).profile);
    const inputs = await loadInputs([path], undefined, low);
    expect(inputs.forms).toHaveLength(1);
    expect(inputs.forms[0].report).toBeNull();
    expect(inputs.forms[0].findings[0].message).toContain("допускается не больше 100\u00a0000 ячеек на книгу");
  });

  it("the pane: files chosen from disk are read with the workbook's «Ограничения»", async () => {
    const chosen = [{ name: "форма.xlsx", lastModified: 0, arrayBuffer: async () => new Uint8Array(claimed).buffer }];
    const low = applyOverrides([{ key: "limits.bookCells", value: "100000" }]).profile;
    const refused = await readChosenFiles(chosen, { profile: low });
    expect(refused.forms[0].report).toBeNull();
    expect(refused.forms[0].findings[0].message).toContain("допускается не больше 100\u00a0000 ячеек на книгу");
    // With the default profile the same file is read (and parsed as a form: not refused for its size).
    const read = await readChosenFiles(chosen);
    expect(read.forms[0].findings.map((f) => f.message).join(" ")).not.toContain("на книгу");
  });

  it("the text length limit reaches the form reader: a 150-character school name is cut at 100 with a finding", async () => {
    const findings: Finding[] = [];
    const spec: ColumnSpec = { id: "name", header: "Наименование ОО", type: "text", help: "" };
    const long = "Ш".repeat(150);
    expect(coerceCell(long, spec, { sheet: "Паспорт", cell: "B3", findings }).value).toBe(long);
    expect(findings).toEqual([]);
    const cut = coerceCell(long, spec, { sheet: "Паспорт", cell: "B3", findings, maxText: 100 });
    expect(cut.value).toBe("Ш".repeat(100));
    expect(findings.map((f) => f.message).join(" ")).toContain("текст длиной 150 знаков сокращён до 100");
  });

  it("msoko calc: --set limits.jsonDepth and limits.jsonKb change the argument limits, within their caps", async () => {
    const deep = memoryIo();
    expect(await main(["calc", "--set", "limits.jsonDepth=2", "SOU", "[[[5]]]"], deep)).toBe(2);
    expect(deep.stderr.join("\n")).toContain("аргумент 1 вложен глубже 2 уровней");
    const big = memoryIo();
    expect(await main(["calc", "--set", "limits.jsonKb=1", "SOU", `[[${"5,".repeat(600)}5]]`], big)).toBe(2);
    expect(big.stderr.join("\n")).toContain("аргумент 1 занимает 2 КБ, допускается не больше 1 КБ");
    const capped = memoryIo();
    expect(await main(["calc", "--set", "limits.jsonDepth=100000", "SOU", "[[5]]"], capped)).toBe(2);
    expect(capped.stderr.join("\n")).toMatch(/ожидается число в диапазоне 2…64/);
  });
});
