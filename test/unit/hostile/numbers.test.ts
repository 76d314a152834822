/**
 * Issue 22, item 4: numbers outside the finite range are refused at the input (a count of 1e308
 * used to sum to Infinity and print «null» with exit 0), NaN/Infinity are never quoted as
 * «Infinity» in a message, and the exceljs writer never writes <v>NaN</v>.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model";
import { coerceCell, isUsableNumber, MAX_INPUT_MAGNITUDE } from "../../../src/form/cells";
import type { ColumnSpec } from "../../../src/form/schema/types";
import type { WriteOp } from "../../../src/host/port";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";

const count: ColumnSpec = { id: "n", header: "Участников", type: "integer", min: 0, help: "" };
const text: ColumnSpec = { id: "t", header: "Примечание", type: "text", help: "" };

function read(v: unknown, spec: ColumnSpec) {
  const findings: Finding[] = [];
  const out = coerceCell(v as never, spec, { sheet: "Лист", cell: "C5", findings });
  return { ...out, messages: findings.map((f) => f.message) };
}

describe("numbers outside the finite range", () => {
  it("the limit is inclusive: 10¹⁵ passes, anything larger is refused", () => {
    expect(isUsableNumber(MAX_INPUT_MAGNITUDE)).toBe(true);
    expect(isUsableNumber(-MAX_INPUT_MAGNITUDE)).toBe(true);
    expect(isUsableNumber(MAX_INPUT_MAGNITUDE * 10)).toBe(false);
    expect(read(1e15, count)).toEqual({ value: 1e15, ok: true, messages: [] });
  });

  it("1e308 participants (number and text) are refused with a Russian finding", () => {
    expect(read(1e308, count)).toEqual({
      value: null,
      ok: false,
      messages: ["В столбце «Участников» стоит слишком большое по модулю число, а ожидается целое число."],
    });
    const t = read("1e308", count);
    expect(t.ok).toBe(false);
    expect(t.messages[0]).toContain("слишком большое по модулю число («1e308»)");
  });

  it("NaN and ±Infinity: refused in every column type, never called «Infinity»", () => {
    for (const spec of [count, text]) {
      for (const v of [NaN, Infinity, -Infinity]) {
        const r = read(v, spec);
        expect(r.ok).toBe(false);
        expect(r.messages.join(" ")).not.toMatch(/Infinity|NaN/);
      }
    }
    expect(read(Infinity, count).messages).toEqual([
      "В столбце «Участников» стоит бесконечное значение, а ожидается целое число.",
    ]);
    expect(read(NaN, text).messages).toEqual([
      "В столбце «Примечание» стоит значение «не число» (результат неудачного вычисления), а ожидается текст.",
    ]);
  });

  it("a large number in a text column stays text-like (not refused)", () => {
    expect(read(1e20, text).ok).toBe(true);
  });

  it("the exceljs writer refuses NaN/Infinity in Russian instead of writing <v>NaN</v>", async () => {
    const wb = XlsxWorkbook.create("o.xlsx");
    const ops: WriteOp[] = [
      { op: "addSheet", name: "Л" },
      { op: "values", sheet: "Л", address: "A1:C1", values: [[5, Infinity, 5]] },
    ];
    await expect(wb.write({ ops })).rejects.toThrow(
      "В ячейку 'Л'!B1 книги «o.xlsx» нельзя записать бесконечность: ожидается конечное число. Обычно это результат деления на ноль или вычисления с пустыми данными.",
    );
  });
});
