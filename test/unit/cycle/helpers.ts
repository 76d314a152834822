/** Builders of cycle records for the tests: a track from a compact string of scores. */
import type { CycleRecord, CycleScore, DirectionId } from "../../../src/core/model";

export interface TrackSpec {
  direction: DirectionId;
  track?: string;
  kind?: "full" | "partial";
  year?: number;
  /**
   * One character per component 1…9: "2" есть (with a document), "u" есть without a document,
   * "1" частично, "0" нет, "_" blank score, "-" no row at all.
   */
  scores: string;
  /** Planned dates by component number. */
  planned?: Record<number, string>;
  /** First row of the track on the sheet (for refs); rows follow component order. */
  firstRow?: number;
}

export function track(spec: TrackSpec): CycleRecord[] {
  const out: CycleRecord[] = [];
  const chars = spec.scores.padEnd(9, "-");
  let row = spec.firstRow ?? 2;
  for (let n = 1; n <= 9; n++) {
    const ch = chars[n - 1];
    if (ch === "-") continue;
    const score: CycleScore | null = ch === "_" ? null : ch === "u" ? 2 : (Number(ch) as CycleScore);
    const r: CycleRecord = {
      year: spec.year ?? 2026,
      direction: spec.direction,
      track: spec.track ?? "Основной",
      trackKind: spec.kind ?? "full",
      component: n,
      score,
      ref: { sheet: "Цикл", cell: `A${row++}` },
    };
    if (ch === "2") {
      r.docNumber = `${n}-од`;
      r.docDate = "2026-03-01";
    }
    if (spec.planned?.[n]) r.plannedDate = spec.planned[n];
    out.push(r);
  }
  return out;
}
