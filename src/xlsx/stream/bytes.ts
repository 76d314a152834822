/**
 * Worksheet XML written straight into bytes (issue 23): a region's summary is over a hundred
 * megabytes of cell XML, and building it as strings made every cell a few short-lived strings
 * (the cell, its reference, the rope that joined them, the flattened chunk and its UTF-8 copy).
 * Markup, references and numbers are ASCII written byte by byte; other text goes through UTF-8.
 */
export class ByteChunks {
  private buf: Buffer;
  private pos = 0;

  /** `size`: bytes of a chunk before the caller takes it (it may grow past that by one cell). */
  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size + 4096);
  }

  get length(): number {
    return this.pos;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Text known to be ASCII (markup, column letters, attributes). */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /**
   * Text escaped for XML as xmlText escapes it, without the escaped copy: ASCII byte by byte, the
   * rest from the first other character on through xmlText and UTF-8.
   */
  escaped(s: string): void {
    this.room(s.length * 6);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 128) {
        this.pos = p;
        this.utf8(xmlText(s.slice(i)));
        return;
      }
      if (ch === 38) p = put(b, p, AMP);
      else if (ch === 60) p = put(b, p, LT);
      else if (ch === 62) p = put(b, p, GT);
      else if (ch === 34) p = put(b, p, QUOT);
      else if (ch >= 32 || ch === 9 || ch === 10 || ch === 13) b[p++] = ch;
      // Other control characters are dropped, as XML forbids them.
    }
    this.pos = p;
  }

  /** A number as `${n}` writes it: small integers digit by digit, anything else through String. */
  number(n: number): void {
    if (!(n >= 0 && n < 2_147_483_648 && n === Math.floor(n))) {
      this.ascii(String(n));
      return;
    }
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const b = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    let x = n;
    do {
      b[--p] = 48 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** The bytes written since the last take, as a chunk of their own; writing goes on in a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size + 4096);
    this.pos = 0;
    return out;
  }
}

const AMP = Buffer.from("&amp;");
const LT = Buffer.from("&lt;");
const GT = Buffer.from("&gt;");
const QUOT = Buffer.from("&quot;");

function put(b: Buffer, p: number, bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) b[p + i] = bytes[i];
  return p + bytes.length;
}

/**
 * escapeXml in one pass over the characters, and no new string for a text that needs nothing: what
 * the sheets' formulas and the shared strings go through, hundreds of thousands of times in a
 * region's summary (issue 23). Characters XML forbids are dropped, as escapeXml drops them.
 */
export function xmlText(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    let entity: string;
    if (ch === 38) entity = "&amp;";
    else if (ch === 60) entity = "&lt;";
    else if (ch === 62) entity = "&gt;";
    else if (ch === 34) entity = "&quot;";
    // U+0000–U+001F but tab, line feed and carriage return; U+FFFE, U+FFFF.
    else if (ch < 32 ? ch !== 9 && ch !== 10 && ch !== 13 : ch === 0xfffe || ch === 0xffff) entity = "";
    else continue;
    out += s.slice(last, i) + entity;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
