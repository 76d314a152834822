/**
 * One Russian sentence for any error that reaches the pane. Domain errors already carry a
 * Russian message naming the sheet and cell; anything else is a defect or a host failure, and the
 * user is told so together with the original text (useful when they report it).
 */

/** Error names whose messages are written for the user (src/core/errors.ts). */
const USER_FACING = new Set(["InputError", "NoDataError"]);

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (USER_FACING.has(error.name)) return error.message;
    if (error.name === "AbortError") return "Операция отменена.";
    const detail = error.message.trim();
    return detail ? `Непредвиденная ошибка: ${detail}` : "Непредвиденная ошибка без описания.";
  }
  if (typeof error === "string" && error.trim()) return `Непредвиденная ошибка: ${error.trim()}`;
  return "Непредвиденная ошибка без описания.";
}
