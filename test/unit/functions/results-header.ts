/**
 * The header of a consolidated results table as the summary's «Результаты» sheet writes it: the
 * tests of the analysis functions (MSOKO.RISK & co.) build their tables under it.
 */
export const RESULTS_TABLE_HEADER = [
  "Логин ОО",
  "Тип ОО",
  "Местность",
  "Процедура",
  "Год",
  "Класс",
  "Класс (буква)",
  "Предмет",
  "Участников",
  "«5»",
  "«4»",
  "«3»",
  "«2»",
];
