/**
 * A1 notation without a workbook: column letters ↔ indexes, cell and range addresses,
 * sheet-qualified references with quotes ('Свод по ОО'!A1). Every port and every writer that
 * composes addresses uses these, so "B3" means the same thing in Excel, in memory and in exceljs.
 * Indexes are 0-based (row 0 = Excel row 1, column 0 = "A").
 */

/** Excel's grid limits (XFD1048576). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    throw new RangeError(`Номер столбца ${index + 1} вне листа Excel (1…${MAX_COLUMNS}).`);
  }
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "aa" → 26; throws on anything that is not 1–3 Latin letters within XFD. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters))
    throw new RangeError(`«${letters}» не является буквенным обозначением столбца (A…XFD).`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`Столбец «${letters}» за пределами листа Excel (последний — XFD).`);
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" (or "$B$3") → { row: 2, col: 1 }. */
export function parseCell(address: string): CellPos {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new RangeError(`«${address}» не является адресом ячейки (ожидается вида B3).`);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS)
    throw new RangeError(`Строка ${m[2]} в адресе «${address}» за пределами листа Excel (1…${MAX_ROWS}).`);
  return { row, col: columnIndex(m[1]) };
}

/** { row: 2, col: 1 } → "B3". */
export function formatCell(pos: CellPos): string {
  if (!Number.isInteger(pos.row) || pos.row < 0 || pos.row >= MAX_ROWS) {
    throw new RangeError(`Строка ${pos.row + 1} за пределами листа Excel (1…${MAX_ROWS}).`);
  }
  return `${columnLetters(pos.col)}${pos.row + 1}`;
}

/**
 * "A1:C5", "B3" (one cell), "C5:A1" (normalised), whole columns "A:C" and rows "2:4" are
 * expanded to the sheet's limits.
 */
export function parseRange(address: string): RangePos {
  const text = address.trim();
  const parts = text.split(":");
  if (parts.length === 1) {
    const c = parseCell(parts[0]);
    return { top: c.row, left: c.col, bottom: c.row, right: c.col };
  }
  if (parts.length !== 2) throw new RangeError(`«${address}» не является адресом диапазона (ожидается вида A1:C5).`);
  const [a, b] = parts.map((p) => p.trim().replace(/\$/g, ""));
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const l = columnIndex(a);
    const r = columnIndex(b);
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROWS - 1, right: Math.max(l, r) };
  }
  if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b)) {
    const t = Number(a) - 1;
    const btm = Number(b) - 1;
    if (t < 0 || btm < 0 || t >= MAX_ROWS || btm >= MAX_ROWS)
      throw new RangeError(`Строки в «${address}» за пределами листа Excel.`);
    return { top: Math.min(t, btm), left: 0, bottom: Math.max(t, btm), right: MAX_COLUMNS - 1 };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Range → "A1:C5", or "B3" when it is one cell. */
export function formatRange(r: RangePos): string {
  const a = formatCell({ row: r.top, col: r.left });
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${formatCell({ row: r.bottom, col: r.right })}`;
}

/** Rows and columns of a range. */
export function rangeSize(address: string | RangePos): { rows: number; columns: number } {
  const r = typeof address === "string" ? parseRange(address) : address;
  return { rows: r.bottom - r.top + 1, columns: r.right - r.left + 1 };
}

/** The range of `rows × columns` cells whose top-left cell is `start` ("B3", 2, 3 → "B3:D4"). */
export function rangeFrom(start: string, rows: number, columns: number): string {
  const c = parseCell(start);
  if (rows < 1 || columns < 1) throw new RangeError(`Диапазон от ${start} должен содержать хотя бы одну ячейку.`);
  return formatRange({ top: c.row, left: c.col, bottom: c.row + rows - 1, right: c.col + columns - 1 });
}

/** Shifts a cell or range address by rows and columns ("A1", 1, 2 → "C2"). */
export function offset(address: string, rows: number, columns: number): string {
  const r = parseRange(address);
  return formatRange({ top: r.top + rows, left: r.left + columns, bottom: r.bottom + rows, right: r.right + columns });
}

/** The top-left cell of a range address. */
export function topLeft(address: string): CellPos {
  const r = parseRange(address);
  return { row: r.top, col: r.left };
}

/** Whether two ranges share at least one cell. */
export function intersects(a: RangePos, b: RangePos): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: RangePos, inner: RangePos): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

/**
 * A sheet name as it must appear in a reference: quoted when it holds anything beyond Latin
 * letters, digits, dots and underscores (Cyrillic names are quoted too, as Excel writes them),
 * with inner apostrophes doubled.
 */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(?:R|C|RC)\d*$/i.test(name))
    return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Свод по ОО'!A1" from a sheet name and an address. */
export function qualify(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * "'Свод по ОО'!A1:B2" → { sheet: "Свод по ОО", address: "A1:B2" }; "A1" → { address: "A1" }.
 * The address part is validated; the sheet part is unquoted ('' → ').
 */
export function parseQualified(ref: string): { sheet?: string; address: string } {
  const text = ref.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) {
    parseRange(text);
    return { address: text.replace(/\$/g, "").toUpperCase() };
  }
  let sheet = text.slice(0, bang);
  const address = text
    .slice(bang + 1)
    .replace(/\$/g, "")
    .toUpperCase();
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2)
      throw new RangeError(`В ссылке «${ref}» не закрыта кавычка вокруг имени листа.`);
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  if (sheet === "") throw new RangeError(`В ссылке «${ref}» пустое имя листа.`);
  parseRange(address);
  return { sheet, address };
}
