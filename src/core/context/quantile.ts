/**
 * Membership of the lowest / highest quantile of a comparison group (R2, R4, §5), defined
 * precisely so that it does not depend on interpolation conventions:
 *  - k = schools of the group that have a value; below/above = schools with a strictly
 *    lower/higher value;
 *  - lowest quantile q (0,25 = quartile) ⇔ below < q·k, and some school is strictly higher;
 *  - highest quantile q ⇔ above < q·k, and some school is strictly lower;
 *  - a group with fewer than `minGroup` schools (clusters.minSize) is not compared at all.
 * Example: k = 8, q = 0,25 → the two lowest values (below = 0 or 1 < 2); ties share a rank, and a
 * group whose values are all equal has no lowest quartile. O(k log k) per group.
 */

export interface QuantilePosition {
  k: number;
  below: number;
  above: number;
  lower: boolean;
  upper: boolean;
  /** False when the group is too small to compare. */
  compared: boolean;
  /** The group the school was compared with: its cluster, or the whole municipality when the cluster has too few schools with a value (§4 R2, revision 2026.2). */
  scope?: "cluster" | "municipality";
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions of every member of one group. `scope`, when given, is set on every position (last key),
 * so that callers need not copy them to add it.
 */
export function quantilePositions<K>(
  values: ReadonlyMap<K, number>,
  lowQ: number,
  highQ: number,
  minGroup: number,
  scope?: QuantilePosition["scope"],
): Map<K, QuantilePosition> {
  const sorted = Float64Array.from(values.values()).sort();
  const k = sorted.length;
  const out = new Map<K, QuantilePosition>();
  values.forEach((v, id) => {
    const below = lowerBound(sorted, v);
    const above = k - upperBound(sorted, v);
    const compared = k >= minGroup;
    const lower = compared && below < lowQ * k && above > 0;
    const upper = compared && above < highQ * k && below > 0;
    out.set(
      id,
      scope ? { k, below, above, compared, lower, upper, scope } : { k, below, above, compared, lower, upper },
    );
  });
  return out;
}

/** Value at quantile q by the same convention (the largest value v with below(v) < q·k); null for an empty list. */
export function lowerCut(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const idx = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[idx];
}

export function upperCut(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const idx = Math.min(sorted.length - 1, sorted.length - Math.ceil(q * sorted.length));
  return sorted[idx];
}
