/**
 * Runs a function body and turns domain errors into Excel errors with the Russian message:
 * InputError → #ЗНАЧ! (invalidValue), NoDataError → #Н/Д (notAvailable).
 * Anything unexpected becomes #ЗНАЧ! with a generic message, never a crash of the runtime.
 * Why #Н/Д and not #ДЕЛ/0!: Excel shows a custom message only on #ЗНАЧ! and #Н/Д, and «no
 * participants» must say which range was empty. Both codes are CustomFunctionsRuntime 1.2
 * (CustomFunctions.Error, ErrorCode); the manifest requires 1.3, the set that completes ErrorCode.
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
  if (e instanceof NoDataError) return new CF.Error(CF.ErrorCode.notAvailable, e.message);
  if (e instanceof InputError) return new CF.Error(CF.ErrorCode.invalidValue, e.message);
  const text = e instanceof Error ? e.message : String(e);
  return new CF.Error(CF.ErrorCode.invalidValue, `Внутренняя ошибка надстройки: ${text}`);
}
