/**
 * Standardized results (§4 R2, §5): for each procedure (kind × year × grade × subject), over the
 * municipality's schools with N ≥ r1.minN and a quality, z = (quality − mean) / SD, SD being the
 * population standard deviation of those schools' qualities. A procedure with fewer than two such
 * schools or SD = 0 gives no z. A school's value for a year is the mean of its z over the year's
 * procedures. O(total units).
 */
import type { Profile } from "../profile";
import { unitQuality, type UnitIndex } from "./units";

export interface StandardizedYear {
  /** Mean z over the year's procedures. */
  value: number;
  procedures: number;
}

/** login → year → standardized result. */
export function standardizedResults(index: UnitIndex, p: Profile): Map<string, Map<number, StandardizedYear>> {
  const minN = p.values["r1.minN"];
  const qualities = new Map<string, { login: string; q: number }[]>();
  for (const [login, units] of index.bySchool) {
    for (const u of units.values()) {
      const q = unitQuality(u);
      if (q === null || u.n < minN) continue;
      const list = qualities.get(u.key);
      if (list) list.push({ login, q });
      else qualities.set(u.key, [{ login, q }]);
    }
  }
  const sums = new Map<string, Map<number, { sum: number; count: number }>>();
  for (const [key, list] of qualities) {
    if (list.length < 2) continue;
    let mean = 0;
    for (const x of list) mean += x.q;
    mean /= list.length;
    let ss = 0;
    for (const x of list) ss += (x.q - mean) ** 2;
    const sd = Math.sqrt(ss / list.length);
    if (!(sd > 1e-12)) continue;
    const year = Number(key.split("|")[1]);
    for (const x of list) {
      const byYear = sums.get(x.login) ?? new Map();
      const acc = byYear.get(year) ?? { sum: 0, count: 0 };
      acc.sum += (x.q - mean) / sd;
      acc.count++;
      byYear.set(year, acc);
      sums.set(x.login, byYear);
    }
  }
  const out = new Map<string, Map<number, StandardizedYear>>();
  for (const [login, byYear] of sums) {
    const m = new Map<number, StandardizedYear>();
    for (const [year, acc] of byYear) m.set(year, { value: acc.sum / acc.count, procedures: acc.count });
    out.set(login, m);
  }
  return out;
}
