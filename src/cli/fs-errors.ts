/**
 * Node's file-system errors in Russian. Node reports «ENOENT: no such file or directory, open …»
 * in English; the CLI's user is a methodist, so every code a command can meet (missing file, no
 * rights, a folder where a file is expected, a symlink loop, a full disk, too many open files, a
 * closed pipe…) becomes one Russian sentence naming the file and what to do.
 */
import { basename } from "node:path";

export interface NodeError {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

export function isNodeError(e: unknown): e is Error & NodeError {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}

const WRITE_CALLS = new Set([
  "open",
  "write",
  "writev",
  "rename",
  "copyfile",
  "mkdir",
  "ftruncate",
  "close",
  "fsync",
  "unlink",
]);

/** The Russian sentence for a Node error `code` about `file` (a path as the user typed it, or ""). */
export function fsErrorMessage(code: string, file: string, syscall = ""): string {
  const f = file ? `«${file}»` : "";
  const writing = WRITE_CALLS.has(syscall) && syscall !== "open";
  switch (code) {
    case "ENOENT":
      return file
        ? `Файл или папка ${f} не найдены. Проверьте имя и путь.`
        : "Файл или папка не найдены. Проверьте имя и путь.";
    case "ENOTDIR":
      return `Путь ${f} не ведёт к файлу: одна из его частей — файл, а не папка. Проверьте путь.`;
    case "EACCES":
    case "EPERM":
      return writing
        ? `Нет прав на запись в ${f ? `файл ${f}` : "файл"}. Проверьте права доступа или выберите другую папку.`
        : `Нет прав доступа к ${f ? `файлу ${f}` : "файлу"}. Проверьте права доступа или выберите другой файл.`;
    case "EISDIR":
      return `${f ? `${f} — папка` : "Указана папка"}, а нужен файл. Укажите имя файла.`;
    case "ELOOP":
      return `Ссылка ${f} ведёт сама на себя (циклическая символическая ссылка). Укажите сам файл, а не ссылку.`;
    case "ENAMETOOLONG":
      return `Слишком длинное имя файла или пути ${f ? `«${shorten(file)}»` : ""}. Сократите имя или переместите файл.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Не хватает места на диске для записи ${f ? `файла ${f}` : "файла"}. Освободите место и повторите.`;
    case "EROFS":
      return `Файл ${f} на диске, доступном только для чтения. Укажите другую папку для записи.`;
    case "EFBIG":
      return `Файл ${f} получается слишком большим для этого диска.`;
    case "EMFILE":
    case "ENFILE":
      return `Открыто слишком много файлов одновременно${f ? ` (при открытии ${f})` : ""}. Закройте другие программы или укажите меньше файлов и повторите.`;
    case "EBUSY":
    case "ETXTBSY":
      return `Файл ${f} занят другой программой (возможно, открыт в Excel). Закройте его и повторите.`;
    case "EEXIST":
      return `Файл ${f} уже существует.`;
    case "EPIPE":
      return "Программа, принимавшая вывод, закрыла канал.";
    case "EIO":
      return `Ошибка ввода-вывода при работе с файлом ${f}: диск или сетевая папка недоступны.`;
    case "ENXIO":
    case "ENODEV":
      return `${f ? `${f} — не файл, а устройство` : "Указано устройство, а не файл"}. Укажите файл .xlsx.`;
    case "EXDEV":
      return `Файл ${f} нельзя перенести между дисками.`;
    case "EAGAIN":
    case "EINTR":
      return `Чтение или запись файла ${f} прервана. Повторите команду.`;
    case "ENOMEM":
      return `Не хватило памяти при работе с файлом ${f}.`;
    case "ECONNRESET":
    case "ECONNREFUSED":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `Сетевая папка с файлом ${f} недоступна.`;
    default:
      return `Не удалось прочитать или записать ${f ? `файл ${f}` : "файл"} (системная ошибка ${code}).`;
  }
}

/** The Russian message of a Node error; `file` overrides the path Node reports (usually the same). */
export function nodeErrorMessage(e: Error & NodeError, file?: string): string {
  return fsErrorMessage(e.code, file ?? e.path ?? "", e.syscall ?? "");
}

/**
 * Russian text of any error: Node's file-system errors translated, ours (already Russian) kept, an
 * internal one (English, from the runtime or a library) said in Russian with a short excerpt.
 */
export function errorText(e: unknown, file?: string): string {
  if (isNodeError(e)) return nodeErrorMessage(e, file);
  const message = e instanceof Error ? e.message : String(e);
  if (/[а-яё]/i.test(message)) return message;
  const about = file ? ` (файл «${file}»)` : "";
  if (e instanceof RangeError && /call stack/i.test(message))
    return `Данные вложены слишком глубоко${about}: обработка остановлена.`;
  if (/string longer than|invalid string length/i.test(message))
    return `Слишком длинный текст в данных${about}: обработка остановлена.`;
  if (/allocation failed|out of memory|Array buffer/i.test(message))
    return `Не хватило памяти${about}: данные слишком велики.`;
  return `Внутренняя ошибка${about}: ${shorten(message, 200)}. Сообщите разработчикам, с какой командой и файлом она возникла.`;
}

/** «Файл «x.xlsx» не прочитан: …» without saying the file name twice. */
export function aboutFile(file: string, message: string, lead = `Файл «${file}» не прочитан: `): string {
  const name = basename(file);
  return message.includes(name) ? message : lead + lowerFirst(message);
}

function lowerFirst(s: string): string {
  // Keep abbreviations (ОО, ФИС ОКО) and quoted names as they are.
  return /^[А-ЯЁA-Z][а-яёa-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** A user's text cut for quoting in a message (a path, a JSON argument): at most `max` characters. */
export function shorten(text: string, max = 80): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}
