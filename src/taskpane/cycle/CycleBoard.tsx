/**
 * The «Управленческий цикл» board: directions as rows, the nine components as columns, each cell
 * coloured by state AND marked with a glyph (the legend names both), the document or planned
 * date in the cell's tooltip, and under the grid each direction's status with the next step and
 * its date. Pure props: clicking a cell or a step calls `onSelectCell(ref)` and the page selects
 * that cell of the «Цикл» sheet. Fits a 320 px pane; arrow keys move between cells.
 */
import * as React from "react";
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ComponentStateKind } from "../../core/cycle";
import type { CellRef } from "../../core/model";
import { countRu } from "../../core/values";
import { moreStepsText, type BoardCell, type BoardModel, type BoardRow } from "./board-model";

export { boardModel } from "./board-model";
export type { BoardModel } from "./board-model";

export interface CycleBoardProps {
  model: BoardModel;
  /** Selects the record's cell in the «Цикл» sheet; absent in read-only views. */
  onSelectCell?: (ref: CellRef) => void;
}

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, maxWidth: "100%" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "separate", borderSpacing: "2px", tableLayout: "fixed", width: "100%", minWidth: "280px" },
  corner: { width: "46px" },
  colHead: {
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  rowHead: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    whiteSpace: "nowrap",
  },
  code: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, marginRight: "4px" },
  td: { padding: 0 },
  cell: {
    width: "100%",
    height: "26px",
    minWidth: "24px",
    padding: 0,
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: "24px",
    textAlign: "center",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: "2px",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
    '&[aria-disabled="true"]': { cursor: "default" },
  },
  done: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  partial: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  missing: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  overdue: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  notCounted: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  legendItem: { display: "flex", alignItems: "center", columnGap: "4px", fontSize: tokens.fontSizeBase200 },
  swatch: {
    width: "18px",
    height: "18px",
    lineHeight: "18px",
    fontSize: tokens.fontSizeBase100,
    borderRadius: tokens.borderRadiusSmall,
    textAlign: "center",
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: "2px" },
  status: { fontSize: tokens.fontSizeBase200 },
  gap: { color: tokens.colorPaletteRedForeground1 },
  closed: { color: tokens.colorPaletteGreenForeground1 },
  step: {
    textAlign: "left",
    backgroundColor: "transparent",
    padding: "2px 0",
    margin: 0,
    border: "none",
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outlineStyle: "solid", outlineWidth: "2px", outlineColor: tokens.colorStrokeFocus2 },
  },
  date: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type Styles = ReturnType<typeof useStyles>;

function stateClass(s: Styles, state: ComponentStateKind): string {
  return s[state];
}

/** Arrow keys move focus across the grid's cell buttons (data-row / data-col). */
function moveFocus(e: React.KeyboardEvent<HTMLTableElement>): void {
  const target = e.target as HTMLElement;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  if (Number.isNaN(row) || Number.isNaN(col)) return;
  const delta: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const d = delta[e.key];
  if (!d) return;
  const next = e.currentTarget.querySelector<HTMLElement>(`[data-row="${row + d[0]}"][data-col="${col + d[1]}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

function Cell(props: {
  s: Styles;
  cell: BoardCell;
  row: number;
  onSelect?: (ref: CellRef) => void;
}): React.ReactElement {
  const { s, cell, row, onSelect } = props;
  const ref = cell.ref;
  return (
    <td className={s.td}>
      <button
        type="button"
        className={mergeClasses("msoko-cycle-cell", `msoko-cycle-${cell.state}`, s.cell, stateClass(s, cell.state))}
        data-state={cell.state}
        data-row={row}
        data-col={cell.component - 1}
        title={cell.title}
        aria-label={cell.ariaLabel}
        aria-disabled={!onSelect || !ref ? true : undefined}
        onClick={onSelect && ref ? () => onSelect(ref) : undefined}
      >
        {cell.glyph}
      </button>
    </td>
  );
}

function DirectionItem(props: { s: Styles; row: BoardRow; onSelect?: (ref: CellRef) => void }): React.ReactElement {
  const { s, row, onSelect } = props;
  const tone = row.status === "gap" ? s.gap : row.status === "closed" ? s.closed : undefined;
  const facts = row.status === "noData" ? "" : ` · ${row.scoreText} · ${row.levelText}`;
  const overdue =
    row.overdueCount > 0 ? ` · просрочено: ${countRu(row.overdueCount, ["этап", "этапа", "этапов"])}` : "";
  return (
    <li className={mergeClasses("msoko-cycle-direction", s.item)} data-direction={row.code}>
      <Text size={200} weight="semibold" title={row.name}>
        {`${row.code}. ${row.shortName}`}
      </Text>
      <span className={mergeClasses(s.status, tone)}>{`${row.statusText}${facts}${overdue}`}</span>
      {row.steps.map((step) => {
        const body = (
          <>
            {step.text}
            {step.dateText ? (
              <>
                {" "}
                <span className={step.overdue ? s.late : s.date}>({step.dateText})</span>
              </>
            ) : null}
          </>
        );
        return onSelect && step.ref ? (
          <button
            key={step.key}
            type="button"
            className={mergeClasses("msoko-cycle-step", s.step)}
            data-overdue={step.overdue}
            onClick={() => onSelect(step.ref!)}
          >
            → {body}
          </button>
        ) : (
          <span key={step.key} className={mergeClasses("msoko-cycle-step", s.status)} data-overdue={step.overdue}>
            → {body}
          </span>
        );
      })}
      {row.moreSteps > 0 ? <Caption1 className={s.date}>{moreStepsText(row.moreSteps)}</Caption1> : null}
    </li>
  );
}

function summaryLine(model: BoardModel): string {
  const overdue =
    model.overdueCount > 0 ? `; просрочено: ${countRu(model.overdueCount, ["этап", "этапа", "этапов"])}` : "";
  return `${model.year} год, дата оценки ${model.evaluationDateText}${overdue}`;
}

export function CycleBoard({ model, onSelectCell }: CycleBoardProps): React.ReactElement {
  const s = useStyles();
  return (
    <section
      className={mergeClasses("msoko-cycle-board", s.root)}
      aria-label={`Управленческий цикл, ${model.year} год`}
    >
      <Caption1>{summaryLine(model)}</Caption1>
      <div className={s.scroller}>
        <table className={s.table} onKeyDown={moveFocus}>
          <caption className={s.hidden}>Направления по строкам, этапы цикла 1–9 по столбцам</caption>
          <thead>
            <tr>
              <th scope="col" className={s.corner}>
                <Caption1>Напр.</Caption1>
              </th>
              {model.components.map((c) => (
                <th key={c.n} scope="col" className={s.colHead} title={`${c.n}. ${c.label}`}>
                  <abbr title={c.label} style={{ textDecoration: "none" }}>
                    {c.n}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row, i) => (
              <tr key={row.code} data-direction={row.code} data-status={row.status}>
                <th scope="row" className={s.rowHead} title={`${row.name}: ${row.statusText}`}>
                  <span className={s.code}>{row.code}</span>
                  {row.status === "noData" ? "—" : row.scoreText}
                </th>
                {row.cells.map((cell) => (
                  <Cell key={cell.component} s={s} cell={cell} row={i} onSelect={onSelectCell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={s.legend} aria-label="Обозначения">
        {model.legend.map((l) => (
          <li key={l.state} className={s.legendItem}>
            <span className={mergeClasses(s.swatch, stateClass(s, l.state))} aria-hidden="true">
              {l.glyph}
            </span>
            {l.label}
          </li>
        ))}
      </ul>
      <ul className={s.list} aria-label="Статусы и следующие шаги">
        {model.rows.map((row) => (
          <DirectionItem key={row.code} s={s} row={row} onSelect={onSelectCell} />
        ))}
      </ul>
    </section>
  );
}
