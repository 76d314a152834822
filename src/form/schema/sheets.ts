/**
 * The school's standard form, declared once: every sheet, every column (Russian header, aliases,
 * type, unit, allowed values, required, range, help, computed formula). The template, the
 * locator, validation, parsing, the instruction sheet and docs/form.md all read this file.
 */
import { LINK_EXAMPLE } from "../../core/cycle/links";
import { INTERNAL_PROCEDURES, LOCATIONS, PROCEDURES, SCHOOL_TYPES } from "../../core/model";
import { MKDO_AREAS, MKDO_LEVELS } from "../../core/preschool";
import {
  CYCLE_COMPONENT_NAMES,
  CYCLE_SCORE_WORDS,
  DIRECTION_CODES,
  DIRECTION_NAMES,
  OBJECTIVITY_CODE,
  TRACK_KINDS,
} from "./labels";
import type { ColumnLetterOf, ColumnSpec, FieldSpec, RepeatedColumnSpec, SheetSchema } from "./types";

export const PERCENT_FORMAT = '0.0" %"';
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

// ── Shared columns ────────────────────────────────────────────────────────────

const year: ColumnSpec = {
  id: "year",
  header: "Год",
  aliases: ["Учебный год", "Год проведения"],
  type: "year",
  required: true,
  min: YEAR_MIN,
  max: YEAR_MAX,
  width: 8,
  numberFormat: "0",
  help: "Календарный год проведения (для учебного года 2025/26 — 2026).",
};

const procedure: ColumnSpec = {
  id: "procedure",
  header: "Процедура",
  aliases: ["Оценочная процедура", "Вид процедуры", "Вид оценочной процедуры"],
  type: "enum",
  values: PROCEDURES,
  required: true,
  width: 11,
  valueAliases: {
    "всероссийские проверочные работы": "ВПР",
    "краевые диагностические работы": "КДР",
    "региональные диагностические работы": "КДР",
    "основной государственный экзамен": "ОГЭ",
    "единый государственный экзамен": "ЕГЭ",
    гвэ: "ГВЭ-9",
  },
  help: "ВПР, КДР, ОГЭ, ГВЭ-9, ЕГЭ, ГВЭ-11 или НИКО — выберите из списка.",
};

const grade: ColumnSpec = {
  id: "grade",
  header: "Класс",
  aliases: ["Параллель", "Класс (параллель)", "Кл."],
  type: "integer",
  required: true,
  min: 1,
  max: 11,
  width: 7,
  numberFormat: "0",
  help: "Номер класса (параллели), 1–11.",
};

const className: ColumnSpec = {
  id: "className",
  header: "Класс (буква)",
  aliases: ["Буква", "Литера", "Буква класса", "Литера класса", "Класс буква"],
  type: "text",
  width: 8,
  numberFormat: "@",
  help: "Буква класса («А», «Б»…); пусто — вся параллель.",
};

const subject: ColumnSpec = {
  id: "subject",
  header: "Предмет",
  aliases: ["Учебный предмет", "Наименование предмета"],
  type: "text",
  required: true,
  width: 22,
  help: "Название предмета, например «Русский язык», «Математика», «Математика (профильная)».",
};

function count(
  id: string,
  header: string,
  help: string,
  aliases: readonly string[] = [],
  extra: Partial<ColumnSpec> = {},
): ColumnSpec {
  return { id, header, aliases, type: "integer", unit: "чел.", min: 0, width: 10, numberFormat: "0", help, ...extra };
}

/** (a + b + …) / d · 100, blank when the denominator is empty or zero or every numerator is blank. */
function shareFormula(numerators: readonly string[], denominator: string, guards: readonly string[] = numerators) {
  return (col: ColumnLetterOf, row: number): string => {
    const d = `${col(denominator)}${row}`;
    const sum = numerators.map((id) => `N(${col(id)}${row})`).join("+");
    const filled = guards.map((id) => `${col(id)}${row}`).join(",");
    return `IF(OR(N(${d})<=0,COUNT(${filled})=0),"",(${sum})/${d}*100)`;
  };
}

function percentColumn(id: string, header: string, help: string, formula: ColumnSpec["formula"]): ColumnSpec {
  return { id, header, type: "percent", unit: "%", width: 11, numberFormat: PERCENT_FORMAT, help, formula };
}

// ── Паспорт ОО ────────────────────────────────────────────────────────────────

const passportFields: readonly FieldSpec[] = [
  {
    id: "login",
    header: "Логин ОО в ФИС ОКО",
    aliases: ["Логин ФИС ОКО", "Логин", "Логин ОО"],
    type: "code",
    required: true,
    help: "Логин школы в ФИС ОКО, например edu420123 (до 2022 г. — sch420123, цифры те же): по нему школа узнаётся во всех сводах.",
  },
  {
    id: "name",
    header: "Полное наименование ОО",
    aliases: ["Полное наименование", "Наименование ОО", "Наименование"],
    type: "text",
    required: true,
    help: "Полное наименование по уставу.",
  },
  {
    id: "shortName",
    header: "Краткое наименование ОО",
    aliases: ["Краткое наименование", "Сокращённое наименование"],
    type: "text",
    help: "Краткое наименование для таблиц и диаграмм, например «МБОУ СОШ № 3».",
  },
  {
    id: "type",
    header: "Тип ОО",
    aliases: ["Тип", "Вид ОО", "Тип образовательной организации"],
    type: "enum",
    values: SCHOOL_TYPES,
    required: true,
    valueAliases: {
      "начальная общеобразовательная школа": "НОШ",
      "основная общеобразовательная школа": "ООШ",
      "средняя общеобразовательная школа": "СОШ",
      "сош уиоп": "СОШ с УИОП",
      "средняя школа с углубленным изучением отдельных предметов": "СОШ с УИОП",
      "вечерняя сменная школа": "вечерняя",
      "коррекционная школа": "коррекционная",
      доо: "детский сад",
      доу: "детский сад",
      "дошкольная образовательная организация": "детский сад",
      "дошкольное образовательное учреждение": "детский сад",
    },
    help: "НОШ, ООШ, СОШ, СОШ с УИОП, гимназия, лицей, вечерняя, коррекционная или детский сад — выберите из списка.",
  },
  {
    id: "location",
    header: "Местность",
    aliases: ["Территория", "Город или село", "Тип местности"],
    type: "enum",
    values: LOCATIONS,
    required: true,
    valueAliases: {
      городская: "город",
      сельская: "село",
      "сельская местность": "село",
      "городская местность": "город",
    },
    help: "город или село — выберите из списка.",
  },
  {
    id: "municipality",
    header: "Муниципалитет",
    aliases: ["Муниципальное образование", "Муниципальный район", "Район"],
    type: "text",
    help: "Муниципальный район или округ.",
  },
  {
    id: "socialIndex",
    header: "Индекс социального контекста",
    aliases: ["Индекс социального благополучия", "ИСК"],
    type: "number",
    help: "Необязательно. Больше — благоприятнее условия; задаёт управление образования.",
  },
];

export const PASSPORT: SheetSchema = {
  id: "passport",
  name: "Паспорт ОО",
  aliases: ["Паспорт", "Паспорт школы"],
  required: true,
  tabColor: "#1F4E79",
  purpose: "Сведения о школе и контингент обучающихся по годам и классам.",
  fields: passportFields,
  tableTitle: "Контингент обучающихся",
  columns: [
    year,
    { ...grade, help: "Класс (параллель), 1–11." },
    count(
      "pupils",
      "Обучающихся",
      "Число обучающихся параллели на начало учебного года.",
      ["Численность обучающихся", "Кол-во обучающихся", "Контингент"],
      { required: true },
    ),
  ],
  key: ["year", "grade"],
  templateRows: 33,
};

// ── Результаты ───────────────────────────────────────────────────────────────

/** «Результаты» also takes the school's own assessments; «Участники» and «Задания» stay external-only. */
const resultsProcedure: ColumnSpec = {
  ...procedure,
  values: [...PROCEDURES, ...INTERNAL_PROCEDURES],
  valueAliases: {
    ...procedure.valueAliases,
    "итоги четвертей": "Итоги четверти",
    четверть: "Итоги четверти",
    "четвертные отметки": "Итоги четверти",
    полугодие: "Итоги полугодия",
    "итоги полугодий": "Итоги полугодия",
    "полугодовые отметки": "Итоги полугодия",
    "промежуточная аттестация (годовые)": "Промежуточная аттестация",
    "годовые отметки": "Промежуточная аттестация",
    па: "Промежуточная аттестация",
  },
  width: 16,
  help: "ВПР, КДР, ОГЭ, ГВЭ-9, ЕГЭ, ГВЭ-11, НИКО; свои оценочные процедуры школы — «Итоги четверти», «Итоги полугодия» (с номером в столбце «Четверть / полугодие»), «Промежуточная аттестация».",
};

const period: ColumnSpec = {
  id: "period",
  // Not «Период» alone: a year column renamed so must stay an unknown column, not a period.
  header: "Четверть / полугодие",
  aliases: ["Четверть", "Полугодие", "Номер четверти", "Номер полугодия", "Номер периода"],
  type: "integer",
  min: 1,
  max: 4,
  width: 9,
  numberFormat: "0",
  help: "Только для итогов четверти (1–4) и полугодия (1–2); для ВПР, ОГЭ, ЕГЭ и промежуточной аттестации — пусто.",
};

export const RESULTS: SheetSchema = {
  id: "results",
  name: "Результаты",
  aliases: ["Результаты процедур", "Итоги"],
  required: true,
  tabColor: "#2E75B6",
  purpose:
    "Итоги оценочных процедур по классам и предметам: отметки, баллы ЕГЭ, сравнение с журналом; итоги четвертей, полугодий и промежуточной аттестации.",
  columns: [
    resultsProcedure,
    year,
    grade,
    className,
    subject,
    count(
      "participants",
      "Участников",
      "Число участников, получивших результат (без отсутствовавших).",
      ["Кол-во участников", "Количество участников", "Число участников", "Писали"],
      { required: true },
    ),
    count("n5", "«5»", "Число отметок «5».", ["Отметка 5", "Кол-во 5", "Количество 5", "Пятёрок"]),
    count("n4", "«4»", "Число отметок «4».", ["Отметка 4", "Кол-во 4", "Количество 4", "Четвёрок"]),
    count("n3", "«3»", "Число отметок «3».", ["Отметка 3", "Кол-во 3", "Количество 3", "Троек"]),
    count("n2", "«2»", "Число отметок «2».", ["Отметка 2", "Кол-во 2", "Количество 2", "Двоек"]),
    {
      id: "meanScore",
      header: "Средний балл",
      aliases: ["Средний тестовый балл", "Ср. балл"],
      type: "number",
      unit: "балл",
      min: 0,
      max: 100,
      width: 9,
      numberFormat: "0.0",
      help: "Только ЕГЭ: средний тестовый балл (0–100).",
    },
    count("belowMin", "Ниже минимума", "Только ЕГЭ: не набрали минимальный балл предмета.", [
      "Не преодолели минимальный порог",
      "Ниже мин. порога",
      "Ниже порога",
    ]),
    count("high81", "81–99", "Только ЕГЭ: набрали от 81 до 99 баллов.", ["От 81 до 99", "81-99 баллов"]),
    count("score100", "100", "Только ЕГЭ: набрали 100 баллов.", ["100 баллов", "Стобалльников"]),
    count("lowered", "Понизили", "Сравнение с журналом: отметка за работу ниже отметки по журналу.", [
      "Понизили отметку",
      "Понизили (отм. < отм. по журналу)",
    ]),
    count("confirmed", "Подтвердили", "Сравнение с журналом: отметки совпали.", [
      "Подтвердили отметку",
      "Подтвердили (отм. = отм. по журналу)",
    ]),
    count("raised", "Повысили", "Сравнение с журналом: отметка за работу выше отметки по журналу.", [
      "Повысили отметку",
      "Повысили (отм. > отм. по журналу)",
    ]),
    percentColumn(
      "successPct",
      "Успеваемость, %",
      "Вычисляется: («5» + «4» + «3») / участников · 100.",
      shareFormula(["n5", "n4", "n3"], "participants", ["n5", "n4", "n3", "n2"]),
    ),
    percentColumn(
      "qualityPct",
      "Качество, %",
      "Вычисляется: («5» + «4») / участников · 100.",
      shareFormula(["n5", "n4"], "participants", ["n5", "n4", "n3", "n2"]),
    ),
    percentColumn(
      "share2Pct",
      "Доля «2», %",
      "Вычисляется: «2» / участников · 100.",
      shareFormula(["n2"], "participants", ["n5", "n4", "n3", "n2"]),
    ),
    percentColumn(
      "confirmedPct",
      "Подтвердили, %",
      "Вычисляется: подтвердили / (понизили + подтвердили + повысили) · 100.",
      (col, row) => {
        const s = ["lowered", "confirmed", "raised"].map((id) => `N(${col(id)}${row})`).join("+");
        return `IF((${s})<=0,"",N(${col("confirmed")}${row})/(${s})*100)`;
      },
    ),
    // Last, so the columns of older forms keep their letters.
    period,
  ],
  key: ["procedure", "year", "grade", "className", "subject", "period"],
  templateRows: 150,
};

// ── Участники ────────────────────────────────────────────────────────────────

const TASK_RE = /^(?:з|z|зад|задание|№|n)\s*(\d{1,3})$/;

const taskPoints: RepeatedColumnSpec = {
  id: "taskPoints",
  header: (n) => `З${n}`,
  type: "number",
  min: 0,
  width: 5,
  templateCount: 20,
  match: (h) => {
    const m = TASK_RE.exec(h);
    return m ? Number(m[1]) : null;
  },
  help: "Баллы за задания З1, З2… по порядку; добавьте столбцы З21, З22…, если заданий больше.",
};

export const PARTICIPANTS: SheetSchema = {
  id: "participants",
  name: "Участники",
  aliases: ["Участники процедур", "Результаты участников"],
  required: false,
  tabColor: "#548235",
  purpose: "Необязательный лист: результаты каждого участника — только код участника, без фамилий и имён.",
  columns: [
    procedure,
    year,
    grade,
    className,
    subject,
    {
      id: "code",
      header: "Код участника",
      aliases: ["Код", "Код работы", "Идентификатор участника", "Шифр"],
      type: "code",
      required: true,
      width: 12,
      numberFormat: "@",
      help: "Код участника из ФИС ОКО или протокола. Фамилии и имена не вносятся.",
    },
    {
      id: "score",
      header: "Первичный балл",
      aliases: ["Балл", "Сумма баллов", "Первичный балл за работу"],
      type: "number",
      unit: "балл",
      min: 0,
      allowAbsent: true,
      width: 9,
      help: "Сумма первичных баллов за работу; «отс» — отсутствовал.",
    },
    {
      id: "mark",
      header: "Отметка",
      aliases: ["Отметка за работу", "Оценка", "Отметка по пятибалльной шкале"],
      type: "integer",
      min: 1,
      max: 5,
      allowAbsent: true,
      width: 8,
      numberFormat: "0",
      help: "Отметка за работу 2–5 (или 1); «н/а», «отс» допускаются.",
    },
    {
      id: "journalMark",
      header: "Отметка по журналу",
      aliases: ["Отметка в журнале", "Журнал", "Оценка по журналу"],
      type: "integer",
      min: 1,
      max: 5,
      allowAbsent: true,
      width: 9,
      numberFormat: "0",
      help: "Отметка по журналу за предыдущий период.",
    },
  ],
  repeated: taskPoints,
  key: ["procedure", "year", "grade", "subject", "code"],
  templateRows: 150,
};

// ── Задания ──────────────────────────────────────────────────────────────────

export const TASKS: SheetSchema = {
  id: "tasks",
  name: "Задания",
  aliases: ["Перечень заданий", "Спецификация"],
  required: false,
  tabColor: "#548235",
  purpose: "Необязательный лист: задания работы — номер, уровень сложности, максимальный балл, проверяемое умение.",
  columns: [
    procedure,
    year,
    grade,
    subject,
    {
      id: "number",
      header: "№ задания",
      aliases: ["Номер задания", "Задание", "№"],
      type: "code",
      required: true,
      width: 9,
      numberFormat: "@",
      help: "Номер задания, как в работе: 1, 2, 7.1…",
    },
    {
      id: "level",
      header: "Уровень",
      aliases: ["Уровень сложности", "Уровень задания"],
      type: "enum",
      values: ["Б", "П", "В"],
      required: true,
      width: 8,
      valueAliases: { базовый: "Б", повышенный: "П", высокий: "В", b: "Б" },
      help: "Б — базовый, П — повышенный, В — высокий.",
    },
    {
      id: "max",
      header: "Макс. балл",
      aliases: ["Максимальный балл", "Макс балл", "Максимум"],
      type: "integer",
      unit: "балл",
      min: 1,
      required: true,
      width: 8,
      numberFormat: "0",
      help: "Максимальный первичный балл за задание.",
    },
    {
      id: "skill",
      header: "Проверяемое умение",
      aliases: ["Проверяемые требования", "Умение", "Планируемый результат", "Блоки ПООП"],
      type: "text",
      width: 50,
      help: "Проверяемое умение или планируемый результат (по описанию работы).",
    },
  ],
  key: ["procedure", "year", "grade", "subject", "number"],
  templateRows: 100,
};

// ── Направления 3–8 (методика §7) ────────────────────────────────────────────

export const OLYMPIAD_STAGES = ["школьный", "муниципальный", "региональный", "заключительный"] as const;

export const OLYMPIADS: SheetSchema = {
  id: "olympiads",
  name: "Олимпиады",
  aliases: ["ВсОШ", "Олимпиада"],
  required: false,
  direction: 3,
  tabColor: "#BF8F00",
  purpose: "Направление 3: участие во всероссийской олимпиаде школьников по этапам.",
  labelColumn: "stage",
  columns: [
    year,
    {
      id: "stage",
      header: "Этап",
      aliases: ["Этап ВсОШ", "Этап олимпиады"],
      type: "enum",
      values: OLYMPIAD_STAGES,
      required: true,
      width: 15,
      help: "Этап ВсОШ — выберите из списка.",
    },
    count(
      "participantsUnique",
      "Участников (чел.)",
      "Обучающихся, участвовавших хотя бы в одной олимпиаде этапа (каждый считается один раз).",
      ["Участников", "Участников чел", "Уникальных участников"],
    ),
    count("participations", "Участий", "Участий всего: обучающийся, писавший три олимпиады, — три участия.", [
      "Количество участий",
      "Участий всего",
    ]),
    count("winners", "Победителей", "Дипломов победителя (участий).", ["Победители"]),
    count("prizeWinners", "Призёров", "Дипломов призёра (участий).", ["Призеры", "Призёры"]),
    count(
      "awardeesUnique",
      "Победителей и призёров (чел.)",
      "Обучающихся, ставших победителем или призёром хотя бы раз.",
      ["Победителей и призеров чел"],
    ),
  ],
  key: ["year", "stage"],
  templateRows: 20,
};

export const CAREERS: SheetSchema = {
  id: "careers",
  name: "Профориентация",
  aliases: ["Самоопределение", "Выпускники", "Трудоустройство выпускников"],
  required: false,
  direction: 4,
  tabColor: "#BF8F00",
  purpose: "Направление 4: дальнейший путь выпускников 9 и 11 классов, участие в профориентационных проектах.",
  columns: [
    year,
    count("grad9", "Выпускников 9 кл.", "Получили аттестат об основном общем образовании.", [
      "Выпускников 9 класса",
      "Выпускники 9",
    ]),
    count("grad9To10", "9 кл. → 10 класс", "Продолжили обучение в 10 классе (в своей или другой школе).", [
      "Продолжили обучение в 10 классе",
      "В 10 класс",
    ]),
    count("grad9ToSpo", "9 кл. → СПО", "Поступили в организации СПО.", ["Поступили в СПО после 9", "В СПО 9"]),
    count("grad9Other", "9 кл. → иное", "Иное: работа, переезд, не определились.", ["Иное 9"]),
    count("grad11", "Выпускников 11 кл.", "Получили аттестат о среднем общем образовании.", [
      "Выпускников 11 класса",
      "Выпускники 11",
    ]),
    count("grad11ToVuz", "11 кл. → вуз", "Поступили в вузы.", ["Поступили в вузы", "В вузы"]),
    count(
      "grad11VuzProfile",
      "из них по профилю ЕГЭ",
      "Из поступивших в вузы — на направления, соответствующие сданным предметам ЕГЭ (не входит в сумму).",
      ["По профилю ЕГЭ"],
    ),
    count("grad11ToSpo", "11 кл. → СПО", "Поступили в организации СПО.", ["Поступили в СПО после 11", "В СПО 11"]),
    count("grad11Work", "11 кл. → работа", "Трудоустроились.", ["Трудоустроены", "Работают"]),
    count("grad11Army", "11 кл. → армия", "Призваны в армию.", ["Армия", "Служба в армии"]),
    count("grad11Undetermined", "11 кл. → не определились", "Не определились или нет сведений.", ["Не определились"]),
    count("futureTicket", "«Билет в будущее»", "Участников проекта «Билет в будущее».", ["Билет в будущее"]),
    count("profMinimum", "Профминимум", "Обучающихся, охваченных профминимумом.", ["Профориентационный минимум"]),
  ],
  key: ["year"],
  templateRows: 10,
};

export const STAFF: SheetSchema = {
  id: "staff",
  name: "Кадры",
  aliases: ["Педагогические кадры", "Педагоги"],
  required: false,
  direction: 6,
  tabColor: "#BF8F00",
  purpose: "Направление 6: профессиональное развитие педагогов (количества; оценки отдельных педагогов не собираются).",
  columns: [
    year,
    count("teachers", "Педагогов всего", "Педагогических работников (физических лиц).", [
      "Педагогов",
      "Всего педагогов",
      "Педагогических работников",
    ]),
    count("catHighest", "Высшая категория", "Педагогов с высшей квалификационной категорией.", ["С высшей категорией"]),
    count("catFirst", "Первая категория", "Педагогов с первой квалификационной категорией.", ["С первой категорией"]),
    count("trained3y", "КПК за 3 года", "Прошли повышение квалификации за последние 3 года.", [
      "Прошли КПК",
      "Повышение квалификации за 3 года",
    ]),
    count("deficitDiagnostics", "Диагностика дефицитов", "Прошли диагностику профессиональных дефицитов.", [
      "Диагностика профессиональных дефицитов",
    ]),
    count("individualRoute", "С ИОМ", "Работают по индивидуальному образовательному маршруту.", [
      "ИОМ",
      "Индивидуальный маршрут",
    ]),
    count("young", "Молодых педагогов", "Молодых специалистов (стаж до 3 лет).", [
      "Молодые специалисты",
      "Молодых специалистов",
    ]),
    count("youngMentored", "из них с наставником", "Из молодых педагогов — закреплён наставник.", ["С наставником"]),
    count("vacancies", "Вакансий", "Вакантных ставок педагогов на начало года.", ["Вакансии"], { unit: "ставок" }),
  ],
  key: ["year"],
  templateRows: 10,
};

export const HEAD: SheetSchema = {
  id: "head",
  name: "Руководитель",
  aliases: ["Эффективность руководителя", "Руководители"],
  required: false,
  direction: 5,
  tabColor: "#BF8F00",
  purpose:
    "Направление 5: показатели эффективности руководителя в баллах; критерии и максимумы задаёт управление образования.",
  labelColumn: "criterion",
  columns: [
    year,
    {
      id: "criterion",
      header: "Критерий",
      aliases: ["Показатель", "Наименование критерия"],
      type: "text",
      required: true,
      width: 45,
      help: "Критерий из положения муниципалитета, например «Результаты ГИА и их динамика».",
    },
    {
      id: "maxPoints",
      header: "Макс. баллов",
      aliases: ["Максимальный балл", "Максимум баллов"],
      type: "number",
      unit: "балл",
      min: 0,
      width: 9,
      help: "Максимальный балл по критерию.",
    },
    {
      id: "points",
      header: "Баллов",
      aliases: ["Балл", "Набрано баллов", "Баллы"],
      type: "number",
      unit: "балл",
      min: 0,
      width: 9,
      help: "Набранные баллы.",
    },
  ],
  key: ["year", "criterion"],
  templateRows: 30,
};

export const UPBRINGING: SheetSchema = {
  id: "upbringing",
  name: "Воспитание",
  aliases: ["Воспитательная работа"],
  required: false,
  direction: 7,
  tabColor: "#BF8F00",
  purpose: "Направление 7: охват дополнительным образованием и объединениями, профилактика, летний отдых.",
  columns: [
    year,
    count(
      "addEducation",
      "В доп. образовании (5–18 лет)",
      "Обучающихся 5–18 лет, занимающихся в дополнительном образовании.",
      ["Охвачено дополнительным образованием", "Доп образование"],
    ),
    count("clubs", "В кружках и секциях ОО", "Обучающихся в кружках, секциях, клубах школы.", ["Кружки и секции"]),
    count("movementFirst", "«Движение Первых»", "Участников «Движения Первых».", ["Движение первых"]),
    count("volunteers", "Волонтёров", "Обучающихся-волонтёров.", ["Волонтеры", "Волонтёры"]),
    count(
      "preventionRegister",
      "На профилактическом учёте",
      "Обучающихся на внутришкольном и других профилактических учётах.",
      ["На учете", "Состоят на учёте"],
    ),
    count("offences", "Правонарушений", "Правонарушений обучающихся за год.", ["Правонарушения"], { unit: "случаев" }),
    count("summerRest", "Летний отдых", "Обучающихся, охваченных летним отдыхом и оздоровлением.", [
      "Охвачено летним отдыхом",
    ]),
  ],
  key: ["year"],
  templateRows: 10,
};

export const PRESCHOOL: SheetSchema = {
  id: "preschool",
  name: "Дошкольное",
  aliases: ["Дошкольное образование", "МКДО"],
  required: false,
  direction: 8,
  tabColor: "#BF8F00",
  purpose: "Направление 8: качество дошкольного образования по областям МКДО (для школ с дошкольными группами).",
  labelColumn: "area",
  columns: [
    year,
    {
      id: "area",
      header: "Область качества",
      aliases: ["Область МКДО", "Область"],
      type: "text",
      required: true,
      width: 40,
      help: "Область качества МКДО, например «Образовательные условия».",
    },
    count("groups", "Групп", "Дошкольных групп всего.", ["Групп всего"], { unit: "групп" }),
    count(
      "groupsBasicOrAbove",
      "Групп на базовом уровне и выше",
      "Групп, достигших базового уровня или выше по шкале МКДО.",
      ["Базовый уровень и выше"],
      { unit: "групп" },
    ),
    {
      id: "mkdoScore",
      header: "Балл МКДО",
      aliases: ["Средний балл МКДО", "Уровень МКДО"],
      type: "number",
      unit: "балл",
      min: 0,
      width: 9,
      numberFormat: "0.0",
      help: "Средний балл области по шкале федерального инструмента МКДО.",
    },
  ],
  key: ["year", "area"],
  templateRows: 20,
};

// ── Группы МКДО (направление 8: детский сад или дошкольные группы школы) ──────

/** The level dropdown of one МКДО area: 1…5 may be typed as digits. */
function mkdoAreaColumn(id: string, name: string, n: number): ColumnSpec {
  return {
    id,
    header: `${n}. ${name}`,
    aliases: [name],
    type: "enum",
    values: MKDO_LEVELS,
    valueAliases: {
      ...Object.fromEntries(MKDO_LEVELS.map((l, i) => [String(i + 1), l])),
      неудовлетворительный: "ниже базового",
      "ниже базового уровня": "ниже базового",
    },
    width: 14,
    help: `Уровень качества группы по области «${name}» по шкале МКДО: ${MKDO_LEVELS.map((l, i) => `${i + 1} — ${l}`).join(", ")}; пусто — область не оценивалась.`,
  };
}

export const PRESCHOOL_GROUPS: SheetSchema = {
  id: "preschoolGroups",
  name: "Группы МКДО",
  aliases: ["Группы", "Дошкольные группы", "МКДО по группам"],
  required: false,
  direction: 8,
  tabColor: "#BF8F00",
  purpose:
    "Направление 8: уровни качества МКДО каждой дошкольной группы по девяти областям (детский сад или дошкольные группы школы); одна строка — одна группа за год.",
  columns: [
    year,
    {
      id: "group",
      header: "Группа",
      aliases: ["Наименование группы", "Название группы", "№ группы"],
      type: "text",
      required: true,
      width: 18,
      numberFormat: "@",
      help: "Название или номер группы, как в ДОО («Солнышко», «гр. 3»); имена детей не вносятся.",
    },
    count("children", "Воспитанников", "Необязательно: число воспитанников группы.", ["Детей", "Численность"]),
    ...MKDO_AREAS.map((a, i) => mkdoAreaColumn(a.id, a.name, i + 1)),
  ],
  key: ["year", "group"],
  templateRows: 30,
};

// ── Цикл ─────────────────────────────────────────────────────────────────────

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export const CYCLE: SheetSchema = {
  id: "cycle",
  name: "Цикл",
  aliases: ["Управленческий цикл", "Циклы"],
  required: false,
  tabColor: "#7030A0",
  purpose:
    "Управленческий цикл по направлениям: для каждого трека — 9 компонентов с оценкой и подтверждающим документом.",
  columns: [
    year,
    {
      id: "direction",
      header: "Направление",
      aliases: ["№ направления", "Номер направления"],
      type: "enum",
      values: DIRECTION_CODES,
      required: true,
      width: 14,
      valueAliases: Object.fromEntries([
        ...Object.entries(DIRECTION_NAMES).map(([code, name]) => [name, code]),
        ["о", OBJECTIVITY_CODE],
        ["1о", OBJECTIVITY_CODE],
        ["объективность процедур", OBJECTIVITY_CODE],
      ]),
      help: "1–8 или «Объективность» (трек направления 1); название направления появится рядом.",
    },
    {
      id: "directionName",
      header: "Название направления",
      type: "text",
      width: 40,
      help: "Вычисляется по номеру направления.",
      formula: (col, row) => {
        const c = `${col("direction")}${row}`;
        const names = ["1", "2", "3", "4", "5", "6", "7", "8"].map((k) => quote(DIRECTION_NAMES[k])).join(",");
        return `IF(${c}="","",IFERROR(IF(${c}=${quote(OBJECTIVITY_CODE)},${quote(DIRECTION_NAMES[OBJECTIVITY_CODE])},CHOOSE(VALUE(${c}),${names})),""))`;
      },
    },
    {
      id: "track",
      header: "Трек",
      aliases: ["Название трека", "Подсистема"],
      type: "text",
      required: true,
      width: 30,
      help: "Название трека (части направления), например «ВПР» или «Олимпиады».",
    },
    {
      id: "trackKind",
      header: "Тип трека",
      aliases: ["Вид трека", "Цикл трека"],
      type: "enum",
      values: TRACK_KINDS,
      required: true,
      width: 11,
      valueAliases: { "полный цикл": "полный", "частичный цикл": "частичный", неполный: "частичный" },
      help: "полный — учитываются все 9 компонентов; частичный — только 7–9.",
    },
    {
      id: "component",
      header: "Компонент",
      aliases: ["№ компонента", "Этап цикла", "Компонент цикла"],
      type: "integer",
      min: 1,
      max: 9,
      required: true,
      width: 10,
      numberFormat: "0",
      help: "Номер компонента цикла 1–9; название появится рядом.",
    },
    {
      id: "componentName",
      header: "Название компонента",
      type: "text",
      width: 34,
      help: "Вычисляется по номеру компонента.",
      formula: (col, row) => {
        const c = `${col("component")}${row}`;
        return `IF(${c}="","",IFERROR(CHOOSE(VALUE(${c}),${CYCLE_COMPONENT_NAMES.map(quote).join(",")}),""))`;
      },
    },
    {
      id: "score",
      header: "Оценка",
      aliases: ["Выполнение", "Наличие", "Статус"],
      type: "enum",
      values: CYCLE_SCORE_WORDS,
      width: 10,
      valueAliases: {
        "0": "нет",
        "1": "частично",
        "2": "есть",
        да: "есть",
        выполнено: "есть",
        "частично выполнено": "частично",
      },
      help: "нет, частично или есть (есть — подтверждено документом).",
    },
    {
      id: "docNumber",
      header: "Документ №",
      aliases: ["Номер документа", "№ документа", "Документ"],
      type: "text",
      width: 12,
      numberFormat: "@",
      help: "Номер подтверждающего документа (приказа, справки).",
    },
    {
      id: "docDate",
      header: "Дата документа",
      aliases: ["Дата", "От"],
      type: "date",
      width: 12,
      numberFormat: "dd.mm.yyyy",
      help: "Дата документа, ДД.ММ.ГГГГ.",
    },
    {
      id: "responsible",
      header: "Ответственный",
      aliases: ["Ответственный исполнитель"],
      type: "text",
      width: 22,
      help: "Должность ответственного.",
    },
    {
      id: "plannedDate",
      header: "Плановый срок",
      aliases: ["Срок", "Срок исполнения", "План"],
      type: "date",
      width: 12,
      numberFormat: "dd.mm.yyyy",
      help: "Плановый срок, ДД.ММ.ГГГГ.",
    },
    {
      id: "link",
      header: "Связь с выводом",
      aliases: ["Ссылка на вывод", "Вывод анализа", "Связь с признаком"],
      type: "text",
      width: 30,
      help: `На какой вывод анализа отвечает строка (рекомендации, меры, решения): код, процедура, год, класс, предмет, например ${LINK_EXAMPLE}; несколько — через «;».`,
    },
  ],
  key: ["year", "direction", "track", "component"],
  templateRows: 100,
};

/** The sheet generated from the schema (never read as data). */
export const INSTRUCTION_SHEET = "Инструкция";

/** Data sheets in workbook order. */
export const FORM_SHEETS: readonly SheetSchema[] = [
  PASSPORT,
  RESULTS,
  PARTICIPANTS,
  TASKS,
  OLYMPIADS,
  CAREERS,
  STAFF,
  HEAD,
  UPBRINGING,
  PRESCHOOL,
  PRESCHOOL_GROUPS,
  CYCLE,
];

/** The sheets of a kindergarten's form (msoko template --preschool): no results of procedures. */
export const PRESCHOOL_FORM_SHEETS: readonly SheetSchema[] = [PASSPORT, PRESCHOOL_GROUPS, CYCLE];
