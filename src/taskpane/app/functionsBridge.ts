/**
 * Hands the workbook's own settings to the custom functions: the methodology profile (defaults
 * plus the overrides on «Настройки МСОКО») and the reporting date that =MSOKO.ЦИКЛ uses when it
 * gets no date. The entry files call `pushWorkbookSettings` once when the pane starts; the pages
 * call `setProfile` / `setReportingDate` themselves after the user changes a value.
 */
import type { OverrideError } from "../../core/profile";
import { setProfile } from "../../functions/context";
import { setReportingDate } from "../../functions/cycle";
import type { WorkbookPort } from "../../host/port";
import { loadProfile, readSettings, reportDate } from "../../host/settings";

export interface PushedSettings {
  profileVersion: string;
  reportingDate: string | null;
  /** Bad overrides (not applied), each naming its cell on the settings sheet. */
  errors: OverrideError[];
}

export async function pushWorkbookSettings(port: WorkbookPort): Promise<PushedSettings> {
  const [{ profile, errors }, settings] = await Promise.all([loadProfile(port), readSettings(port)]);
  const date = reportDate(settings);
  setProfile(profile);
  setReportingDate(date);
  return { profileVersion: profile.version, reportingDate: date, errors };
}

/** For the entry files: a failure to read settings must not stop the pane from starting. */
export function pushWorkbookSettingsInBackground(port: WorkbookPort): void {
  pushWorkbookSettings(port).catch((e: unknown) => {
    console.warn("МСОКО: не удалось прочитать настройки книги для функций:", e);
  });
}
