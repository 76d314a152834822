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
  // forEach and index loops rather than for…of: no iterator object per step for every school and
  // unit (a cold run executes this mostly in V8's interpreter). Same order, same sums.
  index.bySchool.forEach((units, login) =>
    units.forEach((u) => {
      const q = unitQuality(u);
      if (q === null || u.n < minN) return;
      const list = qualities.get(u.key);
      if (list) list.push({ login, q });
      else qualities.set(u.key, [{ login, q }]);
    }),
  );
  const sums = new Map<string, Map<number, { sum: number; count: number }>>();
  qualities.forEach((list, key) => {
    if (list.length < 2) return;
    let mean = 0;
    for (let i = 0; i < list.length; i++) mean += list[i].q;
    mean /= list.length;
    let ss = 0;
    for (let i = 0; i < list.length; i++) ss += (list[i].q - mean) ** 2;
    const sd = Math.sqrt(ss / list.length);
    if (!(sd > 1e-12)) return;
    const year = Number(key.split("|")[1]);
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      const byYear = sums.get(x.login) ?? new Map();
      const acc = byYear.get(year) ?? { sum: 0, count: 0 };
      acc.sum += (x.q - mean) / sd;
      acc.count++;
      byYear.set(year, acc);
      sums.set(x.login, byYear);
    }
  });
  const out = new Map<string, Map<number, StandardizedYear>>();
  sums.forEach((byYear, login) => {
    const m = new Map<number, StandardizedYear>();
    byYear.forEach((acc, year) => m.set(year, { value: acc.sum / acc.count, procedures: acc.count }));
    out.set(login, m);
  });
  return out;
}
