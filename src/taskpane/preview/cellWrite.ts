/**
 * What typing into one cell of the preview does to the memory workbook, decided in one pure step
 * so its rules are unit-tested: the write operations (a value, a formula, or a clear, plus the
 * format Excel gives a General cell for a typed date or percent), a refusal where Excel refuses
 * (a locked cell on a protected sheet), and a warning where Excel's data validation would have
 * stopped the value — the preview writes it anyway, so «Проверка» can show how it finds it.
 */
import { parseCell } from "../../core/a1";
import type { SheetSnapshot } from "../../host/memory";
import type { CellFormat, WriteOp } from "../../host/port";
import { parseTypedInput, validationProblem } from "./cellInput";

export interface CellWrite {
  ops: WriteOp[];
  /** Why nothing is written (Russian); ops is then empty. */
  refused?: string;
  /** What Excel's data validation would have said about the value. */
  warning?: string;
  /** One Russian sentence for the screen reader: «B2: записано «много».» */
  done?: string;
}

/** The merged format of one cell (later format ops win per property), as the memory workbook keeps it. */
export function formatOfCell(sheet: SheetSnapshot, address: string): CellFormat {
  const { row, col } = parseCell(address);
  const out: CellFormat = {};
  for (const f of sheet.formats) {
    const [from, to = from] = f.address.split(":");
    const a = parseCell(from);
    const b = parseCell(to);
    if (row >= a.row && row <= b.row && col >= a.col && col <= b.col) Object.assign(out, f.format);
  }
  return out;
}

export function cellWrite(sheet: SheetSnapshot, address: string, typed: string, today: Date): CellWrite {
  const format = formatOfCell(sheet, address);
  // Excel locks every cell by default; on a protected sheet only cells formatted unlocked take input.
  if (sheet.protection && format.locked !== false) {
    return {
      ops: [],
      refused: `Ячейка ${address} на листе «${sheet.name}» защищена: лист защищён, и Excel не даст её изменить. Вводите данные в ячейки для ввода.`,
    };
  }
  const input = parseTypedInput(typed, format.numberFormat, today);
  const where = { sheet: sheet.name, address };
  if (input.kind === "clear")
    return { ops: [{ op: "values", ...where, values: [[""]] }], done: `${address}: ячейка очищена.` };
  if (input.kind === "formula") {
    return {
      ops: [{ op: "formulas", ...where, formulas: [[input.formula]] }],
      done: `${address}: записана формула ${input.formula}. Предпросмотр формулы не вычисляет.`,
    };
  }
  const ops: WriteOp[] = [{ op: "values", ...where, values: [[input.value]] }];
  if (input.numberFormat) ops.push({ op: "format", ...where, format: { numberFormat: input.numberFormat } });
  const problem = validationProblem(input.value, address, sheet.validations);
  return {
    ops,
    done: `${address}: записано «${typed}».`,
    ...(problem
      ? {
          warning: `В Excel проверка данных не пропустила бы это значение в ${address}: ${problem} Предпросмотр записал его, чтобы «Проверка» показала, как находит такие ошибки.`,
        }
      : {}),
  };
}
