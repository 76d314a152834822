/** «Форма ОО»: the standard school form — creation, its sheets, how to fill it (form/FormPage.tsx). */
import { DocumentTableRegular } from "@fluentui/react-icons";
import { FormPage } from "../form/FormPage";
import type { PageDef } from "../shared/page-types";

export const formPage: PageDef = {
  id: "form",
  navLabel: "Форма ОО",
  title: "Форма ОО",
  icon: DocumentTableRegular,
  Component: FormPage,
};
