/**
 * Result-indicator functions over Excel-shaped arguments. Each returns a percentage (0–100),
 * a mean, or percentage points; errors are InputError/NoDataError with Russian messages.
 * The JSDoc wrappers in functions.ts only call these.
 */
import { InputError, NoDataError } from "../core/errors";
import * as ind from "../core/indicators";
import type { MarkCounts, Procedure } from "../core/model";
import { PROCEDURES } from "../core/model";
import { egeMinimum, type Profile } from "../core/profile";
import { canonicalSubject, nearest, normaliseKey, SUBJECTS } from "../core/subjects";
import { quoteValue } from "../core/values";
import {
  asRange,
  isOmitted,
  readCountCells,
  readMarkPairs,
  readMarks,
  readMode,
  readNumber,
  readScores,
  readText,
  shapeRu,
} from "./ranges";

const MARKS_ARG = "отметки";

function must(v: number | null, what: string): number {
  if (v === null) throw new NoDataError(`Нет участников с отметкой: ${what} не определён(а).`);
  return v;
}

export function success(marks: unknown, p: Profile): number {
  return must(ind.successRate(readMarks(marks, MARKS_ARG, p).counts), "успеваемость");
}

export function quality(marks: unknown, p: Profile): number {
  return must(ind.quality(readMarks(marks, MARKS_ARG, p).counts), "качество знаний");
}

export function sou(marks: unknown, p: Profile): number {
  return must(ind.sou(readMarks(marks, MARKS_ARG, p).counts, p.values["sou.weights"]), "СОУ");
}

export function meanMark(marks: unknown, p: Profile): number {
  return must(ind.meanMark(readMarks(marks, MARKS_ARG, p).counts), "средний балл");
}

const CONFIRM_MODES: Record<string, ind.ConfirmMode> = {
  confirmed: "confirmed",
  подтвердили: "confirmed",
  подтверждение: "confirmed",
  lowered: "lowered",
  понизили: "lowered",
  raised: "raised",
  повысили: "raised",
  gap2: "gap2",
  расхождение2: "gap2",
  расхождение: "gap2",
};

/**
 * Confirmation of journal marks, %. Either two columns (test marks, journal marks), or one row of
 * three counts (понизили, подтвердили, повысили) with the journal argument left empty.
 */
export function confirm(test: unknown, journal: unknown, mode: unknown, p: Profile): number {
  void p;
  const m = readMode(mode, "режим", CONFIRM_MODES, "confirmed");
  const t = asRange(test, "отметки ВПР");
  if (isOmitted(journal)) {
    if (t.length !== 1 || t[0].length !== 3) {
      throw new InputError(
        `Без аргумента «отметки по журналу» первый аргумент должен быть строкой из 3 количеств ` +
          `(понизили, подтвердили, повысили), а передан диапазон ${shapeRu(t)}.`,
      );
    }
    if (m === "gap2") {
      throw new InputError(
        "Режим «расхождение2» требует отметки участников и по журналу: по количествам групп он не вычисляется.",
      );
    }
    const [lowered, confirmed, raised] = readCountCells(t, "отметки ВПР");
    const comparison = { lowered, confirmed, raised };
    return must(ind.confirmationShare(comparison, m), "доля");
  }
  const pairs = readMarkPairs(test, journal, "отметки ВПР", "отметки по журналу");
  const c = ind.confirmation(pairs.test, pairs.journal);
  if (c.n === 0) throw new NoDataError("Нет участников, у которых есть и отметка ВПР, и отметка по журналу.");
  return must(ind.confirmationShare(c, m), "доля");
}

/** Finds a procedure by its spelling, with the nearest valid one suggested on error. */
export function procedureOf(text: string): Procedure {
  const key = normaliseKey(text).replace(/ /g, "-");
  const found = PROCEDURES.find((p) => normaliseKey(p).replace(/ /g, "-") === key);
  if (found) return found;
  const guess = nearest(text, PROCEDURES);
  throw new InputError(
    `Процедура ${quoteValue(text)} не известна${guess ? ` — возможно, «${guess}»` : ""}; допустимы ${PROCEDURES.join(", ")}.`,
  );
}

export function subjectOf(text: string): string {
  const s = canonicalSubject(text);
  if (s) return s;
  const guess = nearest(text, SUBJECTS);
  throw new InputError(`Предмет ${quoteValue(text)} не известен${guess ? ` — возможно, «${guess}»` : ""}.`);
}

export function yearOf(value: unknown): number {
  const y = readNumber(value, "год");
  if (!Number.isInteger(y) || y < 2000 || y > 2100)
    throw new InputError(`Аргумент «год»: ожидается год от 2000 до 2100, а указано ${quoteValue(y)}.`);
  return y;
}

/**
 * Share below the minimum, %: for ВПР, КДР, ОГЭ, ГВЭ, НИКО and ЕГЭ базовой математики — share of
 * «2» among marks (or counts); for other ЕГЭ subjects — share of scores below the year's minimum.
 */
export function belowMin(procedure: unknown, subject: unknown, year: unknown, values: unknown, p: Profile): number {
  const proc = procedureOf(readText(procedure, "процедура"));
  const subj = subjectOf(readText(subject, "предмет"));
  const y = yearOf(year);
  if (proc !== "ЕГЭ" || subj === "Математика (базовая)") {
    return must(ind.share2(readMarks(values, "результаты", p).counts), "доля «2»");
  }
  const min = egeMinimum(p, subj, y);
  if (!min || min.score === null) {
    throw new InputError(
      `Минимальный балл ЕГЭ по предмету «${subj}» за ${y} год не задан в методике (лист настроек, ключ «ege.min|${subj}|${y}»).`,
    );
  }
  const scores = readScores(values, "баллы ЕГЭ", 0, 100);
  const v = ind.shareBelowScore(scores, min.score);
  if (v === null) throw new NoDataError("Нет участников с баллом ЕГЭ: доля не определена.");
  return v;
}

type Indicator = "success" | "quality" | "sou" | "meanmark" | "share2" | "share5";

const INDICATORS: Record<string, Indicator> = {
  success: "success",
  успеваемость: "success",
  quality: "quality",
  качество: "quality",
  sou: "sou",
  соу: "sou",
  meanmark: "meanmark",
  "средний балл": "meanmark",
  среднийбалл: "meanmark",
  share2: "share2",
  доля2: "share2",
  "доля «2»": "share2",
  share5: "share5",
  доля5: "share5",
  "доля «5»": "share5",
};

function indicatorOf(c: MarkCounts, which: Indicator, p: Profile): number | null {
  switch (which) {
    case "success":
      return ind.successRate(c);
    case "quality":
      return ind.quality(c);
    case "sou":
      return ind.sou(c, p.values["sou.weights"]);
    case "meanmark":
      return ind.meanMark(c);
    case "share2":
      return ind.share2(c);
    case "share5":
      return ind.share5(c);
  }
}

/**
 * Dynamics, percentage points (for the mean mark: its difference). Without an indicator, both
 * arguments are numbers (e.g. two qualities). With one, both are marks or counts of two years.
 */
export function deltaOf(current: unknown, previous: unknown, indicator: unknown, p: Profile): number {
  if (isOmitted(indicator)) {
    return ind.delta(readNumber(current, "текущее значение"), readNumber(previous, "прошлое значение"))!;
  }
  const which = readMode(indicator, "показатель", INDICATORS, "quality");
  const now = indicatorOf(readMarks(current, "текущий год", p).counts, which, p);
  const before = indicatorOf(readMarks(previous, "прошлый год", p).counts, which, p);
  if (now === null || before === null)
    throw new NoDataError("Нет участников с отметкой в одном из годов: динамика не определена.");
  return ind.delta(now, before)!;
}
