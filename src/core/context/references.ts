/**
 * The reference a school is compared with (§3 O1–O3): the region when a regional export is
 * imported, else an imported municipal export, else all participants of the municipality pooled
 * (the school included). Each quantity falls back separately, because an export may carry marks
 * but no score distribution.
 */
import type { MarkCounts, Municipality, ReferenceResult } from "../model";
import { canonical, unitKey, unitQuality, type JournalStats, type UnitIndex } from "./units";

export type ReferenceKind = "region" | "municipality" | "cluster" | "cohort" | "fioko";

export interface Reference<T> {
  kind: ReferenceKind;
  /** Name of the region or municipality, or the cluster label. */
  name: string;
  /** "pooled" when computed from the schools' own data, else the imported file. */
  source: string;
  n: number;
  value: T;
}

function marksTotal(c: MarkCounts): number {
  return c.n5 + c.n4 + c.n3 + c.n2 + (c.n1 ?? 0);
}

export const POOLED = "участники всех ОО муниципалитета";

const NONE: readonly ReferenceResult[] = [];

export class References {
  /** Imported rows of a unit, region rows first. */
  private readonly imported = new Map<string, ReferenceResult[]>();
  // Every school asks for the same unit's reference: each is computed once per unit key.
  private readonly qualityMemo = new Map<string, Reference<number> | null>();
  private readonly journalMemo = new Map<string, Reference<JournalStats> | null>();
  private readonly scoresMemo = new Map<string, Reference<Map<number, number>> | null>();

  constructor(
    private readonly m: Municipality,
    private readonly index: UnitIndex,
  ) {
    for (const r of m.references) {
      const key = unitKey(r.procedure, r.year, r.grade, canonical(r.subject));
      const list = this.imported.get(key);
      if (list) list.push(r);
      else this.imported.set(key, [r]);
    }
    for (const [key, list] of this.imported) {
      this.imported.set(key, [
        ...list.filter((r) => r.level === "region"),
        ...list.filter((r) => r.level === "municipality"),
      ]);
    }
  }

  private importedOf(key: string): readonly ReferenceResult[] {
    return this.imported.get(key) ?? NONE;
  }

  quality(key: string): Reference<number> | null {
    let r = this.qualityMemo.get(key);
    if (r === undefined) this.qualityMemo.set(key, (r = this.computeQuality(key)));
    return r;
  }

  journal(key: string): Reference<JournalStats> | null {
    let r = this.journalMemo.get(key);
    if (r === undefined) this.journalMemo.set(key, (r = this.computeJournal(key)));
    return r;
  }

  /** Score distribution (score → participants). */
  scores(key: string): Reference<Map<number, number>> | null {
    let r = this.scoresMemo.get(key);
    if (r === undefined) this.scoresMemo.set(key, (r = this.computeScores(key)));
    return r;
  }

  private computeQuality(key: string): Reference<number> | null {
    for (const r of this.importedOf(key)) {
      if (r.marks && marksTotal(r.marks) > 0) {
        return {
          kind: r.level,
          name: r.name,
          source: r.source,
          n: marksTotal(r.marks),
          value: ((r.marks.n5 + r.marks.n4) * 100) / marksTotal(r.marks),
        };
      }
    }
    const u = this.index.pooled.get(key);
    const q = u ? unitQuality(u) : null;
    return u && q !== null ? { kind: "municipality", name: this.m.name, source: POOLED, n: u.n, value: q } : null;
  }

  private computeJournal(key: string): Reference<JournalStats> | null {
    for (const r of this.importedOf(key)) {
      const j = r.journal;
      if (j && j.lowered + j.confirmed + j.raised > 0) {
        const n = j.lowered + j.confirmed + j.raised;
        return {
          kind: r.level,
          name: r.name,
          source: r.source,
          n,
          value: { n, lowered: j.lowered, confirmed: j.confirmed, raised: j.raised, gap2: null },
        };
      }
    }
    const u = this.index.pooled.get(key);
    return u?.journal && u.journal.n > 0
      ? { kind: "municipality", name: this.m.name, source: POOLED, n: u.journal.n, value: u.journal }
      : null;
  }

  private computeScores(key: string): Reference<Map<number, number>> | null {
    for (const r of this.importedOf(key)) {
      if (r.scoreDistribution && r.scoreDistribution.length > 0) {
        const h = new Map<number, number>();
        let n = 0;
        r.scoreDistribution.forEach((c, s) => {
          h.set(s, c);
          n += c;
        });
        if (n > 0) return { kind: r.level, name: r.name, source: r.source, n, value: h };
      }
    }
    const u = this.index.pooled.get(key);
    return u?.scores ? { kind: "municipality", name: this.m.name, source: POOLED, n: u.scored, value: u.scores } : null;
  }
}
