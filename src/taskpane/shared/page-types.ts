/**
 * What a page of the pane is. The registry (pages/index.ts) lists these in navigation order;
 * a new page is a module exporting a PageDef plus one line in the registry.
 */
import type { ComponentType } from "react";
import type { FluentIcon } from "@fluentui/react-icons";

export interface PageDef {
  /** Stable id (used in element ids and tests). Latin letters and "-" only. */
  id: string;
  /** Short tab label that fits a 320 px pane. */
  navLabel: string;
  /** Full page heading. */
  title: string;
  icon: FluentIcon;
  Component: ComponentType;
}
