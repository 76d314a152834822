/**
 * O1 (§3): mismatch between test marks and journal marks. Fires when the share with a gap of two
 * marks or more reaches o1.gap2Share, or when the mismatch share (100 % − confirmed) exceeds the
 * reference's mismatch share by o1.mismatchExcess п.п. An absolute cut-off on mismatch alone
 * would flag ordinary schools (typical mismatch is 30–40 %), hence the comparison.
 * Revision 2026.2: either branch also needs chance ruled out, because in classes of 20–30 random
 * mismatch alone reaches +20 п.п.: at least o1.minCount participants behind it, and a one-sided
 * exact binomial test of the school's count against the reference's share (gap-2 branch: the
 * reference's gap-2 share) with P < o1.alpha. Project addition: with objectivity.familywise the
 * threshold is lowered for a school with many tests in the year (see familywise.ts); `tests` is
 * that number k, known only once all the school's tests are evaluated (schoolSigns).
 */
import type { Profile } from "../profile";
import type { References } from "../context/references";
import type { UnitStats } from "../context/units";
import { binomialUpperTail } from "./chance";
import { recordTestThreshold, testThreshold } from "./familywise";
import { fixedThresholds, notEvaluated, tagsOf, threshold, type RuleThresholds, type SignResult } from "./sign";

/** The thresholds every O1 result reports (test.perTest is o1.alpha). */
const USES: RuleThresholds = {
  dataTag: "OFFICIAL*",
  keys: ["o1.gap2Share", "o1.mismatchExcess", "o1.minCount", "o1.alpha"],
};

/** `pooled`: the municipality's pooled unit, whose gap-2 share stands in when an imported reference has none. */
export function signO1(u: UnitStats, refs: References, p: Profile, pooled?: UnitStats, tests = 1): SignResult | null {
  const j = u.journal;
  if (!j) return null;
  const base = {
    rule: "O1" as const,
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: j.n,
  };
  const minN = threshold(p, "objectivity.minN");
  if (j.n < minN.value) return notEvaluated({ ...base, threshold: [minN] }, "мало участников с отметкой по журналу");
  const gapT = threshold(p, "o1.gap2Share");
  const excessT = threshold(p, "o1.mismatchExcess");
  const countT = threshold(p, "o1.minCount");
  const test = testThreshold(p, "O1", tests);
  const alpha = test.alpha;
  const mismatch = ((j.lowered + j.raised) * 100) / j.n;
  const numbers: Record<string, number> = {
    n: j.n,
    mismatchShare: mismatch,
    loweredShare: (j.lowered * 100) / j.n,
    raisedShare: (j.raised * 100) / j.n,
  };
  // The usual thresholds are one shared (frozen) array per profile; the correction adds a new one.
  const fixed = fixedThresholds(p, USES);
  const used = recordTestThreshold(numbers, fixed.used, test);
  let fired = false;
  const ref = refs.journal(u.key);
  const mismatchCount = j.lowered + j.raised;
  if (j.gap2 !== null) {
    numbers.gap2Count = j.gap2;
    numbers.gap2Share = (j.gap2 * 100) / j.n;
    numbers.gap2Reached = numbers.gap2Share >= gapT.value - 1e-9 ? 1 : 0;
    // The reference's gap-2 share; imported exports carry only group counts, so then the pooled
    // participants' share is used; with neither, chance cannot be ruled out and the branch stays off.
    const gapRef =
      ref && ref.value.gap2 !== null && ref.value.n > 0
        ? ref.value
        : pooled?.journal && pooled.journal.gap2 !== null && pooled.journal.n > 0
          ? pooled.journal
          : null;
    const refGap2 = gapRef ? gapRef.gap2! / gapRef.n : null;
    if (refGap2 !== null) {
      numbers.refGap2Share = refGap2 * 100;
      numbers.gap2P = binomialUpperTail(j.gap2, j.n, refGap2);
    }
    numbers.gap2Fired =
      numbers.gap2Reached === 1 && j.gap2 >= countT.value && numbers.gap2P !== undefined && numbers.gap2P < alpha
        ? 1
        : 0;
    fired = numbers.gap2Fired === 1;
  }
  let reference: SignResult["reference"];
  if (ref) {
    const refShare = (ref.value.lowered + ref.value.raised) / ref.value.n;
    const refMismatch = refShare * 100;
    numbers.mismatchCount = mismatchCount;
    numbers.refMismatchShare = refMismatch;
    numbers.mismatchExcess = mismatch - refMismatch;
    numbers.excessReached = numbers.mismatchExcess >= excessT.value - 1e-9 ? 1 : 0;
    numbers.excessP = binomialUpperTail(mismatchCount, j.n, refShare);
    numbers.excessFired =
      numbers.excessReached === 1 && mismatchCount >= countT.value && numbers.excessP < alpha ? 1 : 0;
    fired = fired || numbers.excessFired === 1;
    reference = { kind: ref.kind, value: refMismatch, n: ref.n, name: ref.name, source: ref.source };
  }
  if (j.gap2 === null && !ref)
    return notEvaluated({ ...base, threshold: used }, "нет ни отметок участников, ни эталона для сравнения");
  // Spelled out rather than spread from `base`: a literal is built in one step, which a region's
  // thousands of results notice on a cold run.
  return {
    rule: "O1",
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: j.n,
    fired,
    evaluated: true,
    numbers,
    threshold: used,
    reference,
    tags: used === fixed.used ? fixed.tags : tagsOf("OFFICIAL*", used),
    direction: j.lowered >= j.raised ? "понизили" : "повысили",
  };
}
