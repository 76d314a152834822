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
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

const T_RE = new RegExp(`<${P}t(?:\\s[^>]*)?>([^<]*)</${P}t>`, "g");
const RPH_RE = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");

/** Text of a string item (<si> or <is>): its <t> runs, phonetic hints left out. */
export function itemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(RPH_RE, "") : xml;
  let s = "";
  for (const m of body.matchAll(T_RE)) s += m[1];
  return decodeXml(s);
}

const utf8 = new TextDecoder();

/** UTF-8 bytes of a part as text. */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
