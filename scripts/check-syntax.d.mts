/** Types of check-syntax.mjs for the unit test (the scripts folder is plain JavaScript). */
export const ECMA_VERSION: number;
export function scriptsIn(dir: string, root?: string): string[];
export function checkScript(code: string, name: string, ecmaVersion?: number): string[];
export function checkPage(html: string, name: string): string[];
