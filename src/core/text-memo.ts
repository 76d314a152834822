/**
 * Helpers for text normalisers called on every cell of every form: the same headers, enum values
 * and subjects repeat down each column and across files, so results are remembered, and texts
 * that are already normal are recognised by one character loop instead of a chain of regexes.
 */

/**
 * A text → text function that remembers its results. The memory is cleared when it holds `limit`
 * texts, so a long run of distinct texts (codes, names) cannot grow it in the long-running add-in.
 */
export function memoizeText(fn: (text: string) => string, limit = 10_000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = fn(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

/**
 * Whether the text has no leading, trailing or doubled spaces (U+0020) and `allowed` accepts every
 * other character code. The empty text passes.
 */
export function isSingleSpaced(text: string, allowed: (code: number) => boolean): boolean {
  let prevSpace = true; // a leading space is not single-spaced
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (!allowed(c)) return false;
  }
  return text.length === 0 || !prevSpace;
}
