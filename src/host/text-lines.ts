/**
 * How many lines a wrapped text takes in a column and how tall its row must be: Excel does not grow
 * rows written by a program, so every writer of wrapped text (the summary, the school form) sets
 * the height itself. Pure; widths in characters of the default font (Calibri 11), heights in points.
 */

/** One line of 11-pt text and the padding Excel keeps above and below it. */
export const LINE_PT = 15;
const PADDING_PT = 3;

/**
 * Lines a text takes in a column of `width` characters when wrapped at spaces; a word longer than
 * the line is broken (as Excel does). `\n` starts a new line. `bold` (headers): 10 % fewer characters
 * a line, since bold letters and Cyrillic capitals are wider than the digit Excel measures widths by.
 * Plain text gets the width less one character: lowercase letters and spaces are narrower than the
 * digit, so this still over-estimates — LibreOffice, even with its wider substitute for Calibri,
 * prints about 27 characters of a sentence on a line of width 26 (rows 0,9 was 30–40 % too tall).
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, Math.floor(bold ? width * 0.9 : width) - 1);
  // A text no longer than a line is one line, whatever its words (most cells of a large table):
  // no split per cell (issue 23).
  if (text.length <= capacity && text.indexOf("\n") < 0) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= capacity) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.ceil(word.length / capacity) - 1;
      used = word.length % capacity || capacity;
    }
  }
  return lines;
}

/** Height in points of a row whose tallest cell takes `lines` lines. */
export function rowHeightFor(lines: number): number {
  return Math.min(409, lines * LINE_PT + PADDING_PT);
}
