/** «Методика»: effective parameters with overrides from the workbook (methodology/MethodologyPage.tsx). */
import { BookInformationRegular } from "@fluentui/react-icons";
import { MethodologyPage } from "../methodology/MethodologyPage";
import type { PageDef } from "../shared/page-types";

export const methodologyPage: PageDef = {
  id: "methodology",
  navLabel: "Методика",
  title: "Методика",
  icon: BookInformationRegular,
  Component: MethodologyPage,
};
