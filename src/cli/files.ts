/**
 * Reading the CLI's input files safely. A path given by a user may be a symbolic link (even a loop),
 * a folder, a named pipe (opening one for reading waits forever), a device (/dev/zero never ends) or
 * a file of /proc (it claims 0 bytes and may stream without end): only regular files are read. A link
 * is resolved once, the resolved file is opened without blocking, checked again on the open handle
 * and read no further than the size limit, so nothing can hang or fill the memory. Every failure is
 * one Russian sentence naming the file as the user typed it.
 */
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { SheetRead } from "../host/port";
// Not the adapter's index: it re-exports the exceljs workbook, and reading values needs no exceljs.
import { readXlsxBuffer, type ReadXlsxOptions } from "../xlsx/exceljs/read";
import { DEFAULT_MAX_BYTES } from "../xlsx/exceljs/zipguard";
import { megabytes } from "../xlsx/read/zip";
import { errorText, isNodeError, nodeErrorMessage } from "./fs-errors";

/** Pseudo file systems whose «files» are the kernel's views, not data a user keeps. */
const SYSTEM_ROOTS = ["/proc", "/sys", "/dev"];

export function isSystemPath(real: string): boolean {
  return SYSTEM_ROOTS.some((root) => real === root || real.startsWith(root + "/"));
}

/** An error whose message is already the Russian sentence for the user. */
export class InputFileError extends Error {}

/** The real path of `path` (links resolved once), refused unless it is a regular file outside /proc, /sys, /dev. */
export async function regularFile(path: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (e) {
    if (isNodeError(e) && e.code === "ENOENT") {
      // A link whose target is gone exists for lstat only: say so rather than «not found».
      const link = await lstat(path).catch(() => null);
      throw new InputFileError(
        link?.isSymbolicLink() ? `Ссылка «${path}» ведёт к файлу, которого нет.` : `Файл «${path}» не найден.`,
      );
    }
    throw new InputFileError(isNodeError(e) ? nodeErrorMessage(e, path) : errorText(e, path));
  }
  let s;
  try {
    s = await stat(real);
  } catch (e) {
    throw new InputFileError(errorText(e, path));
  }
  if (s.isDirectory()) throw new InputFileError(`«${path}» — папка, а нужен файл .xlsx.`);
  if (isSystemPath(real) && real !== path)
    throw new InputFileError(`«${path}» ведёт к системному файлу «${real}», а не к книге Excel: укажите файл .xlsx.`);
  if (isSystemPath(real)) throw new InputFileError(`«${path}» — системный файл, а не книга Excel: укажите файл .xlsx.`);
  if (!s.isFile()) throw new InputFileError(`«${path}» — не обычный файл (${kindOf(s)}): укажите файл .xlsx на диске.`);
  return real;
}

function kindOf(s: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (s.isFIFO()) return "именованный канал";
  if (s.isSocket()) return "сокет";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "устройство";
  return "особый файл";
}

// O_NONBLOCK: should the file turn into a pipe between the check and the open, open() must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of a regular file, at most `maxBytes` (default 50 MB), with Russian errors naming `path`. */
export async function readInputBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  const real = await regularFile(path);
  const name = basename(path);
  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (e) {
    throw new InputFileError(errorText(e, path));
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new InputFileError(`«${path}» — не обычный файл: укажите файл .xlsx на диске.`);
    if (s.size > maxBytes) throw new InputFileError(tooLarge(name, s.size, maxBytes));
    // Read by the size the handle reports, and never past the limit even if the file grows meanwhile.
    const buf = new Uint8Array(Math.min(s.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buf.length) {
        if (filled > maxBytes) throw new InputFileError(tooLarge(name, filled, maxBytes));
        break;
      }
    }
    return buf.subarray(0, filled);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(errorText(e, path));
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, size: number, maxBytes: number): string {
  return `Файл «${name}» слишком велик: ${megabytes(size)}, допускается не больше ${megabytes(maxBytes)}. Разделите книгу или удалите лишние листы.`;
}

/** Every sheet of an input .xlsx as grids (see readXlsxBuffer), read through readInputBytes. */
export async function readInputXlsx(path: string, opts: ReadXlsxOptions = {}): Promise<SheetRead[]> {
  return readXlsxBuffer(await readInputBytes(path, opts.maxBytes), basename(path), opts);
}

/** Files of the given paths; a folder gives its .xlsx files in name order (Excel's "~$" lock files skipped). */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      const code = isNodeError(e) ? e.code : "";
      if (code === "ENOENT") {
        // A link whose target is gone exists for lstat only: say so rather than «not found».
        const link = await lstat(p).catch(() => null);
        throw new InputFileError(
          link?.isSymbolicLink() ? `Ссылка «${p}» ведёт к файлу, которого нет.` : `Нет файла или папки «${p}».`,
        );
      }
      throw new InputFileError(errorText(e, p));
    }
    if (s.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(p);
      } catch (e) {
        throw new InputFileError(errorText(e, p));
      }
      const xlsx = names.filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$")).sort();
      out.push(...xlsx.map((n) => join(p, n)));
    } else out.push(p);
  }
  return out;
}
