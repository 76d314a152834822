/**
 * Tests that rule chance out (revision 2026.2 of §3–§4): a class of 20–30 reaches +20 п.п. of
 * journal mismatch or +10 п.п. of «2» by chance alone, so O1, O5 and R3 fire only when the
 * difference is unlikely under "the school is like its reference". Written here rather than
 * taken from a statistics package so that the small-N behaviour is explicit and tested:
 *  - binomialUpperTail: exact P(X ≥ k), X ~ Binomial(n, p), summed term by term from k upwards
 *    (no 1 − cdf cancellation, so P values of 1e-12 stay accurate); O(n − k).
 *  - twoProportionUpper: one-sided pooled two-proportion z-test P(p₁ > p₂), the normal
 *    approximation the methodology names; the rules apply it only with N ≥ 20 on each side.
 */

/**
 * ln(k!) for k < 256, filled on first use: each entry is the previous one plus ln k, the same sums
 * in the same order as summing ln 2 … ln k afresh, so the values are bit-identical — without three
 * loops of up to 255 logarithms in every test (thousands of tests in a region's analysis).
 */
let smallLogFactorials: Float64Array | undefined;

function smallLogFactorial(n: number): number {
  if (!smallLogFactorials) {
    const t = new Float64Array(256);
    for (let i = 2; i < 256; i++) t[i] = t[i - 1] + Math.log(i);
    smallLogFactorials = t;
  }
  return smallLogFactorials[n | 0]; // a fractional n sums up to ⌊n⌋, as the loop did
}

/** ln(n!) for the binomial coefficient; exact sums below 256, Stirling series above. */
function logFactorial(n: number): number {
  if (n < 256) return n < 2 ? 0 : smallLogFactorial(n);
  const x = n + 1;
  return (
    (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5)
  );
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p). k ≤ 0 → 1; k > n → 0; p ≤ 0 → 0 for k ≥ 1; p ≥ 1 → 1.
 * Example: n = 20, p = 0.5, k = 15 → 21 700 / 1 048 576 = 0.020694.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logTerm = logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  let term = Math.exp(logTerm);
  let sum = term;
  const odds = p / (1 - p);
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * odds;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/**
 * Complementary error function, Numerical Recipes' Chebyshev fit (fractional error < 1.2e-7
 * everywhere, so tails of 1e-10 keep their digits, unlike 1 − erf).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≥ z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

export interface TwoProportionTest {
  /** x₁/n₁ − x₂/n₂, as a share 0–1. */
  difference: number;
  z: number;
  /** One-sided P value of "the first share is higher only by chance". */
  p: number;
}

/**
 * One-sided pooled two-proportion z-test of p₁ > p₂: z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)),
 * p̄ = (x₁ + x₂)/(n₁ + n₂), P = P(Z ≥ z). When p̄ is 0 or 1 the shares are equal and P = 1.
 * Example: 12/25 vs 4/25 → p̄ = 0.32, z = 0.32 / √(0.32·0.68·0.08) = 2.4254, P = 0.00765.
 */
export function twoProportionUpper(x1: number, n1: number, x2: number, n2: number): TwoProportionTest {
  if (n1 <= 0 || n2 <= 0) return { difference: 0, z: 0, p: 1 };
  const d = x1 / n1 - x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { difference: d, z: 0, p: 1 };
  const z = d / se;
  return { difference: d, z, p: normalUpperTail(z) };
}
