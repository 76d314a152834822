/**
 * The names of the risk factors (§4) as a methodist reads them. Sentences and tables print a factor as
 * its code with its name («R2 «Нижняя часть кластера»»), never the bare code: the code alone sends the
 * reader to the methodology to find out what fired.
 */
export const FACTOR_NAMES: Record<string, string> = {
  R1: "Низкие результаты",
  R2: "Нижняя часть кластера",
  R3: "Отрицательная динамика",
  R4: "Неблагоприятные социальные условия",
  R5: "Рисковый профиль",
  R6: "Недостоверные результаты",
};

/** «R2 «Нижняя часть кластера»»; an unknown code as it is. */
export function factorLabel(id: string): string {
  const name = FACTOR_NAMES[id];
  return name ? `${id} «${name}»` : id;
}

/** «R1 «Низкие результаты» или R2 «Нижняя часть кластера»» — the factors that make a school ШНОР. */
export const SHNOR_FACTORS = `${factorLabel("R1")} или ${factorLabel("R2")}`;
