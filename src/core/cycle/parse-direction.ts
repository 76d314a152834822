/**
 * Recognising a direction as people type it: «2», 2, «О»/«O» (Cyrillic or Latin), «Объективность»,
 * «1О», or the beginning of the regulation's name («Система работы со школами», «профориентация»).
 * The custom function's argument and the «Цикл» sheet's column read directions the same way.
 */
import type { DirectionId } from "../model";
import { normaliseKey } from "../subjects";
import { CYCLE_DIRECTIONS } from "./catalogue";

export type DirectionMatch = { ok: true; id: DirectionId } | { ok: false; candidates: DirectionId[] };

const OBJECTIVITY_WORDS = new Set([
  "о",
  "o",
  "1о",
  "1o",
  "объективность",
  "объективность процедур",
  "трек объективности",
]);

function key(text: string): string {
  return normaliseKey(text).replace(/ё/g, "е");
}

const NAMES = CYCLE_DIRECTIONS.map((d) => ({
  id: d.id,
  keys: [key(d.name), key(d.name).replace(/^система /, ""), key(d.shortName)],
}));

/** The direction a text or number names; several candidates when a name prefix is ambiguous. */
export function matchDirection(value: string | number): DirectionMatch {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 1 && value <= 8
      ? { ok: true, id: value as DirectionId }
      : { ok: false, candidates: [] };
  }
  const raw = value
    .replace(/[\u00a0\u202f]/g, " ")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е");
  if (OBJECTIVITY_WORDS.has(raw.replace(/\s+/g, " "))) return { ok: true, id: "O" };
  const digits = /^(?:направление\s*)?(\d+)[.)]?$/.exec(raw);
  if (digits) return matchDirection(Number(digits[1]));
  const k = key(value);
  if (k.length < 3) return { ok: false, candidates: [] };
  const found = NAMES.filter((n) => n.keys.some((nk) => nk.startsWith(k))).map((n) => n.id);
  if (found.length === 1) return { ok: true, id: found[0] };
  return { ok: false, candidates: found };
}

/** «1–8 или «Объективность» («О»), или начало названия направления» — for messages. */
export const DIRECTION_EXPECTED = "номер направления 1–8, «Объективность» («О») или начало названия направления";
