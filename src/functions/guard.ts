/**
 * Runs a function body and turns domain errors into Excel errors with the Russian message:
 * InputError → #ЗНАЧ! (invalidValue), NoDataError → #ДЕЛ/0! (divisionByZero).
 * Anything unexpected becomes #ЗНАЧ! with a generic message, never a crash of the runtime.
 */
import { InputError, NoDataError } from "../core/errors";

export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}

export function toExcelError(e: unknown): CustomFunctions.Error {
  const CF = CustomFunctions;
  if (e instanceof NoDataError) return new CF.Error(CF.ErrorCode.divisionByZero, e.message);
  if (e instanceof InputError) return new CF.Error(CF.ErrorCode.invalidValue, e.message);
  const text = e instanceof Error ? e.message : String(e);
  return new CF.Error(CF.ErrorCode.invalidValue, `Внутренняя ошибка надстройки: ${text}`);
}
