/**
 * The W-year window of §3 and §5: the last W calendar years of the municipality's data
 * (latest year Y: Y−W+1 … Y). A status over the window needs data in every one of its years;
 * a school that skipped a year is "недостаточно данных", never "stable".
 */
export function windowYears(latest: number, w: number): number[] {
  const out: number[] = [];
  for (let y = latest - w + 1; y <= latest; y++) out.push(y);
  return out;
}
