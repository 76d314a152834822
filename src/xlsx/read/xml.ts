/**
 * The little XML the values-only reader needs, without a DOM: entity decoding, attributes, the
 * text of a string item. Element names may carry any namespace prefix: some writers emit <x:c>.
 */

/** Any namespace prefix, for the regexes of the package parts. */
export const P = "(?:[A-Za-z_][\\w.-]*:)?";

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 62 /* > */ || ch === 47; /* / */
}

/** One element found by `elements`: the text of its attributes and of its content ("" when empty). */
export interface ElementText {
  attrs: string;
  inner: string;
}

/**
 * The elements with local name `local` (any prefix), in order, each with its attribute text and,
 * with `withContent`, its content up to its end tag. Linear whatever the input: every search
 * starts where the last one ended, and a start tag or an element that never closes ends the
 * scan (a lazy regex would search to the end again from each of 500 000 unclosed tags).
 * Elements of the same name nested in each other do not occur in the parts read this way.
 */
export function elements(text: string, local: string, withContent: boolean): ElementText[] {
  const out: ElementText[] = [];
  const n = text.length;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) return out;
    let e = lt + 1;
    while (e < n && !isNameEnd(text.charCodeAt(e))) e++;
    pos = e;
    // The local name is the end of the tag name: compare it without slicing long names.
    const start = e - local.length;
    if (start <= lt || !text.startsWith(local, start)) continue;
    const before = text.charCodeAt(start - 1);
    if (start - 1 !== lt && before !== 58 /* : */) continue;
    const first = text.charCodeAt(lt + 1);
    if (first === 47 || first === 33 || first === 63) continue;
    const gt = text.indexOf(">", e);
    if (gt < 0) return out;
    const empty = text.charCodeAt(gt - 1) === 47;
    const attrs = text.slice(e, empty ? gt - 1 : gt);
    if (empty || !withContent) {
      out.push({ attrs, inner: "" });
      pos = gt + 1;
      continue;
    }
    const endTag = `</${text.slice(lt + 1, e)}>`;
    const close = text.indexOf(endTag, gt + 1);
    if (close < 0) return out;
    out.push({ attrs, inner: text.slice(gt + 1, close) });
    pos = close + endTag.length;
  }
}

/** The text with the elements named `local` (any prefix) and their content cut out; linear like `elements`. */
function withoutElements(text: string, local: string): string {
  let s = "";
  let pos = 0;
  for (;;) {
    let lt = text.indexOf("<", pos);
    let found = -1;
    let e = 0;
    while (lt >= 0) {
      e = lt + 1;
      while (e < text.length && !isNameEnd(text.charCodeAt(e))) e++;
      const start = e - local.length;
      if (
        start > lt &&
        text.startsWith(local, start) &&
        (start - 1 === lt || text.charCodeAt(start - 1) === 58) &&
        text.charCodeAt(lt + 1) !== 47
      ) {
        found = lt;
        break;
      }
      lt = text.indexOf("<", e);
    }
    if (found < 0) return s + text.slice(pos);
    s += text.slice(pos, found);
    const endTag = `</${text.slice(found + 1, e)}>`;
    const gt = text.indexOf(">", e);
    if (gt < 0) return s;
    if (text.charCodeAt(gt - 1) === 47) {
      pos = gt + 1;
      continue;
    }
    const close = text.indexOf(endTag, gt + 1);
    if (close < 0) return s;
    pos = close + endTag.length;
  }
}

/** Text of a string item (<si> or <is>): its <t> runs, phonetic hints left out. */
export function itemText(xml: string): string {
  const body = xml.includes("rPh") ? withoutElements(xml, "rPh") : xml;
  // Nearly every item is one plain run, «<t>…</t>»: its text without the general scan, which a
  // protocol's thousand shared strings would otherwise make hot enough for V8 to compile it twice.
  if (body.startsWith("<t>") && body.endsWith("</t>") && body.indexOf("<", 3) === body.length - 4)
    return decodeXml(body.slice(3, -4));
  let s = "";
  for (const t of elements(body, "t", true)) s += t.inner;
  return decodeXml(s);
}

const utf8 = new TextDecoder();

/** UTF-8 bytes of a part as text. */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
