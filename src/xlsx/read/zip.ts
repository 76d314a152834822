/**
 * The zip directory of a .xlsx package, read without unpacking anything and without Node APIs, so
 * the CLI and the pane refuse the same hostile files with the same Russian messages: files too
 * large, old .xls or encrypted books, broken archives, ZIP64, too many parts, and "zip bombs"
 * (declared unpacked sizes over the total limit or compressed too strongly). Inflating the parts
 * is left to the caller (node:zlib in the CLI, DecompressionStream in the browser), which must
 * stop at the declared size (`unpacked`) so a lying header cannot get past these limits.
 */

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

export interface ZipEntry {
  /** Part name, e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** 0 — stored, 8 — deflate. */
  method: number;
  packed: number;
  /** Declared unpacked size (already checked against the limits). */
  unpacked: number;
  /** Offset of the packed data in the buffer. */
  dataStart: number;
  /** CRC-32 of the unpacked data, DOS modification time and date, as the directory gives them. */
  crc32: number;
  modTime: number;
  modDate: number;
}

/** The entries of the package; throws a Russian error naming the file when it is not a safe-looking .xlsx. */
export function zipEntries(buf: Uint8Array, fileName: string, limits: ZipLimits): ZipEntry[] {
  const name = `«${fileName}»`;
  if (buf.length > limits.maxBytes) {
    throw new Error(
      `Файл ${name} слишком велик: ${megabytes(buf.length)}, допускается не больше ${megabytes(limits.maxBytes)}. Разделите книгу или удалите лишние листы.`,
    );
  }
  if (buf.length >= 8 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new Error(
      `Файл ${name} — книга старого формата Excel 97–2003 (.xls) или зашифрованная книга. Откройте её в Excel и сохраните как «Книга Excel (.xlsx)» без пароля.`,
    );
  }
  if (buf.length < 22 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04) {
    throw new Error(
      `Файл ${name} не является книгой Excel .xlsx (это не zip-архив). Ожидается файл, сохранённый как «Книга Excel (.xlsx)».`,
    );
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
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new Error(
      `Файл ${name} использует расширенный формат ZIP64, который для книг такого размера не нужен; пересохраните книгу в Excel.`,
    );
  }
  if (count > limits.maxEntries)
    throw new Error(
      `Файл ${name} содержит ${count} частей, допускается не больше ${limits.maxEntries}: это не похоже на обычную книгу.`,
    );
  if (cdOffset + cdSize > buf.length)
    throw new Error(`Файл ${name} повреждён: каталог zip-архива выходит за конец файла.`);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  // Readers disagree on which copy of a part present twice they take (JSZip the last, ours the first): refuse.
  const seen = new Set<string>();
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50)
      throw new Error(`Файл ${name} повреждён: неверная запись каталога zip-архива.`);
    const method = view.getUint16(p + 10, true);
    const packed = view.getUint32(p + 20, true);
    const unpacked = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const part = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    const key = part.toLowerCase();
    if (seen.has(key))
      throw new Error(
        `Файл ${name} повреждён: часть «${part}» записана в zip-архиве дважды, и неясно, какая из копий настоящая; файл не открыт. Пересохраните книгу в Excel.`,
      );
    seen.add(key);
    if (packed === 0xffffffff || unpacked === 0xffffffff)
      throw new Error(`Файл ${name}: часть «${part}» слишком велика для книги.`);
    total += unpacked;
    if (total > limits.maxUnpackedBytes) {
      throw new Error(
        `Файл ${name} после распаковки занял бы больше ${megabytes(limits.maxUnpackedBytes)} — это похоже на «zip-бомбу»; файл не открыт.`,
      );
    }
    if (unpacked > 1024 * 1024 && unpacked > packed * limits.maxRatio) {
      throw new Error(
        `Часть «${part}» файла ${name} сжата в ${Math.round(unpacked / Math.max(packed, 1))} раз — это похоже на «zip-бомбу»; файл не открыт.`,
      );
    }
    if (localOffset + 30 > buf.length || view.getUint32(localOffset, true) !== 0x04034b50) {
      throw new Error(`Файл ${name} повреждён: не найдена часть «${part}».`);
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + packed > buf.length)
      throw new Error(`Файл ${name} повреждён: часть «${part}» выходит за конец файла.`);
    if (method !== 0 && method !== 8)
      throw new Error(
        `Файл ${name}: часть «${part}» сжата неизвестным способом (${method}); пересохраните книгу в Excel.`,
      );
    entries.push({
      name: part,
      method,
      packed,
      unpacked,
      dataStart,
      crc32: view.getUint32(p + 16, true),
      modTime: view.getUint16(p + 12, true),
      modDate: view.getUint16(p + 14, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** XML parts whose prologue must be checked for a DTD. */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Refuses XML text that declares a DTD: entity expansion ("billion laughs") and external entities hide there. */
export function checkNoDtd(text: string, part: string, fileName: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new Error(
      `Файл «${fileName}»: часть «${part}» содержит объявление DTD/ENTITY, которого в книгах Excel не бывает; файл не открыт из соображений безопасности.`,
    );
  }
}

/** Upper-case ASCII letters of "DOCTYPE" and "ENTITY", the declarations a book never needs. */
const DTD_WORDS = ["DOCTYPE", "ENTITY"];

/**
 * Whether the bytes hold "<!DOCTYPE" or "<!ENTITY" anywhere, in any case, in UTF-8 or UTF-16/32 (NUL
 * bytes between the characters are skipped). One pass, a few bytes looked at per "<": the whole
 * part is checked, so a declaration after a long comment or in a part with an odd name is found too.
 */
export function hasDtd(b: Uint8Array): boolean {
  // Led by "!", far rarer than "<" in a sheet: the native indexOf finds each one, and the "<" is
  // looked for behind it (issue 23: the byte-by-byte loop was a tenth of `analyze` on a protocol).
  for (let k = b.indexOf(33 /* ! */); k >= 0; k = b.indexOf(33, k + 1)) {
    let i = k - 1;
    while (i >= 0 && b[i] === 0) i--;
    if (i < 0 || b[i] !== 60 /* < */) continue;
    for (const word of DTD_WORDS) {
      let j = k + 1;
      let matched = 0;
      while (matched < word.length && j < b.length) {
        if (b[j] === 0) {
          j++;
          continue;
        }
        if ((b[j] & 0xdf) !== word.charCodeAt(matched)) break;
        matched++;
        j++;
      }
      if (matched === word.length) return true;
    }
  }
  return false;
}

/** Refuses a part (any name, any encoding) whose bytes declare a DTD or an entity. */
export function checkNoDtdBytes(bytes: Uint8Array, part: string, fileName: string): void {
  if (hasDtd(bytes)) {
    throw new Error(
      `Файл «${fileName}»: часть «${part}» содержит объявление DTD/ENTITY, которого в книгах Excel не бывает; файл не открыт из соображений безопасности.`,
    );
  }
}
