/**
 * Domain errors with Russian messages. Custom functions turn them into
 * CustomFunctions.Error(invalidValue | notAvailable); the CLI prints them and exits 1.
 */

/** The input is malformed: the message names the value's position and what is expected. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(message: string) {
    super(message);
  }
}

/** The input is well formed but has nothing to compute on (no participants): #Н/Д with this message in Excel. */
export class NoDataError extends Error {
  override readonly name = "NoDataError";
  constructor(message: string) {
    super(message);
  }
}

/** "строке 3, столбце 2" for a 0-based position inside a range. */
export function positionRu(row: number, col: number): string {
  return `строке ${row + 1}, столбце ${col + 1}`;
}
