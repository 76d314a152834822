/**
 * Bar charts of the справка as pictures without native dependencies: an SVG (labels and values in
 * text, what Word 2016+ and LibreOffice show) and a PNG fallback of the same bars for older Word,
 * encoded here with zlib (no canvas, no image library).
 */
import { deflateSync } from "node:zlib";
import { formatNumberRu } from "../../core/values";
import type { Bar, Tone } from "../../summary/model/report/doc";

export const CHART_WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 70;
const BAR_HEIGHT = 22;
const GAP = 8;
const TOP = 34;

/** Semantic colours as everywhere in the add-in: высокий риск red, средний amber, низкий green. */
const TONE_RGB: Record<Tone, [number, number, number]> = {
  bad: [0xc0, 0x00, 0x00],
  warn: [0xff, 0xc0, 0x00],
  good: [0x70, 0xad, 0x47],
  neutral: [0x1f, 0x5a, 0xa6],
};

export function chartHeight(bars: readonly Bar[]): number {
  return TOP + bars.length * (BAR_HEIGHT + GAP) + 10;
}

function scaleOf(bars: readonly Bar[], max?: number): number {
  return Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
}

function barWidth(value: number, scale: number): number {
  return Math.max(0, Math.round(((CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10) * value) / scale));
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const hex = ([r, g, b]: [number, number, number]) =>
  "#" + [r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("");

export function chartSvg(title: string, bars: readonly Bar[], unit: string, max?: number): string {
  const scale = scaleOf(bars, max);
  const h = chartHeight(bars);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${h}" viewBox="0 0 ${CHART_WIDTH} ${h}" font-family="Calibri, Carlito, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    `<text x="${CHART_WIDTH / 2}" y="20" font-size="15" font-weight="bold" text-anchor="middle">${escapeXml(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = TOP + i * (BAR_HEIGHT + GAP);
    const w = barWidth(b.value, scale);
    const label = b.label.length > 34 ? b.label.slice(0, 33) + "…" : b.label;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" font-size="13" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="${hex(TONE_RGB[b.tone ?? "neutral"])}"/>`,
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 16}" font-size="13">${escapeXml(formatNumberRu(b.value, 1) + (unit && unit !== "ОО" ? ` ${unit}` : ""))}</text>`,
    );
  });
  parts.push(
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 4}" x2="${LABEL_WIDTH}" y2="${h - 6}" stroke="#7F7F7F"/>`,
    "</svg>",
  );
  return parts.join("");
}

/** The same bars as an RGB PNG (no text: the fallback for Word without SVG). */
export function chartPng(bars: readonly Bar[], max?: number): Uint8Array {
  const width = CHART_WIDTH;
  const height = chartHeight(bars);
  const scale = scaleOf(bars, max);
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * stride] = 0; // filter: none
  const fill = (x0: number, y0: number, w: number, h: number, rgb: [number, number, number]) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++) raw.set(rgb, y * stride + 1 + x * 3);
  };
  fill(LABEL_WIDTH, TOP - 4, 1, height - TOP - 2, [0x7f, 0x7f, 0x7f]);
  bars.forEach((b, i) =>
    fill(
      LABEL_WIDTH,
      TOP + i * (BAR_HEIGHT + GAP),
      barWidth(b.value, scale),
      BAR_HEIGHT,
      TONE_RGB[b.tone ?? "neutral"],
    ),
  );
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
