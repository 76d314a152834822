/**
 * The reference of direction 3–8 indicators in Markdown, generated from the catalogue
 * (src/core/directions.ts, src/core/profile/direction-targets.ts) and the form's sheet headers,
 * so docs/directions.md cannot drift from the code (`npx msoko template --directions-docs`
 * prints it; a test compares). Lives in src/form because formulas are read in the form's words.
 */
import { DIRECTION_MEASURES } from "../core/direction-findings";
import {
  DIRECTION_INDICATORS,
  DIRECTION_NAMES,
  targetOf,
  type DirectionIndicator,
  type Source,
} from "../core/directions";
import { DEFAULT_PROFILE, TAG_LABELS, paramSpec, type ParamKey } from "../core/profile";
import { formatNumberRu } from "../core/values";
import { DIRECTION_SHEETS } from "./schema";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** ««Кадры»: Высшая категория», «контингент 4–11 кл.», «число строк «Дошкольное» с «Балл МКДО»». */
function sourceText(src: Source): string {
  if ("contingent" in src) return `обучающихся ${src.contingent.from}–${src.contingent.to} кл. (паспорт, контингент)`;
  if ("preschool" in src)
    return src.preschool === "assessedGroups"
      ? "групп «Группы МКДО», оценённых хотя бы в одной области"
      : "групп «Группы МКДО» на базовом уровне (`preschool.basicLevel`) и выше во всех оценённых для них областях";
  const sheet = DIRECTION_SHEETS[src.sheet];
  const header = sheet.columns.find((c) => c.id === src.column)?.header ?? src.column;
  const where = src.label ? `, строка «${src.label}»` : "";
  if (src.rows) return `число строк листа «${sheet.name}» с «${header}»`;
  return `«${sheet.name}»: ${header}${where}`;
}

function formulaText(ind: DirectionIndicator): string {
  if (ind.formulaText) return ind.formulaText;
  const list = Array.isArray(ind.numerator) ? ind.numerator : [ind.numerator as Source];
  const num = list.map(sourceText).join(" + ");
  if (ind.kind === "count" || !ind.denominator) return `${num} (сумма по строкам года)`;
  const den = sourceText(ind.denominator);
  return ind.kind === "percent" ? `(${num}) / (${den}) × 100` : `(${num}) / (${den})`;
}

function bandsText(ind: DirectionIndicator, bands: readonly number[]): string {
  const [a, b] = bands.map((x) => formatNumberRu(x, 2));
  return ind.better === "higher"
    ? `хороший ≥ ${b}; средний ≥ ${a}; ниже — низкий`
    : `хороший ≤ ${a}; средний ≤ ${b}; выше — низкий`;
}

/** Markdown: per direction, every indicator with formula, unit, target, bands, provenance and keys; then the measures. */
export function directionsDocsMarkdown(): string {
  const out: string[] = ["<!-- Сгенерировано из каталога показателей: npx msoko template --directions-docs -->", ""];
  for (const d of [3, 4, 5, 6, 7, 8] as const) {
    out.push(`### Направление ${d}. ${DIRECTION_NAMES[d]}`, "");
    out.push(
      "| Показатель | Формула | Ед. | Лучше | Цель | Уровни | По умолчанию | Происхождение | Ключи настроек |",
      "|---|---|---|---|---|---|---|---|---|",
    );
    for (const ind of DIRECTION_INDICATORS.filter((i) => i.direction === d)) {
      const { target, bands } = targetOf(ind, DEFAULT_PROFILE);
      const targetKey = `dir.${ind.id}.target` as ParamKey;
      const bandsKey = (ind.id === "categoryShare" ? "staff.categoryBands" : `dir.${ind.id}.bands`) as ParamKey;
      const tags = [...new Set([paramSpec(targetKey).tag, paramSpec(bandsKey).tag])]
        .map((t) => `[${t}] ${TAG_LABELS[t]}`)
        .join("; ");
      out.push(
        `| ${cell(ind.name)} | ${cell(formulaText(ind))} | ${ind.unit} | ${ind.better === "higher" ? "выше" : "ниже"} | ${ind.better === "higher" ? "≥" : "≤"} ${formatNumberRu(target, 2)} | ${bandsText(ind, bands)} | ${DEFAULT_PROFILE.values[`dir.${ind.id}.use`] ? "используется" : "в меню"} | ${tags} | \`dir.${ind.id}.use\`, \`${targetKey}\`, \`${bandsKey}\` |`,
      );
    }
    out.push("", "Меры при недостижении цели (адресат: мера):", "");
    for (const m of DIRECTION_MEASURES[d]) {
      const scope = m.for
        ? ` — если ниже цели: ${m.for.map((id) => DIRECTION_INDICATORS.find((i) => i.id === id)?.name ?? id).join("; ")}`
        : "";
      out.push(`- ${m.addressee}: ${m.text}${scope}.`);
    }
    out.push("");
  }
  return out.join("\n");
}
