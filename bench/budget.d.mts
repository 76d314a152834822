/** Types of budget.mjs for the unit test (the bench folder is plain JavaScript). */
export interface BundleSize {
  files: string[];
  gzip: number;
  budget: number;
}
export interface BundleSizes {
  functions: BundleSize;
  pane: BundleSize;
  lazy: BundleSize;
}
export const BUDGETS: { functions: number; pane: number; lazy: number };
export function gzipSize(file: string): number;
export function measureBundles(distDir: string): BundleSizes | null;
export function loadedBy(html: string): string[];
export function overBudget(m: BundleSizes): string[];
export function kb(bytes: number): string;
