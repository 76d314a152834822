/**
 * Case 2, custom functions in Excel's shape: Excel passes a range as nested arrays (one array per
 * row) and calls the function once per cell. Here 1,000 cells call the same function over the same
 * 100k-row column of marks; the cost of 1,000 calls is compared with one call. Without a per-input
 * cache every call re-reads all 100k cells, so 1,000 calls cost ~1,000×; the target with the cache
 * (src/functions/analysis.ts, area E) is < 2×.
 */
import { rng } from "../lib/generate.mjs";

/** A 100k × 1 column as Excel passes it: numbers, empty strings for blanks, «отс» for absent. */
export function marksColumn(rows, seed = 7) {
  const r = rng(seed);
  const out = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const u = r();
    out[i] = [u < 0.02 ? "" : u < 0.03 ? "отс" : u < 0.13 ? 2 : u < 0.53 ? 3 : u < 0.88 ? 4 : 5];
  }
  return out;
}

/** Calls fn(range) `cells` times with the same array object, as Excel does for one shared range. */
export function callFromCells(fn, range, cells) {
  let last;
  for (let c = 0; c < cells; c++) last = fn(range);
  return last;
}

/** Header of the results-table layout the analysis functions read (src/functions/analysis-table.ts). */
export const RESULTS_HEADER = [
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
const TABLE_SUBJECTS = ["Русский язык", "Математика", "Окружающий мир", "История", "Биология", "География", "Физика"];

/**
 * A municipality's results table of about `rows` lines (header included), as Excel passes it:
 * schools × 3 years × grades 4–8 × 7 subjects, counts of «5»…«2» per line.
 */
export function resultsTable(rows, seed = 11) {
  const r = rng(seed);
  const perSchool = 3 * 5 * TABLE_SUBJECTS.length;
  const schools = Math.max(4, Math.round(rows / perSchool));
  const out = [RESULTS_HEADER];
  for (let s = 0; s < schools; s++) {
    const login = `sch${500000 + s}`;
    const level = r();
    for (const year of [2024, 2025, 2026]) {
      for (let grade = 4; grade <= 8; grade++) {
        for (const subject of TABLE_SUBJECTS) {
          const n = 15 + Math.floor(r() * 50);
          const n5 = Math.floor(n * (0.05 + 0.2 * level * r()));
          const n2 = Math.floor(n * (0.02 + 0.15 * (1 - level) * r()));
          const n4 = Math.floor((n - n5 - n2) * (0.3 + 0.3 * level));
          out.push([
            login,
            "СОШ",
            s % 3 === 0 ? "село" : "город",
            "ВПР",
            year,
            grade,
            "",
            subject,
            n,
            n5,
            n4,
            n - n5 - n4 - n2,
            n2,
          ]);
        }
      }
    }
  }
  return { table: out, schools };
}
