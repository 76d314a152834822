/**
 * The methodology parameters as the «Методика» page lists them: grouped by section in catalogue
 * order, values in Russian notation with units, and the provenance tag of each value (or
 * «OVERRIDE» when the workbook's settings replaced it). Pure, so the wording is unit-tested.
 */
import { PARAM_KEYS, TAG_LABELS, paramSpec, tagOf, type ParamKey, type Profile, type Tag } from "../../core/profile";
import { formatNumberRu } from "../../core/values";

export type RowTag = Tag | "OVERRIDE";

export interface ParamRow {
  key: ParamKey;
  label: string;
  /** "50 чел.", "100; 64; 36; 16; 7", "да". */
  value: string;
  rule: string;
  tag: RowTag;
  /** Russian explanation of the tag, for a tooltip. */
  tagLabel: string;
}

export interface ParamSection {
  section: string;
  rows: ParamRow[];
}

export const OVERRIDE_LABEL = "задано в настройках этой книги";

/** Enough digits for thresholds such as 0,01 and 28,5 without float noise. */
const DIGITS = 4;

export function formatParamValue(value: number | boolean | readonly number[] | string, unit?: string): string {
  let text: string;
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "string") return value === "" ? "не задано" : value;
  if (typeof value === "number") text = formatNumberRu(value, DIGITS);
  else text = value.map((v) => formatNumberRu(v, DIGITS)).join("; ");
  return unit ? `${text}\u00a0${unit}` : text;
}

export function methodologySections(profile: Profile): ParamSection[] {
  const bySection = new Map<string, ParamRow[]>();
  for (const key of PARAM_KEYS) {
    const spec = paramSpec(key);
    const tag = tagOf(profile, key);
    const row: ParamRow = {
      key,
      label: spec.label,
      value: formatParamValue(profile.values[key], spec.unit),
      rule: spec.rule,
      tag,
      tagLabel: tag === "OVERRIDE" ? OVERRIDE_LABEL : TAG_LABELS[tag],
    };
    const rows = bySection.get(spec.section);
    if (rows) rows.push(row);
    else bySection.set(spec.section, [row]);
  }
  return [...bySection].map(([section, rows]) => ({ section, rows }));
}
