/**
 * What the «Форма ОО» page says about the form: the sheets the schema declares (with whether each
 * is already in the workbook) and the Russian result of «Создать форму». Pure, so the wording and
 * the plurals are unit-tested; the sheet list comes from the same schema that builds the template.
 * A kindergarten's form (passport type «детский сад») has its own, shorter list of sheets and its
 * own words on «Форма ОО», «Проверка» and «Анализ ОО».
 */
import type { FormKind } from "../../form/actions";
import { FORM_SHEETS, INSTRUCTION_SHEET, PASSPORT, PRESCHOOL_FORM_SHEETS } from "../../form/schema";
import { KINDERGARTEN, MKDO_AREAS, MKDO_LEVELS } from "../../core/preschool";
import { sameName } from "../../host/rules";
import { countRu } from "../../core/values";

export type { FormKind };

/** The choice «Вид формы» on the page, in its order. */
export const FORM_KINDS: readonly { kind: FormKind; label: string }[] = [
  { kind: "school", label: "школа" },
  { kind: "preschool", label: "детский сад" },
];

/**
 * The municipal summary's sheet with the preschool indicators (direction 8). Written out, not
 * imported: the summary builder is loaded only when a summary is built (a unit test keeps them equal).
 */
export const PRESCHOOL_SUMMARY_SHEET = "Дошкольное образование";

export interface FormSheetRow {
  name: string;
  /** One sentence from the schema. */
  purpose: string;
  required: boolean;
  /** The workbook already has a sheet with this name (Excel compares names case-insensitively). */
  present: boolean;
}

const INSTRUCTION_PURPOSE = "Как заполнять форму: столбцы каждого листа и все проверки (создаётся из схемы).";

/** The schema's passport purpose speaks of a school and its pupils by grade. */
const KINDERGARTEN_PASSPORT_PURPOSE = `Сведения о детском саде: логин в ФИС ОКО, наименование, местность; тип ОО уже указан — «${KINDERGARTEN}».`;

export function formSheetRows(sheetNames: readonly string[], kind: FormKind = "school"): FormSheetRow[] {
  const has = (n: string) => sheetNames.some((s) => sameName(s.trim(), n));
  const schemas = kind === "preschool" ? PRESCHOOL_FORM_SHEETS : FORM_SHEETS;
  const purpose = (s: (typeof schemas)[number]) =>
    kind === "preschool" && s === PASSPORT ? KINDERGARTEN_PASSPORT_PURPOSE : s.purpose;
  return [
    ...schemas.map((s) => ({ name: s.name, purpose: purpose(s), required: s.required, present: has(s.name) })),
    { name: INSTRUCTION_SHEET, purpose: INSTRUCTION_PURPOSE, required: false, present: has(INSTRUCTION_SHEET) },
  ];
}

const SHEETS: readonly [string, string, string] = ["лист", "листа", "листов"];

export interface CreateFormResult {
  created: string[];
  skipped: string[];
  notices: string[];
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

/** One or two sentences for the status area and the page: what was created, what was left alone. */
export function createFormMessage(r: CreateFormResult): string {
  const parts: string[] = [];
  if (r.created.length > 0) parts.push(`Создано ${countRu(r.created.length, SHEETS)} формы: ${quoted(r.created)}.`);
  else parts.push("Новых листов не понадобилось: все листы формы уже есть в книге.");
  if (r.skipped.length > 0) {
    parts.push(
      `${r.skipped.length === 1 ? "Уже был" : "Уже были"} и ${r.skipped.length === 1 ? "оставлен" : "оставлены"} без изменений: ${countRu(r.skipped.length, SHEETS)} (${quoted(r.skipped)}).`,
    );
  }
  return parts.join(" ");
}

/** The port's notices about features this Excel lacks (the sheet-exists notices are in the message). */
export function extraNotices(r: CreateFormResult): string[] {
  return r.notices.filter((n) => !/уже есть в книге — он оставлен без изменений/.test(n));
}

/** The headline of «Форма ОО»: is there a form, and whose. `kind` is null without a passport sheet. */
export function formHeadline(kind: FormKind | null): string {
  if (kind === null) return `В книге нет листа «${PASSPORT.name}».`;
  return kind === "preschool"
    ? `В книге есть лист «${PASSPORT.name}» с типом ОО «${KINDERGARTEN}»: это форма детского сада.`
    : `В книге есть лист «${PASSPORT.name}»: это форма школы.`;
}

/** What «Создать форму» will make, before there is a form. */
export function createFormIntro(kind: FormKind): string {
  return kind === "preschool"
    ? `Панель создаст форму детского сада: «${PASSPORT.name}» с типом ОО «${KINDERGARTEN}», «Группы МКДО» и «Цикл» — с подсказками, списками для выбора и проверкой ввода. Существующие листы книги не изменяются.`
    : "Панель создаст стандартную форму муниципалитета: листы с подсказками, списками для выбора и проверкой ввода. Существующие листы книги не изменяются.";
}

/** «Как заполнять», step by step, for the form being created or filled. */
export function fillSteps(kind: FormKind): string[] {
  if (kind === "preschool") {
    return [
      `Выберите «Вид формы: детский сад» и нажмите «Создать форму» — появятся листы «${PASSPORT.name}» (тип ОО уже «${KINDERGARTEN}»), «Группы МКДО», «Цикл» и «${INSTRUCTION_SHEET}».`,
      `На листе «${PASSPORT.name}» заполните логин в ФИС ОКО, полное наименование и местность; таблица контингента по классам детскому саду не нужна.`,
      `На листе «Группы МКДО» — одна строка на группу за год: уровень качества по каждой из ${MKDO_AREAS.length} областей МКДО (${MKDO_LEVELS.map((l, i) => `${i + 1} — ${l}`).join(", ")}); пустая ячейка — область не оценивалась.`,
      "Нажмите «Проверить форму» на странице «Проверка»: щелчок по ошибке выделит её ячейку.",
      `Форму отправьте в МОУО: показатели по областям МКДО появятся в муниципальном своде на листе «${PRESCHOOL_SUMMARY_SHEET}».`,
    ];
  }
  return [
    `Нажмите «Создать форму» — листы появятся в книге, первым — «${PASSPORT.name}».`,
    "Заполняйте жёлтые ячейки; серые считаются формулами. Значения для выбора — из выпадающих списков.",
    "Участников указывайте только кодами, без фамилий и имён.",
    "Нажмите «Проверить форму» на странице «Проверка»: щелчок по ошибке выделит её ячейку.",
    `Лист «${INSTRUCTION_SHEET}» описывает каждый столбец и каждую проверку.`,
    "По заполненной форме страница «Анализ ОО» строит листы анализа школы.",
  ];
}

/** What «Проверка» checks in a kindergarten's form (shown above the button). */
export const PRESCHOOL_CHECK_NOTE = `Тип ОО в паспорте — «${KINDERGARTEN}»: проверяются паспорт, лист «Группы МКДО» (уровни групп по областям МКДО) и «Цикл». Листы результатов оценочных процедур детскому саду не нужны, их отсутствие ошибкой не считается.`;

/** The empty state of «Анализ ОО» for a kindergarten: that analysis needs results of procedures. */
export const PRESCHOOL_ANALYSIS = {
  title: `Тип ОО в паспорте — «${KINDERGARTEN}»: анализ ОО строится по результатам оценочных процедур школы (ВПР, ОГЭ, ЕГЭ), которых у детского сада нет.`,
  text: `Показатели качества дошкольного образования — доля групп не ниже базового уровня и средний уровень по каждой области МКДО — считаются в муниципальном своде, на листе «${PRESCHOOL_SUMMARY_SHEET}». Заполните «Группы МКДО», проверьте форму и отправьте её в МОУО.`,
} as const;
