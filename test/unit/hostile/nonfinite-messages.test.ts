/**
 * Issue 22: every message about NaN or ±Infinity is Russian («не число», «бесконечность») and
 * names the book, the sheet and the cell — «нельзя записать «Infinity»» meant nothing to a
 * methodist. The messages of every writer (exceljs for the CLI, the memory preview) and of the
 * number formatting that messages are built from are collected and scanned.
 */
import { describe, expect, it } from "vitest";
import { formatNumberRu, formatPercentRu, quoteValue } from "../../../src/core/values";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { WriteOp } from "../../../src/host/port";
import { nonFiniteRu } from "../../../src/host/rules";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";

const BAD = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const WORD = new Map<number, string>([
  [Number.POSITIVE_INFINITY, "бесконечность"],
  [Number.NEGATIVE_INFINITY, "минус бесконечность"],
]);
const word = (v: number) => (Number.isNaN(v) ? "«не число»" : WORD.get(v)!);

function ops(v: number): WriteOp[] {
  return [
    { op: "addSheet", name: "Свод по ОО" },
    {
      op: "values",
      sheet: "Свод по ОО",
      address: "C4:D5",
      values: [
        [1, 2],
        [3, v],
      ],
    },
  ];
}

async function messageOf(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the write was expected to fail");
}

describe("NaN and ±Infinity in messages", () => {
  it("the number formatting used by messages says «не число» / «бесконечность»", () => {
    expect(formatNumberRu(Number.NaN)).toBe("не число");
    expect(formatNumberRu(Number.POSITIVE_INFINITY)).toBe("бесконечность");
    expect(formatNumberRu(Number.NEGATIVE_INFINITY)).toBe("минус бесконечность");
    expect(formatPercentRu(Number.POSITIVE_INFINITY)).toBe("бесконечность\u00a0%");
    expect(quoteValue(Number.NaN)).toBe("«не число»");
    // Finite numbers are unchanged.
    expect(formatNumberRu(-12.5)).toBe("−12,5");
  });

  it("the exceljs writer names the file, the sheet and the cell (D5) in Russian", async () => {
    for (const v of BAD) {
      const wb = XlsxWorkbook.create("Свод_2026.xlsx");
      const message = await messageOf(() => wb.write({ ops: ops(v) }));
      expect(message).toBe(
        `В ячейку 'Свод по ОО'!D5 книги «Свод_2026.xlsx» нельзя записать ${word(v)}: ожидается конечное число. Обычно это результат деления на ноль или вычисления с пустыми данными.`,
      );
    }
  });

  it("the memory preview gives the same message; a book without a name gives sheet and cell", async () => {
    for (const v of BAD) {
      const named = await messageOf(() => new MemoryWorkbook({ fileName: "Книга1.xlsx" }).write({ ops: ops(v) }));
      expect(named).toContain(`'Свод по ОО'!D5 книги «Книга1.xlsx» нельзя записать ${word(v)}`);
      const unnamed = await messageOf(() => new MemoryWorkbook().write({ ops: ops(v) }));
      expect(unnamed).toContain(`В ячейку 'Свод по ОО'!D5 нельзя записать ${word(v)}`);
    }
  });

  it("no collected message holds «NaN» or «Infinity»", async () => {
    const messages: string[] = BAD.map((v) => nonFiniteRu(v));
    for (const v of BAD) {
      messages.push(await messageOf(() => XlsxWorkbook.create("a.xlsx").write({ ops: ops(v) })));
      messages.push(await messageOf(() => new MemoryWorkbook({ fileName: "b.xlsx" }).write({ ops: ops(v) })));
      messages.push(formatNumberRu(v), formatPercentRu(v), quoteValue(v));
    }
    expect(messages).toHaveLength(3 + 3 * 5);
    for (const m of messages) {
      expect(m).not.toMatch(/NaN|Infinity/i);
      expect(m).toMatch(/[А-Яа-яЁё]/);
    }
  });
});
