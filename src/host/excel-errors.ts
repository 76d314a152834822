/**
 * Office.js failures in Russian. Excel rejects a sync with an error whose `code` is one of
 * OfficeExtension.ErrorCodes or Excel.ErrorCodes and whose `message` is in the Office UI language
 * (often English) and not meant for users, Microsoft says; so the pane shows what the code means
 * and what to do, and keeps Excel's own text and code at the end for support.
 */

/** What each Excel error code means for the user and what to do. Codes from Microsoft's ErrorCodes enums. */
export const EXCEL_ERROR_TEXTS: Readonly<Record<string, string>> = {
  AccessDenied:
    "лист или книга защищены от изменений — снимите защиту («Рецензирование → Снять защиту листа») и повторите",
  ActivityLimitReached: "Excel временно ограничил число действий надстройки — подождите минуту и повторите",
  ApiNotAvailable:
    "эта версия Excel не поддерживает нужную возможность — обновите Excel или воспользуйтесь командной строкой msoko",
  ApiNotFound:
    "эта версия Excel не поддерживает нужную возможность — обновите Excel или воспользуйтесь командной строкой msoko",
  BadPassword: "неверный пароль защиты листа или книги",
  Conflict: "книгу одновременно изменяет другой пользователь — подождите и повторите",
  EmptyChartSeries: "диаграмма строится по пустому диапазону",
  FilteredRangeConflict:
    "на листе включён фильтр, который мешает записи — снимите фильтр («Данные → Фильтр») и повторите",
  FormulaLengthExceedsLimit: "формула длиннее, чем допускает Excel (8192 знака)",
  GeneralException: "внутренняя ошибка Excel — сохраните книгу, закройте и откройте её снова и повторите",
  InactiveWorkbook: "книга не активна — перейдите в окно этой книги и повторите",
  InsertDeleteConflict:
    "на листе нельзя вставить или удалить ячейки из‑за таблицы, фильтра или объединённых ячеек рядом",
  InvalidArgument: "Excel не принял значение, адрес или параметр",
  InvalidBinding: "связь с диапазоном больше не действует — диапазон удалён или перемещён",
  InvalidOperation:
    "Excel не может выполнить это сейчас — возможно, лист защищён или ячейка редактируется (нажмите Esc)",
  InvalidOperationInCellEditMode: "ячейка сейчас редактируется — нажмите Enter или Esc и повторите",
  InvalidReference: "ссылка на лист или диапазон недействительна — возможно, лист переименован или удалён",
  InvalidRequest: "Excel не принял запрос надстройки",
  InvalidSelection: "выделение не подходит для этого действия",
  ItemAlreadyExists: "объект с таким именем уже есть",
  ItemNotFound: "лист или диапазон не найден — возможно, его переименовали или удалили",
  MemoryLimitReached: "Excel не хватило памяти — закройте другие книги и повторите",
  MergedRangeConflict: "мешают объединённые ячейки — отмените объединение в этом месте и повторите",
  NonBlankCellOffSheet: "Excel не может сдвинуть непустые ячейки за край листа",
  NotImplemented: "эта версия Excel не умеет выполнять это действие",
  OperationCellsExceedLimit: "действие затрагивает слишком много ячеек за один раз",
  PivotTableRangeConflict: "мешает сводная таблица на листе — переместите её и повторите",
  RangeExceedsLimit: "диапазон больше, чем Excel обрабатывает за один раз",
  RequestAborted: "запрос прерван — возможно, книгу закрыли или связь с Excel оборвалась; повторите",
  RequestPayloadSizeLimitExceeded:
    "за один раз передаётся больше 5 МБ данных — Excel в браузере такой запрос не принимает",
  ResponsePayloadSizeLimitExceeded:
    "Excel должен вернуть больше 5 МБ данных за один раз — Excel в браузере такой ответ не отдаёт",
  PayloadTooLarge: "за один раз передаётся больше данных, чем принимает Excel",
  ServiceNotAvailable: "служба Excel временно недоступна — проверьте подключение и повторите",
  Unauthenticated: "нужен вход в учётную запись Microsoft — войдите и повторите",
  UnsupportedFeature: "книга содержит возможность, с которой это действие не работает",
  UnsupportedOperation: "эта версия Excel не умеет выполнять это действие",
  UnsupportedSheet: "действие не работает на листе этого типа (например, на листе диаграммы или макросов)",
  InvalidObjectPath: "объект Excel больше не существует — возможно, лист удалили во время работы",
  PropertyNotLoaded: "внутренняя ошибка надстройки (свойство прочитано без загрузки)",
  ValueNotLoaded: "внутренняя ошибка надстройки (значение прочитано без загрузки)",
  RunMustReturnPromise: "внутренняя ошибка надстройки",
  InvalidOrTimedOutSession: "сеанс работы с книгой истёк — обновите страницу Excel и повторите",
  TooManyRequests: "слишком много запросов подряд — подождите минуту и повторите",
  WorkbookSizeLimitExceeded: "книга больше, чем может открыть Excel в браузере — откройте её в классическом Excel",
};

/** Codes meaning that a single request or response was too big: the caller may retry in smaller parts. */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "PayloadTooLarge"
  );
}

/**
 * A Russian Error for an Office.js failure while doing `what` («запись в книгу»). Errors the add-in
 * raised itself (Russian text, no code) pass through unchanged.
 */
export function excelError(e: unknown, what: string): Error {
  if (e instanceof Error && /[А-Яа-яЁё]/.test(e.message) && !(e as { code?: string }).code) return e;
  const err = (e ?? {}) as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
  const known = typeof err.code === "string" && Object.prototype.hasOwnProperty.call(EXCEL_ERROR_TEXTS, err.code);
  const reason = known ? `${EXCEL_ERROR_TEXTS[err.code!]}. ` : "";
  const code = err.code
    ? ` (код ${err.code}${err.debugInfo?.errorLocation ? `, ${err.debugInfo.errorLocation}` : ""})`
    : "";
  const original = err.message ?? String(e);
  return new Error(`Excel не выполнил ${what}: ${reason}Сообщение Excel: ${original}${code}.`);
}
