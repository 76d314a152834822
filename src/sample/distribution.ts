/**
 * The statistics the generator shapes its data with: the normal distribution, a discretised
 * normal over raw scores, and quota rounding. Counts are allotted by quota (largest remainder)
 * rather than drawn at random, so every school's score distribution is smooth and its indicators
 * land where the school's profile puts them: ordinary schools never show chance peaks or jumps
 * that the objectivity rules (§3) would rightly flag, and injected situations cross the rules'
 * thresholds with a known margin.
 */

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so the parts
 * sum to `total` exactly and each part is within 1 of its exact share.
 */
export function allot(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts;
}

/** P(score = k), k = 0…max, of a normal N(mu, sigma) discretised at integer scores and truncated to the scale. */
export function discreteNormal(max: number, mu: number, sigma: number): number[] {
  const w: number[] = [];
  for (let k = 0; k <= max; k++) w.push(Math.exp(-0.5 * ((k - mu) / sigma) ** 2));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / sum);
}

/** Share (0–1) of the distribution at or above `from`. */
export function tailFrom(pmf: readonly number[], from: number): number {
  let s = 0;
  for (let k = Math.max(0, from); k < pmf.length; k++) s += pmf[k];
  return s;
}

/**
 * The mean of a discretised normal with spread `sigma` whose share at or above `from` is
 * `target` (0–1), found by bisection. The share rises with the mean, so bisection is exact enough.
 */
export function meanForTail(max: number, sigma: number, from: number, target: number): number {
  // Share at or above `from` without building the array: the loop runs ~45 times per test.
  const tail = (mu: number) => {
    let all = 0;
    let upper = 0;
    for (let k = 0; k <= max; k++) {
      const w = Math.exp(-0.5 * ((k - mu) / sigma) ** 2);
      all += w;
      if (k >= from) upper += w;
    }
    return upper / all;
  };
  let lo = -max;
  let hi = 2 * max;
  while (hi - lo > 1e-6 * Math.max(1, max)) {
    const mid = (lo + hi) / 2;
    if (tail(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
