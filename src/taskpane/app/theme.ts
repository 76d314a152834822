/**
 * Light or dark pane, following the Office theme. The entry file reads
 * Office.context.officeTheme and passes it here; components only see the resulting name.
 */

export type ThemeName = "light" | "dark";

/** What the entry may pass: Office's officeTheme object or any object with a background colour. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

/** Relative luminance of "#RRGGBB" (0 black … 1 white), or null when the text is not a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/**
 * Office's dark themes («Тёмно-серая», «Чёрная») have dark body backgrounds; everything else,
 * including hosts without officeTheme, gets the light theme.
 */
export function themeFromOffice(theme: OfficeThemeLike | null | undefined): ThemeName {
  const l = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? "dark" : "light";
}
