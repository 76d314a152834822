/**
 * Russian words for what the «Методика» page shows beside each value: the provenance of the value
 * (instead of the catalogue's tags OFFICIAL, OFFICIAL*, REGIONAL, COMMON, DEFAULT) with a legend
 * saying what each means, and the rule reference «§3 O1 (ред. 2026.2)» spelled out as a section of
 * the methodology with its name. Pure, so the wording is unit-tested.
 */
import type { Tag } from "../../core/profile";

export type ShownTag = Tag | "OVERRIDE";

/** The short label on the badge. */
export const TAG_SHORT: Readonly<Record<ShownTag, string>> = {
  OFFICIAL: "федеральный документ",
  "OFFICIAL*": "федеральный, по цитате",
  REGIONAL: "практика региона",
  COMMON: "общепринятое",
  DEFAULT: "выбор надстройки",
  OVERRIDE: "изменено в книге",
};

/** The legend under the list: what each badge means and how far to trust it. */
export const TAG_LEGEND: readonly { tag: ShownTag; text: string }[] = [
  { tag: "OFFICIAL", text: "значение из федерального документа (Рособрнадзор, ФИОКО, Минпросвещения)." },
  {
    tag: "OFFICIAL*",
    text: "значение из федерального документа, известное по цитате в других источниках: первоисточник стоит сверить.",
  },
  { tag: "REGIONAL", text: "практика одного региона; в вашем регионе значение может быть другим." },
  { tag: "COMMON", text: "общепринятая практика без единого официального источника." },
  {
    tag: "DEFAULT",
    text: "значение по умолчанию, выбранное разработчиками надстройки там, где официального нет; муниципалитет может его изменить.",
  },
  { tag: "OVERRIDE", text: "значение задано на листе «Настройки МСОКО» этой книги и заменяет значение по умолчанию." },
];

/** Sections of the methodology the rule references point to (the «Методика» sheet of the summary follows them). */
export const METHODOLOGY_SECTIONS: Readonly<Record<string, string>> = {
  "1": "Направления и управленческий цикл",
  "2": "Показатели результатов",
  "3": "Признаки необъективности",
  "4": "Риски низких результатов",
  "5": "Стабильно высокие и низкие результаты",
  "6": "Кластеры",
  "7": "Показатели направлений 3–8",
  "8": "Интерпретация и адресные рекомендации",
};

/** «§3 O1 (ред. 2026.2)» → «Методика, раздел 3 «Признаки необъективности», правило O1, редакция 2026.2». */
export function ruleText(rule: string): string {
  const m = /^§\s*(\d+)\s*([A-ZА-Я]\d+)?\s*(?:\(ред\.\s*([^)]+)\))?\s*$/.exec(rule.trim());
  if (!m) return rule;
  const [, section, item, revision] = m;
  const name = METHODOLOGY_SECTIONS[section];
  let text = `Методика, раздел ${section}${name ? ` «${name}»` : ""}`;
  if (item) text += `, правило ${item}`;
  if (revision) text += `, редакция ${revision.trim()}`;
  return text;
}
