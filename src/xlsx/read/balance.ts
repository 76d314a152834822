/**
 * Whether every element of an XML part is closed, checked in one linear pass over the bytes
 * before exceljs parses the part. exceljs's SAX parser needs seconds for a 2 MB part of 500 000
 * unclosed <si> (or 200 000 unclosed cells) and only then fails; a book cut short or written by a
 * broken tool is refused here at once, naming the file and the part. The values-only reader does
 * not need this (it reads what is well-formed and skips the rest, src/xlsx/read/xml.ts).
 * Comments, CDATA, processing instructions and declarations are skipped; quoted attribute values
 * may hold ">" and "/". Parts in UTF-16 (a NUL among the first bytes) are left to the parser.
 */
import { countRu } from "../../core/values";

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const ELEMENTS = ["элемент", "элемента", "элементов"] as const;

/** Index just past the first occurrence of `end` (ASCII) at or after `from`; b.length when absent. */
function skipPast(b: Uint8Array, from: number, end: string): number {
  const first = end.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < end.length; k++) if (b[i + k] !== end.charCodeAt(k)) continue outer;
    return i + end.length;
  }
  return b.length;
}

/** Elements left open at the end of the part (negative: more end tags than start tags). */
export function unclosedElements(b: Uint8Array): number {
  let depth = 0;
  for (let i = b.indexOf(LT); i >= 0 && i < b.length; i = b.indexOf(LT, i)) {
    const next = b[i + 1];
    if (next === QUESTION) {
      i = skipPast(b, i + 2, "?>");
    } else if (next === BANG) {
      if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) i = skipPast(b, i + 4, "-->");
      else if (b[i + 2] === 0x5b) i = skipPast(b, i + 2, "]]>");
      else i = skipPast(b, i + 2, ">");
    } else if (next === SLASH) {
      depth--;
      i = skipPast(b, i + 2, ">");
    } else {
      // A start tag: to its ">" outside quotes; "/>" closes it at once.
      let j = i + 1;
      let quote = 0;
      for (; j < b.length; j++) {
        const c = b[j];
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === DQUOTE || c === SQUOTE) quote = c;
        else if (c === GT) break;
      }
      if (j >= b.length) return depth + 1; // the tag itself is cut
      if (b[j - 1] !== SLASH) depth++;
      i = j + 1;
    }
  }
  return depth;
}

/** Throws a Russian Error naming the file and the part when an XML part leaves elements open. */
export function checkClosed(b: Uint8Array, part: string, fileName: string): void {
  if (!/\.(xml|rels)$/i.test(part)) return;
  // UTF-16/32 text (a NUL among the first bytes) is left to the parser.
  if (b.subarray(0, 64).includes(0)) return;
  const open = unclosedElements(b);
  if (open === 0) return;
  throw new Error(
    `Файл «${fileName}» не удалось прочитать как книгу Excel: части книги повреждены — в части «${part}» ${open > 0 ? `не закрыто ${countRu(open, ELEMENTS)}` : "лишние закрывающие теги"} (файл записан не полностью или не той программой). Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».`,
  );
}
