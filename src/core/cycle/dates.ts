/**
 * Calendar dates of the cycle (document dates, planned dates, the evaluation date) as ISO text
 * "yyyy-mm-dd": ISO text compares correctly as a string, carries no time zone, and is what the
 * model stores. Russian workbooks hold dates as Excel serial numbers or as «31.12.2026»; both
 * are read here so the form, the custom function and the pane agree on one reading.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DAY_MS = 86_400_000;
/** Excel's 1900 date system: serial 1 = 1900-01-01; from serial 61 on, day 0 is 1899-12-30 (the fake 29.02.1900 is serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel serial date (whole days; a time part is dropped) → ISO, or null when out of range. */
export function isoFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const days = Math.floor(serial);
  if (days === 60) return null; // 29.02.1900 does not exist
  const t = new Date(EXCEL_EPOCH_MS + (days < 60 ? days + 1 : days) * DAY_MS);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO → Excel serial date (for writing dates back as numbers). */
export function excelSerialFromIso(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m) return NaN;
  const days = Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - EXCEL_EPOCH_MS) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

/**
 * Reads a date given as ISO text, Russian text «31.12.2026», an Excel serial number or a JS Date.
 * Returns ISO or null when the value is not a real calendar date.
 */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : validIso(value.getFullYear(), value.getMonth() + 1, value.getDate());
  }
  if (typeof value === "number") return isoFromExcelSerial(value);
  if (typeof value !== "string") return null;
  const s = value.replace(/[\u00a0\u202f]/g, " ").trim();
  let m = ISO_RE.exec(s.slice(0, 10));
  if (m && (s.length === 10 || /^[T ]/.test(s.slice(10)))) return validIso(+m[1], +m[2], +m[3]);
  m = RU_RE.exec(s.replace(/\s*г\.?$/, ""));
  if (m) return validIso(+m[3], +m[2], +m[1]);
  // A serial number that arrived as text ("46387").
  if (/^\d{1,7}$/.test(s)) return isoFromExcelSerial(Number(s));
  return null;
}

/** "2026-12-31" → "31.12.2026" */
export function formatDateRu(iso: string): string {
  const m = ISO_RE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Whether text is a valid ISO calendar date. */
export function isIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text);
  return !!m && validIso(+m[1], +m[2], +m[3]) !== null;
}
