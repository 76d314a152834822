/**
 * Functional literacy and ОВЗ marks in the demo. Literacy: grades 6 and 8 (the grades of the
 * regional monitoring) in all six areas every year, levels drawn around the school's ability.
 * ОВЗ: a few participants of each work marked «да» — at a school rarely enough for the separate
 * indicators, so the «мало участников» state shows, while the municipality pools enough.
 */
import type { LiteracyRow, ParticipantRow } from "../core/model";
import { LITERACY_AREAS } from "../core/model";
import type { SchoolPlan } from "./plan";
import { Rng } from "./random";

/** Share of participants marked ОВЗ in the demo (about one pupil in fifteen). */
export const DEMO_OVZ_SHARE = 0.07;

const GRADES = [6, 8];

/** Pupils over the five levels for an ability `theta` (0 — the municipal norm). */
function levels(n: number, theta: number, rng: Rng): LiteracyRow["levels"] {
  const shift = Math.max(-1.5, Math.min(1.5, theta + rng.uniform(-0.3, 0.3)));
  const weights = [0.12, 0.23, 0.35, 0.2, 0.1].map((w, i) => w * Math.exp(shift * (i - 2) * 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((n * w) / total)) as LiteracyRow["levels"];
  out[2] += n - out.reduce((a, b) => a + b, 0);
  return out;
}

export function literacyRows(plan: SchoolPlan): LiteracyRow[] {
  const out: LiteracyRow[] = [];
  for (const year of plan.years) {
    const rng = Rng.derive(plan.seed, `literacy|${plan.school.streamKey}|${year}`);
    for (const grade of GRADES) {
      const pupils = plan.contingent.find((c) => c.year === year && c.grade === grade)?.pupils ?? 0;
      if (pupils === 0) continue;
      for (const area of LITERACY_AREAS) {
        const n = Math.max(1, pupils - rng.int(0, 2));
        out.push({
          year,
          grade,
          className: "",
          area,
          participants: n,
          levels: levels(n, plan.school.theta, rng),
          ovz: Math.round(n * DEMO_OVZ_SHARE),
        });
      }
    }
  }
  return out;
}

/** Marks a few participants ОВЗ, the same ones for the same seed. */
export function markOvz(participants: ParticipantRow[], seed: number, streamKey: string): void {
  const rng = Rng.derive(seed, `ovz|${streamKey}`);
  for (const p of participants) if (rng.chance(DEMO_OVZ_SHARE)) p.ovz = true;
}
