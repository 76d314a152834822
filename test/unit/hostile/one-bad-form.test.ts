/**
 * Issue 22, item 5: strings are cleaned and cut at the form's input, so one bad form does not
 * block the others. A folder of 23 good forms, one form whose school name is 10 000 characters
 * with U+202E and U+0000 in it, and one hostile file (17 million merged cells) gives a summary of
 * 24 schools, a finding naming the hostile file, the long name cut to 1 000 characters without
 * the hidden characters, and no control character in the JSON. Also `cleanInputText` by hand.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import { cleanInputText, MAX_INPUT_TEXT } from "../../../src/form/cells";
import { fillForm } from "../../../src/form/template";
import { generateSchools } from "../../../src/sample";
import type { SummaryJson } from "../../../src/summary/model/build";
import { readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

const dir = mkdtempSync(join(tmpdir(), "msoko-one-bad-"));
const forms = join(dir, "forms");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let longLogin = "";

beforeAll(async () => {
  mkdirSync(forms);
  const schools = generateSchools({ seed: 22 });
  for (let i = 0; i < 24; i++) {
    const { report } = schools.next().value!;
    if (i === 0) {
      longLogin = report.passport.login;
      report.passport.name = `Школа\u202E\u0000 ${"очень длинное название ".repeat(435)}`;
    }
    const wb = XlsxWorkbook.create("f.xlsx");
    await wb.write({ ops: fillForm(report) });
    await wb.save(join(forms, `${report.passport.login}.xlsx`));
  }
  copyFileSync(join(HOSTILE2_DIR, "17-million-merged.xlsx"), join(forms, "враждебная.xlsx"));
}, 180_000);

describe("one hostile form among 24 good ones", () => {
  it("summarize: 24 schools, the hostile file named, the long name cleaned and cut", async () => {
    const io = memoryIo();
    const json = join(dir, "svod.json");
    const code = await main(
      ["summarize", forms, "--out", join(dir, "svod.xlsx"), "--json", json, "--date", "2026-12-31"],
      io,
    );
    const all = [...io.stdout, ...io.stderr].join("\n");
    // Exit 1: the summary is built, and a form with errors is listed (README, «Коды выхода»).
    expect(code).toBe(1);
    expect(all).toContain("В своде 24 ОО; форм с ошибками: 1");
    const text = readFileSync(json, "utf8");
    // The refused file and why, in the JSON (and on the sheet «Файлы свода»).
    expect(text).toContain(
      `"file": "враждебная.xlsx",\n      "login": "",\n      "state": "unreadable",\n      "errors": 1`,
    );
    const files = (await readXlsxFile(join(dir, "svod.xlsx"), { formulas: false })).find(
      (x) => x.name === "Файлы свода",
    )!;
    expect(files.values.flat().join("\n")).toContain(
      "Файл «враждебная.xlsx»: объединённые ячейки (вместе с листом «Лист1») охватывают 17\u00a0000\u00a0000 ячеек",
    );
    const j = JSON.parse(text) as SummaryJson;
    expect(j.schools).toHaveLength(24);
    const long = j.schools.find((s) => s.login === longLogin)!;
    expect(long.name.length).toBe(MAX_INPUT_TEXT);
    expect(long.name.startsWith("Школа очень длинное")).toBe(true);
    // No hidden character in the JSON, neither raw nor escaped (JSON.stringify writes U+0000 as \u0000).
    const hidden = [...text].filter((ch) => ch.charCodeAt(0) < 0x20 && !"\t\n\r".includes(ch));
    expect(hidden).toEqual([]);
    expect(text).not.toMatch(/\\u0000|\u202e|\\u202e/i);
  }, 240_000);
});

describe("cleanInputText", () => {
  it("removes controls and bidi marks, keeps tabs and line breaks", () => {
    expect(cleanInputText("a\u0000b\u202Ec\u200Fd\u2066e\u007Ff\u0085g\th\ni")).toEqual({
      text: "abcdefg\th\ni",
      removed: 6,
      cutFrom: 0,
    });
  });
  it("cuts at 1 000 characters: 1 000 kept whole, 1 001 cut, never inside a surrogate pair", () => {
    expect(cleanInputText("я".repeat(1000))).toEqual({ text: "я".repeat(1000), removed: 0, cutFrom: 0 });
    expect(cleanInputText("я".repeat(1001))).toEqual({ text: "я".repeat(1000), removed: 0, cutFrom: 1001 });
    const emoji = cleanInputText("я".repeat(999) + "😀" + "я");
    expect(emoji.text).toBe("я".repeat(999));
    expect(emoji.cutFrom).toBe(1002);
  });
});
