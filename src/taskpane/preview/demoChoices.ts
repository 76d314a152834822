/**
 * The schools «Загрузить пример» offers: the 25 schools of the sample roster, each labelled with
 * what was deliberately put into its data (so a newcomer can pick a school with a cycle gap or
 * inflated marks and see the pane find it). Only the roster is imported here — the generator is
 * loaded on click (demoSchool.ts).
 */
import { BASE_ROSTER, rosterEntry, type Role } from "../../sample/roster";

/** Short Russian name of each injected situation. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  inflatedJournal: "завышенные отметки по журналу",
  boundaryPeak: "пик баллов на границе отметки",
  unconfirmedHigh: "неподтверждённые высокие результаты",
  difficultyInversion: "сложные задания решены лучше базовых",
  externalGap: "разрыв с внешней оценкой",
  olympiadAnomaly: "аномалия олимпиады",
  lowTwoYears: "низкие результаты два года подряд",
  negativeDynamics: "отрицательная динамика",
  socialConditions: "неблагоприятные условия",
  cycleGap: "разрыв управленческого цикла",
  cycleOverdue: "просроченные этапы цикла",
  stablyHigh: "стабильно высокие результаты",
  stablyLow: "стабильно низкие результаты",
};

export interface DemoChoice {
  index: number;
  login: string;
  label: string;
}

export function demoChoices(): DemoChoice[] {
  return BASE_ROSTER.map((_, index) => {
    const e = rosterEntry(index);
    const role = e.role ? ` — ${ROLE_LABELS[e.role]}` : "";
    return { index, login: e.login, label: `${e.shortName} (${e.login})${role}` };
  });
}
