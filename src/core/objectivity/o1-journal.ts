/**
 * O1 (§3): mismatch between test marks and journal marks. Fires when the share with a gap of two
 * marks or more reaches o1.gap2Share, or when the mismatch share (100 % − confirmed) exceeds the
 * reference's mismatch share by o1.mismatchExcess п.п. An absolute cut-off on mismatch alone
 * would flag ordinary schools (typical mismatch is 30–40 %), hence the comparison.
 */
import type { Profile } from "../profile";
import type { References } from "../analysis/references";
import type { UnitStats } from "../analysis/units";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

export function signO1(u: UnitStats, refs: References, p: Profile): SignResult | null {
  const j = u.journal;
  if (!j) return null;
  const base = { rule: "O1" as const, year: u.year, procedure: u.procedure, grade: u.grade, subject: u.subject, n: j.n };
  const minN = threshold(p, "objectivity.minN");
  if (j.n < minN.value) return notEvaluated({ ...base, threshold: [minN] }, "мало участников с отметкой по журналу");
  const gapT = threshold(p, "o1.gap2Share");
  const excessT = threshold(p, "o1.mismatchExcess");
  const used = [gapT, excessT];
  const mismatch = ((j.lowered + j.raised) * 100) / j.n;
  const numbers: Record<string, number> = {
    n: j.n,
    mismatchShare: mismatch,
    loweredShare: (j.lowered * 100) / j.n,
    raisedShare: (j.raised * 100) / j.n,
  };
  let fired = false;
  if (j.gap2 !== null) {
    numbers.gap2Share = (j.gap2 * 100) / j.n;
    numbers.gap2Fired = numbers.gap2Share >= gapT.value ? 1 : 0;
    fired = numbers.gap2Fired === 1;
  }
  const ref = refs.journal(u.key);
  let reference: SignResult["reference"];
  if (ref) {
    const refMismatch = ((ref.value.lowered + ref.value.raised) * 100) / ref.value.n;
    numbers.refMismatchShare = refMismatch;
    numbers.mismatchExcess = mismatch - refMismatch;
    numbers.excessFired = numbers.mismatchExcess >= excessT.value - 1e-9 ? 1 : 0;
    fired = fired || numbers.excessFired === 1;
    reference = { kind: ref.kind, value: refMismatch, n: ref.n, name: ref.name, source: ref.source };
  }
  if (j.gap2 === null && !ref) return notEvaluated({ ...base, threshold: used }, "нет ни отметок участников, ни эталона для сравнения");
  return {
    ...base,
    fired,
    evaluated: true,
    numbers,
    threshold: used,
    reference,
    tags: tagsOf("OFFICIAL*", used),
    direction: j.lowered >= j.raised ? "понизили" : "повысили",
  };
}
