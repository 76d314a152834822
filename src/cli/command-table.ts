/**
 * The CLI's static table of commands: name, one Russian line for the help and the call pattern.
 * Kept apart from the command modules so `msoko help` (and a wrong call) prints without loading
 * exceljs, the analysis or the sample generator — the built CLI answers in a fraction of a second.
 * Each command module takes its own `summary`/`usage` from here, so the texts live in one place.
 */

export interface CommandInfo {
  /** One line for `msoko help`. */
  summary: string;
  /** The call pattern after «msoko ». */
  usage: string;
}

export const COMMAND_INFO = {
  analyze: {
    summary: "анализ форм ОО: признаки необъективности, риск (ШНОР/ШНСУ), стабильность; --json — в файл",
    usage:
      'analyze ФОРМЫ.xlsx… | ПРОТОКОЛЫ.xlsx… | ПАПКА [--json out.json] [--set ключ=значение] [--all-years] [--level municipality|region] [--test "ВПР 2021 Математика 4 класс"] [--force]',
  },
  calc: {
    summary: "вычислить функцию надстройки без Excel (аргументы в JSON)",
    usage: "calc ФУНКЦИЯ аргумент … (JSON или текст ячейки) [--set ключ=значение]…",
  },
  demo: {
    summary: "создать демонстрационный муниципалитет: заполненные формы школ и перечень внедрённых ситуаций",
    usage: "demo --out ПАПКА [--seed N] [--schools N] [--force]",
  },
  "import-fisoko": {
    summary: "импорт выгрузок ФИС ОКО (ВПР) в форму ОО или их проверка",
    usage: "import-fisoko ФАЙЛ.xlsx… [--into ФОРМА.xlsx] [--out НОВЫЙ.xlsx] [--set ключ=значение]… [--force] [--json]",
  },
  report: {
    summary: "аналитическая справка муниципалитета (.docx) по формам ОО; --public — публичный отчёт для родителей",
    usage:
      "report ФОРМЫ.xlsx…|ПАПКА [СВОД.xlsx] --out СПРАВКА.docx [--public] [--date ГГГГ-ММ-ДД] [--set ключ=значение]… [--force]",
  },
  "school-report": {
    summary: "аналитический отчёт ОО (ВСОКО) по форме школы: листы «Анализ ОО — …» и «Выводы и решения»",
    usage:
      "school-report ФОРМА.xlsx [ФОРМЫ_ДРУГИХ_ОО.xlsx…|ПАПКА] [ВЫГРУЗКИ_ФИС_ОКО.xlsx…] --out АНАЛИЗ.xlsx [--docx АНАЛИЗ.docx] [--year ГГГГ] [--procedure ВПР] [--grade N]… [--subject ПРЕДМЕТ]… [--set ключ=значение]… [--force]",
  },
  summarize: {
    summary: "свод по муниципалитету из форм ОО (и выгрузок ФИС ОКО) в .xlsx и JSON",
    usage:
      "summarize ФОРМЫ…|ПАПКА --out СВОД.xlsx [--json СВОД.json] [--date ГГГГ-ММ-ДД] [--cycle ЦИКЛ_МОУО.xlsx] [--set ключ=значение]… [--force]",
  },
  template: {
    summary:
      "создать пустую форму ОО или детского сада (--preschool), книгу цикла МОУО (--mouo) или напечатать описание формы (--docs) и показателей направлений (--directions-docs)",
    usage: "template --out ФАЙЛ.xlsx [--preschool | --mouo] [--force] | template --docs | template --directions-docs",
  },
  validate: {
    summary: "проверить заполненную форму ОО (.xlsx); --json — результат в JSON",
    usage: "validate ФАЙЛ.xlsx [--json] [--set ключ=значение]…",
  },
} as const satisfies Record<string, CommandInfo>;

export type CommandName = keyof typeof COMMAND_INFO;

export const COMMAND_NAMES = Object.keys(COMMAND_INFO).sort() as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMAND_INFO, name);
}
