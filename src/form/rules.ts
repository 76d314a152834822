/**
 * The catalogue of validation rules: stable ids (Finding.rule), severity and one Russian line
 * each. The validator cites these ids; the docs and the instruction sheet list them, so a school
 * can look up any finding it receives.
 */
import type { Finding } from "../core/model";

export interface RuleInfo {
  severity: Finding["severity"];
  title: string;
}

export const RULES = {
  "book.summary": { severity: "error", title: "Книга — муниципальный свод, а не форма ОО" },
  "book.fisoko": { severity: "error", title: "Книга — выгрузка ФИС ОКО, а не форма ОО" },
  "form.empty": { severity: "error", title: "Форма пуста: ни на одном листе нет данных" },
  "sheet.missing": { severity: "error", title: "Нет обязательного листа («Паспорт ОО», «Результаты»)" },
  "sheet.renamed": { severity: "info", title: "Лист найден под другим именем" },
  "sheet.empty": { severity: "warning", title: "Обязательный лист без данных" },
  "header.notFound": { severity: "error", title: "На листе не найдена строка заголовков" },
  "header.shifted": { severity: "info", title: "Заголовки начинаются не с первой строки (найдены по тексту)" },
  "header.merged": { severity: "warning", title: "Объединённые ячейки в заголовке" },
  "column.missing": { severity: "error", title: "Нет обязательного столбца" },
  "column.renamed": { severity: "info", title: "Столбец распознан по похожему заголовку" },
  "column.reordered": { severity: "info", title: "Столбцы стоят не в порядке шаблона (найдены по заголовкам)" },
  "column.duplicate": { severity: "warning", title: "Столбец повторяется; читается первый" },
  "column.unknown": { severity: "info", title: "Столбец не относится к форме и не читается" },
  "field.missing": { severity: "error", title: "В паспорте нет обязательной строки" },
  "privacy.names": { severity: "error", title: "Персональные данные: фамилии и имена в форме недопустимы" },
  "value.required": { severity: "error", title: "Не заполнена обязательная ячейка" },
  "type.integer": { severity: "error", title: "Ожидается целое число" },
  "type.number": { severity: "error", title: "Ожидается число" },
  "type.date": { severity: "error", title: "Ожидается дата" },
  "type.enum": { severity: "error", title: "Значение не из списка допустимых" },
  "type.code": { severity: "error", title: "Недопустимый код" },
  "type.error": { severity: "error", title: "В ячейке ошибка Excel" },
  "number.text": { severity: "warning", title: "Число сохранено как текст (принято)" },
  "number.decimalComma": { severity: "warning", title: "Дробное число с запятой сохранено как текст (принято)" },
  range: { severity: "error", title: "Значение вне допустимого диапазона" },
  "text.cleaned": {
    severity: "warning",
    title: "Текст очищен: удалены управляющие знаки или сокращена слишком длинная строка",
  },
  "unknown.procedure": { severity: "error", title: "Неизвестная процедура" },
  "unknown.subject": { severity: "warning", title: "Неизвестный предмет" },
  "sum.marks": { severity: "error", title: "Сумма отметок «5», «4», «3», «2» не равна числу участников" },
  "sum.journal": { severity: "error", title: "Понизили + подтвердили + повысили не равно числу участников" },
  "sum.ege": { severity: "error", title: "Группы баллов ЕГЭ больше числа участников" },
  "sum.graduates": { severity: "error", title: "Сумма направлений выпускников не равна числу выпускников" },
  "sum.part": { severity: "error", title: "Часть больше целого" },
  "sum.taskPoints": { severity: "warning", title: "Сумма баллов за задания не равна первичному баллу" },
  "duplicate.row": { severity: "error", title: "Строка повторяется" },
  "duplicate.participant": { severity: "error", title: "Код участника повторяется" },
  "cross.contingent": { severity: "error", title: "Больше, чем обучающихся в параллели (лист «Паспорт ОО»)" },
  "cross.participants": { severity: "warning", title: "Число участников не совпадает со списком на листе «Участники»" },
  "cross.procedureGrade": { severity: "warning", title: "Процедура не проводится в этом классе" },
  "cross.taskMax": { severity: "error", title: "Баллов за задание больше максимума (лист «Задания»)" },
  "ege.fields": { severity: "warning", title: "Поля ЕГЭ заполнены для другой процедуры" },
  "period.required": {
    severity: "error",
    title: "Итоги четверти или полугодия без номера периода (или номер вне 1–4 / 1–2)",
  },
  "period.unexpected": { severity: "warning", title: "Период указан для процедуры без периодов" },
  "cycle.noDocument": { severity: "warning", title: "Компонент цикла «есть» без подтверждающего документа" },
  "cycle.link": { severity: "error", title: "Ссылка на вывод анализа в цикле не распознана" },
  "cycle.partialComponent": { severity: "info", title: "В частичном треке учитываются только компоненты 7–9" },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** A finding of `rule` with the rule's severity (or an explicit one, e.g. a milder sum.journal). */
export function finding(
  rule: RuleId,
  sheet: string,
  cell: string,
  message: string,
  hint?: string,
  severity?: Finding["severity"],
): Finding {
  const f: Finding = { severity: severity ?? RULES[rule].severity, rule, sheet, cell, message };
  if (hint) f.hint = hint;
  return f;
}
