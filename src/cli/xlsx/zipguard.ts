/**
 * Checks a .xlsx file before exceljs unpacks it: school files come from dozens of people and
 * tools, and a zip bomb or an XML file with a DTD must be refused with a clear message, not
 * allowed to exhaust memory. Reads only the zip's central directory and the first bytes of each
 * XML part, so the check costs little even on large files.
 */
import { inflateRawSync, constants as zlibConstants } from "node:zlib";

export interface ZipLimits {
  /** Refuse files larger than this on disk (bytes). */
  maxBytes: number;
  /** Refuse when the parts would unpack to more than this in total (bytes). */
  maxUnpackedBytes: number;
  /** Refuse parts that unpack to more than `maxRatio` times their packed size (and over 1 MB). */
  maxRatio: number;
  /** Refuse archives with more parts than this. */
  maxEntries: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function defaultLimits(maxBytes = DEFAULT_MAX_BYTES): ZipLimits {
  return { maxBytes, maxUnpackedBytes: Math.max(maxBytes * 20, 200 * 1024 * 1024), maxRatio: 200, maxEntries: 10_000 };
}

export function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} МБ`.replace(".", ",");
}

/** Throws a Russian error naming the file when the buffer is not a safe-looking .xlsx package. */
export function checkXlsxPackage(buf: Uint8Array, fileName: string, limits: ZipLimits): void {
  const name = `«${fileName}»`;
  if (buf.length > limits.maxBytes) {
    throw new Error(`Файл ${name} слишком велик: ${megabytes(buf.length)}, допускается не больше ${megabytes(limits.maxBytes)}. Разделите книгу или удалите лишние листы.`);
  }
  if (buf.length >= 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new Error(`Файл ${name} — книга старого формата Excel 97–2003 (.xls) или зашифрованная книга. Откройте её в Excel и сохраните как «Книга Excel (.xlsx)» без пароля.`);
  }
  if (buf.length < 22 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04) {
    throw new Error(`Файл ${name} не является книгой Excel .xlsx (это не zip-архив). Ожидается файл, сохранённый как «Книга Excel (.xlsx)».`);
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65 535 bytes at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`Файл ${name} повреждён: не найден каталог zip-архива. Пересохраните книгу в Excel.`);
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) {
    throw new Error(`Файл ${name} использует расширенный формат ZIP64, который для книг такого размера не нужен; пересохраните книгу в Excel.`);
  }
  if (entries > limits.maxEntries) throw new Error(`Файл ${name} содержит ${entries} частей, допускается не больше ${limits.maxEntries}: это не похоже на обычную книгу.`);
  if (cdOffset + cdSize > buf.length) throw new Error(`Файл ${name} повреждён: каталог zip-архива выходит за конец файла.`);
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) throw new Error(`Файл ${name} повреждён: неверная запись каталога zip-архива.`);
    const method = view.getUint16(p + 10, true);
    const packed = view.getUint32(p + 20, true);
    const unpacked = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const part = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + nameLen));
    if (packed === 0xffffffff || unpacked === 0xffffffff) throw new Error(`Файл ${name}: часть «${part}» слишком велика для книги.`);
    total += unpacked;
    if (total > limits.maxUnpackedBytes) {
      throw new Error(`Файл ${name} после распаковки занял бы больше ${megabytes(limits.maxUnpackedBytes)} — это похоже на «zip-бомбу»; файл не открыт.`);
    }
    if (unpacked > 1024 * 1024 && unpacked > packed * limits.maxRatio) {
      throw new Error(`Часть «${part}» файла ${name} сжата в ${Math.round(unpacked / Math.max(packed, 1))} раз — это похоже на «zip-бомбу»; файл не открыт.`);
    }
    if (/\.(xml|rels|vml)$/i.test(part)) checkXmlPrologue(buf, view, localOffset, method, packed, part, name);
    p += 46 + nameLen + extraLen + commentLen;
  }
}

/** Refuses XML parts that declare a DTD: entity expansion ("billion laughs") and external entities hide there. */
function checkXmlPrologue(buf: Uint8Array, view: DataView, localOffset: number, method: number, packed: number, part: string, name: string): void {
  if (localOffset + 30 > buf.length || view.getUint32(localOffset, true) !== 0x04034b50) {
    throw new Error(`Файл ${name} повреждён: не найдена часть «${part}».`);
  }
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  const head = buf.subarray(start, Math.min(start + Math.min(packed, 8192), buf.length));
  let text: string;
  if (method === 0) text = new TextDecoder().decode(head.subarray(0, 4096));
  else if (method === 8) {
    try {
      // A prefix of the deflate stream inflates to a prefix of the part: enough to see the prologue.
      text = new TextDecoder().decode(inflateRawSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, 4096));
    } catch {
      throw new Error(`Файл ${name} повреждён: часть «${part}» не распаковывается.`);
    }
  } else throw new Error(`Файл ${name}: часть «${part}» сжата неизвестным способом (${method}); пересохраните книгу в Excel.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new Error(`Файл ${name}: часть «${part}» содержит объявление DTD/ENTITY, которого в книгах Excel не бывает; файл не открыт из соображений безопасности.`);
  }
}
