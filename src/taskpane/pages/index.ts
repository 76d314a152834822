/**
 * The page registry: navigation order of the pane. To add a page, write a module exporting a
 * PageDef (see types.ts) and list it here; the shell builds the tabs and panels from this list.
 */
import type { PageDef } from "../shared/page-types";
import { formPage } from "./form";
import { checkPage } from "./check";
import { schoolPage } from "./school";
import { summaryPage } from "../summary/SummaryPage";
import { cyclePage } from "./cycle";
import { methodologyPage } from "./methodology";
import { helpPage } from "./help";

export type { PageDef } from "../shared/page-types";

export const PAGES: readonly PageDef[] = [
  formPage,
  checkPage,
  schoolPage,
  summaryPage,
  cyclePage,
  methodologyPage,
  helpPage,
];

export const DEFAULT_PAGE_ID = PAGES[0].id;

export function findPage(id: string): PageDef | undefined {
  return PAGES.find((p) => p.id === id);
}
