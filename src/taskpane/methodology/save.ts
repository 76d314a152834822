/**
 * Saving or resetting one methodology parameter from «Методика»: the value goes to the settings
 * sheet, the profile is re-read from the workbook and handed to the custom functions, and then the
 * workbook is recalculated once — MSOKO.* functions are not volatile, so without it their cells
 * would keep results computed under the old value. Returns the Russian status sentence.
 */
import { paramSpec, type ParamKey } from "../../core/profile";
import { setProfile } from "../../functions/context";
import type { WorkbookPort } from "../../host/port";
import { recalculateAfterChange } from "../../host/recalc";
import { loadProfile, removeSetting, writeSetting } from "../../host/settings";

/** Writes the checked value (see checkOverride), applies the new profile, recalculates. Throws if the write fails. */
export async function saveOverride(
  port: WorkbookPort,
  key: ParamKey,
  stored: string | number,
): Promise<{ status: string }> {
  await writeSetting(port, key, stored);
  return applied(port, `Новое значение записано в лист «Настройки МСОКО» (${paramSpec(key).label}).`);
}

/** Removes the override (back to the default value), applies the profile, recalculates. */
export async function resetOverride(port: WorkbookPort, key: ParamKey): Promise<{ status: string }> {
  await removeSetting(port, key);
  return applied(port, `Восстановлено значение по умолчанию (${paramSpec(key).label}).`);
}

async function applied(port: WorkbookPort, done: string): Promise<{ status: string }> {
  const next = await loadProfile(port);
  setProfile(next.profile);
  const recalc = await recalculateAfterChange(port, "methodology");
  return { status: `${done} ${recalc.message}` };
}
