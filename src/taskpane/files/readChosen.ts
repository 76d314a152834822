/**
 * Files chosen in the pane («Выбрать файлы…»): each read in the browser (values only, with the
 * same size, zip-bomb and DTD checks as the CLI) and sorted into the summary's inputs — school
 * forms, ФИС ОКО exports, regional protocols, FIOKO lists. A refused file is listed with its reason, never dropped.
 */
import { DEFAULT_PROFILE, type Profile } from "../../core/profile";
import { addUnreadable, addWorkbook, emptyInputs, type Inputs } from "../../summary/inputs";
import { bookLimits } from "../../xlsx/read/budget";
import { readXlsxInBrowser } from "../../xlsx/read/browser";

export interface ChosenFile {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readChosenFiles(
  files: readonly ChosenFile[],
  opts: {
    signal?: AbortSignal;
    onFile?: (index: number, total: number, name: string) => void;
    /** The workbook's profile: its «Ограничения» (limits.*) bound what a chosen file may hold. */
    profile?: Profile;
    /** Keep of each school form only what the summary reads (slimForSummary): the «Свод» page builds nothing else. */
    slim?: boolean;
  } = {},
): Promise<Inputs> {
  const inputs = emptyInputs();
  const profile = opts.profile ?? DEFAULT_PROFILE;
  const limits = bookLimits(profile);
  const maxText = profile.values["limits.textLength"];
  for (const [i, f] of files.entries()) {
    opts.signal?.throwIfAborted();
    opts.onFile?.(i + 1, files.length, f.name);
    try {
      const sheets = await readXlsxInBrowser(await f.arrayBuffer(), f.name, { limits });
      addWorkbook(inputs, f.name, sheets, new Date(f.lastModified).toISOString(), maxText, { slim: opts.slim });
    } catch (e) {
      addUnreadable(inputs, f.name, e);
    }
  }
  return inputs;
}
