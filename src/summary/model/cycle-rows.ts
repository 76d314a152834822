/**
 * The cells and columns of the cycle's answers to findings (steps 6–8) and of the effects of
 * measures (step 9): one definition for the municipal summary (a row per school, with its login and
 * name in front) and for the school's own report (its rows only).
 */
import { CYCLE_COMPONENTS, linkTextOf, type DirectionEvaluation, type FindingResponse } from "../../core/cycle";
import type { MeasureEffect } from "../../core/cycle/effect";
import { SIZE_CLASS_LABELS } from "../../core/indicators";
import { clean, type CellData, type Column } from "./table";

const directionLabel = (d: DirectionEvaluation) => `${d.code}. ${d.shortName}`;

/** One finding and whether the cycle answered it. */
export function responseCells(d: DirectionEvaluation, r: FindingResponse): Record<string, CellData> {
  return {
    finding: r.finding.text,
    direction: directionLabel(d),
    responded: r.responded ? "да" : "нет",
    missing: r.missingSteps.map((n) => `${n}. ${CYCLE_COMPONENTS[n - 1].label}`).join("; "),
    cells: r.refs.map((ref) => ref.cell).join(", "),
    link: linkTextOf(r.finding),
  };
}

export const RESPONSE_COLUMNS: Column[] = [
  { id: "finding", header: "Вывод анализа", kind: "text", width: 36 },
  { id: "direction", header: "Направление", kind: "text", width: 18 },
  {
    id: "responded",
    header: "Цикл ответил",
    kind: "text",
    width: 10,
    highlight: { operator: "equal", value: "нет", tone: "bad" },
  },
  { id: "missing", header: "Нет ответа на этапах", kind: "text", width: 30 },
  { id: "cells", header: "Строки ответа (лист «Цикл»)", kind: "text", width: 14 },
  { id: "link", header: "Ссылка для столбца «Связь с выводом»", kind: "text", width: 24 },
];

/** One measure of the previous year with a target indicator, judged by this year's data. */
export function effectCells(d: DirectionEvaluation, x: MeasureEffect): Record<string, CellData> {
  return {
    direction: directionLabel(d),
    track: x.track,
    target: x.target.text,
    before: clean(x.before?.value ?? null),
    after: clean(x.after?.value ?? null),
    change: clean(x.change),
    size: x.sizeClass ? SIZE_CLASS_LABELS[x.sizeClass] : "",
    persists: x.persists === null ? "" : x.persists ? "сохраняется" : "не выявлен",
    sentence: x.sentence,
  };
}

/** Widths chosen so that the summary's table (with login and name) fits one A4 landscape width at ≥ 80 %. */
export function effectColumns(year: number): Column[] {
  return [
    { id: "direction", header: "Направление", kind: "text", width: 16 },
    { id: "track", header: "Трек", kind: "text", width: 14 },
    { id: "target", header: "Целевой показатель", kind: "text", width: 20 },
    { id: "before", header: `${year - 1}, %`, kind: "percent" },
    { id: "after", header: `${year}, %`, kind: "percent" },
    { id: "change", header: "Изменение, п.п.", kind: "number" },
    { id: "size", header: "Выборка", kind: "text", width: 15 },
    { id: "persists", header: "Вывод в следующем году", kind: "text", width: 10 },
    { id: "sentence", header: "Итог", kind: "text", width: 36 },
  ];
}
