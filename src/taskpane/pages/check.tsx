/** «Проверка»: validation of the school form with a message per cell (check/CheckPage.tsx). */
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import { CheckPage } from "../check/CheckPage";
import type { PageDef } from "../shared/page-types";

export const checkPage: PageDef = {
  id: "check",
  navLabel: "Проверка",
  title: "Проверка формы",
  icon: ClipboardTaskListLtrRegular,
  Component: CheckPage,
};
