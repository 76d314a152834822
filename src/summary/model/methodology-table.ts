/**
 * «Методика»: the profile version and every threshold, weight and table the summary used, with
 * provenance tags and overrides marked, so the file explains itself to anyone who opens it.
 */
import { describeScale, PARAM_KEYS, paramSpec, TAG_LABELS, type Profile } from "../../core/profile";
import { formatNumberRu } from "../../core/values";
import type { CellData, Table } from "./table";

function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "да" : "нет";
  if (typeof v === "string") return v === "" ? "не задано" : v;
  if (Array.isArray(v)) return v.map((x) => formatNumberRu(x as number, 3)).join("; ");
  return formatNumberRu(v as number, 3);
}

export function methodologyTables(profile: Profile): Table[] {
  const params: Record<string, CellData>[] = PARAM_KEYS.map((key) => {
    const spec = paramSpec(key);
    const overridden = profile.overridden.has(key);
    return {
      section: spec.section,
      rule: spec.rule,
      label: spec.label,
      value: show(profile.values[key]),
      unit: spec.unit ?? "",
      tag: overridden ? "переопределено в книге" : `[${spec.tag}] ${TAG_LABELS[spec.tag]}`,
      key,
    };
  });
  const ege: Record<string, CellData>[] = profile.egeMinimums.map((m) => ({
    subject: m.subject,
    fromYear: m.fromYear,
    score: m.score ?? "отметка «3»",
    tag: `[${m.tag}] ${TAG_LABELS[m.tag]}`,
    note: m.note ?? "",
  }));
  const scales: Record<string, CellData>[] = profile.markScales.map((s) => ({
    procedure: s.procedure,
    year: s.year,
    grade: s.grade,
    subject: s.subject,
    scale: describeScale(s),
    tag: `[${s.tag}] ${TAG_LABELS[s.tag]}`,
  }));
  return [
    {
      id: "methodology",
      title: `Методика: профиль ${profile.version}`,
      description:
        "Все пороги, веса и окна, по которым построен свод, и названия своих положений для столбца «Основание». Теги происхождения: [OFFICIAL] федеральный документ, [OFFICIAL*] федеральный документ в цитировании, [REGIONAL] региональная практика, [COMMON] общепринятая практика, [DEFAULT] значение по умолчанию надстройки.",
      columns: [
        { id: "section", header: "Раздел", kind: "text", width: 22 },
        { id: "rule", header: "Правило", kind: "text", width: 9 },
        { id: "label", header: "Параметр", kind: "text", width: 60 },
        { id: "value", header: "Значение", kind: "text", width: 14 },
        { id: "unit", header: "Ед.", kind: "text", width: 7 },
        { id: "tag", header: "Происхождение", kind: "text", width: 34 },
        { id: "key", header: "Ключ настройки", kind: "text", width: 24 },
      ],
      rows: params,
    },
    {
      id: "egeMinimums",
      title: "Минимальные баллы ЕГЭ",
      columns: [
        { id: "subject", header: "Предмет", kind: "text", width: 26 },
        { id: "fromYear", header: "Действует с", kind: "integer" },
        { id: "score", header: "Минимальный балл", kind: "text", width: 14 },
        { id: "tag", header: "Происхождение", kind: "text", width: 34 },
        { id: "note", header: "Примечание", kind: "text", width: 50 },
      ],
      rows: ege,
    },
    {
      id: "markScales",
      title: "Шкалы перевода первичных баллов в отметки",
      columns: [
        { id: "procedure", header: "Процедура", kind: "text", width: 10 },
        { id: "year", header: "Год", kind: "integer", width: 7 },
        { id: "grade", header: "Класс", kind: "integer", width: 7 },
        { id: "subject", header: "Предмет", kind: "text", width: 22 },
        { id: "scale", header: "Шкала", kind: "text", width: 40 },
        { id: "tag", header: "Происхождение", kind: "text", width: 34 },
      ],
      rows: scales,
    },
  ];
}
