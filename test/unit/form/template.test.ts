import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import {
  COMPUTED_FILL,
  INPUT_FILL,
  PARTICIPANTS,
  RESULTS,
  sheetLayout,
  templateOps,
  templateSheetNames,
  formDocsMarkdown,
  RULES,
  DIRECTION_COLUMNS,
} from "../../../src/form";
import type { WriteOp } from "../../../src/host/port";
import type { CellValue } from "../../../src/core/values";
import { sheetOps } from "../../../src/form/template";

const ops = templateOps();
const of = <K extends WriteOp["op"]>(kind: K, sheet: string) =>
  ops.filter((o): o is Extract<WriteOp, { op: K }> => o.op === kind && "sheet" in o && o.sheet === sheet);

describe("templateOps", () => {
  it("creates the data sheets and the instruction, each sheet before it is written", () => {
    expect(templateSheetNames()).toEqual([
      "Паспорт ОО",
      "Результаты",
      "Участники",
      "Задания",
      "Функц. грамотность",
      "Олимпиады",
      "Профориентация",
      "Кадры",
      "Руководитель",
      "Воспитание",
      "Дошкольное",
      "Группы МКДО",
      "Цикл",
      "Меры объективности",
      "Перепроверка",
      "Инструкция",
    ]);
    const added = new Set<string>();
    for (const o of ops) {
      if (o.op === "addSheet") added.add(o.name);
      else if ("sheet" in o) expect(added.has(o.sheet)).toBe(true);
    }
  });

  it("writes the results header, frozen, with dropdowns, formats and guarded formulas", () => {
    const header = of("values", "Результаты")[0];
    expect(header.address).toBe("A1");
    expect(header.values[0].slice(0, 6)).toEqual([
      "Процедура",
      "Год",
      "Класс",
      "Класс (буква)",
      "Предмет",
      "Участников",
    ]);
    expect(of("freeze", "Результаты")).toEqual([{ op: "freeze", sheet: "Результаты", rows: 1, columns: 0 }]);
    const list = of("validationList", "Результаты").find((v) => v.address === "A2:A151");
    expect(list?.list).toEqual([
      "ВПР",
      "КДР",
      "ОГЭ",
      "ГВЭ-9",
      "ЕГЭ",
      "ГВЭ-11",
      "НИКО",
      "Промежуточная аттестация",
      "Итоги четверти",
      "Итоги полугодия",
    ]);
    const quality = of("formulas", "Результаты").find((f) => f.address === "S2")!;
    expect(quality.formulas).toHaveLength(150);
    expect(quality.formulas[0][0]).toBe('=IF(OR(N(F2)<=0,COUNT(G2,H2,I2,J2)=0),"",(N(G2)+N(H2))/F2*100)');
    expect(quality.formulas[149][0]).toContain("/F151*100");
    const formats = of("format", "Результаты");
    expect(formats.find((f) => f.address === "S2:S151")?.format).toMatchObject({
      fill: COMPUTED_FILL,
      numberFormat: '0.0" %"',
    });
    expect(formats.find((f) => f.address === "F2:F151")?.format).toMatchObject({ fill: INPUT_FILL, locked: false });
    expect(of("print", "Результаты")[0]).toMatchObject({ landscape: true, titleRows: "1:1" });
  });

  it("keeps every dropdown within Excel's 255-character list limit", () => {
    for (const o of ops) if (o.op === "validationList") expect(o.list.join(",").length).toBeLessThanOrEqual(255);
  });

  it("lays out 20 task columns З1…З20 on «Участники» and shows names of directions and components in «Цикл»", () => {
    const layout = sheetLayout({ ...RESULTS, repeated: undefined });
    expect(layout.columns).toHaveLength(RESULTS.columns.length);
    // The optional «ОВЗ» column stands last among the fixed ones, before З1…
    expect(of("values", "Участники")[0].values[0].slice(9, 13)).toEqual(["ОВЗ", "З1", "З2", "З3"]);
    const dir = of("formulas", "Цикл").find((f) => f.address === "C2")!;
    expect(dir.formulas[0][0]).toContain('IF(B2="Объективность","Система обеспечения объективности');
  });

  it("applies to the memory workbook without notices and reads back the headers", async () => {
    const wb = new MemoryWorkbook();
    expect((await wb.write({ ops })).notices).toEqual([]);
    const [passport] = await wb.readSheets(["Паспорт ОО"]);
    expect(passport.values[1][0]).toBe("Логин ОО в ФИС ОКО *");
    expect(passport.values[10]).toEqual(["Год", "Класс", "Обучающихся"]);
  });
});

describe("schema exports for other areas", () => {
  it("lists the direction columns with labels (DirectionRow.values keys)", () => {
    expect(DIRECTION_COLUMNS.careers.map((c) => c.id)).toContain("grad11ToVuz");
    expect(DIRECTION_COLUMNS.staff.find((c) => c.id === "catHighest")?.label).toBe("Высшая категория");
    expect(DIRECTION_COLUMNS.olympiads.map((c) => c.id)).not.toContain("stage");
  });

  it("documents every sheet and every rule in Markdown", () => {
    const md = formDocsMarkdown();
    expect(md).toContain("#### «Результаты» — обязательный");
    expect(md).toContain("| Качество, % | `qualityPct` | формула |");
    for (const id of Object.keys(RULES)) expect(md).toContain(`\`${id}\``);
  });

  it("docs/form.md holds the current generated reference (regenerate: npx msoko template --docs)", () => {
    const doc = readFileSync(join(__dirname, "../../../docs/form.md"), "utf8");
    expect(doc).toContain(formDocsMarkdown());
  });
});

describe("sheetOps: the values written (issue 23: rows that need nothing are not copied)", () => {
  // The data's op: the one at the layout's first data row (the header is written by another).
  const valuesOf = (ops: WriteOp[], dataRow: number) =>
    ops.find((o): o is Extract<WriteOp, { op: "values" }> => o.op === "values" && o.address === `A${dataRow}`)!;

  it("uses a full row as it is, pads a short one with null and turns undefined into null", () => {
    // «Участники» with 2 task columns: 10 fixed columns + З1, З2.
    const width = sheetLayout(PARTICIPANTS, 2).columns.length;
    expect(width).toBe(12);
    const full: CellValue[] = ["ВПР", 2026, 4, "4А", "Математика", 500001, 12, 4, 5, null, 1, 2];
    const short: CellValue[] = ["ВПР", 2026, 4, "4Б", "Математика"];
    const holes = [...full];
    holes[3] = undefined as unknown as CellValue;
    const grid = valuesOf(
      sheetOps(PARTICIPANTS, 3, [full, short, holes], 2),
      sheetLayout(PARTICIPANTS, 2).dataRow,
    ).values;
    expect(grid[0]).toBe(full);
    expect(grid[1]).toEqual([...short, null, null, null, null, null, null, null]);
    expect(grid[2]).not.toBe(holes);
    expect(grid[2]).toEqual([...full.slice(0, 3), null, ...full.slice(4)]);
  });

  it("writes null under computed columns (their formulas come apart), even in a full row", () => {
    const columns = sheetLayout(RESULTS).columns;
    const computed = columns.map((c, j) => (c.formula ? j : -1)).filter((j) => j >= 0);
    expect(computed.length).toBeGreaterThan(0);
    const row: CellValue[] = columns.map((_, j) => j + 1);
    const [written] = valuesOf(sheetOps(RESULTS, 1, [row], 0), sheetLayout(RESULTS).dataRow).values;
    expect(written).not.toBe(row);
    expect(written).toEqual(row.map((v, j) => (computed.includes(j) ? null : v)));
  });
});
