/**
 * The methodology profile the custom functions use. The shared runtime lets the pane replace it
 * when it reads the workbook's overrides; until then the default profile applies.
 */
import { DEFAULT_PROFILE, type Profile } from "../core/profile";

let current: Profile = DEFAULT_PROFILE;
const listeners = new Set<(p: Profile) => void>();

export function getProfile(): Profile {
  return current;
}

export function setProfile(p: Profile): void {
  current = p;
  for (const l of listeners) l(p);
}

/** Called when the profile changes (e.g. to clear caches keyed by the old profile). */
export function onProfileChange(listener: (p: Profile) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
