/**
 * Excel date serials ↔ ISO dates. Excel (and Office.js `range.values`) hands dates over as serial
 * numbers of the 1900 date system; the exceljs reader converts its Date objects to the same serials,
 * so parsers see one representation whatever the host. Serial 1 = 1900-01-01; Excel's phantom
 * 29 February 1900 (serial 60) is honoured, so serials ≥ 61 map to the right calendar day.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 for every serial ≥ 61. */
const EPOCH = Date.UTC(1899, 11, 30);

/** A JavaScript Date (taken as UTC, as exceljs produces them) → Excel serial with the time as a fraction. */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - EPOCH) / MS_PER_DAY;
  // Before 1900-03-01 Excel counts one day less (it has no real day 0 and a fake 29 Feb 1900).
  return serial < 61 ? serial - 1 : serial;
}

/** Excel serial → "yyyy-mm-dd" (time dropped); null for non-positive or non-finite serials and for 60 (29.02.1900). */
export function serialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || Math.floor(serial) === 60 || serial >= 2_958_466) return null;
  const day = Math.floor(serial) < 60 ? Math.floor(serial) + 1 : Math.floor(serial);
  return new Date(EPOCH + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "yyyy-mm-dd" → Excel serial; null when the text is not a valid ISO date. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (
    back.getUTCFullYear() !== Number(m[1]) ||
    back.getUTCMonth() !== Number(m[2]) - 1 ||
    back.getUTCDate() !== Number(m[3])
  )
    return null;
  return dateToSerial(back);
}
