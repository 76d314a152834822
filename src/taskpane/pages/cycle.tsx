/** «Управленческий цикл»: the cycle board of the school form (cycle/CyclePage.tsx). */
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { CyclePage } from "../cycle/CyclePage";
import type { PageDef } from "../shared/page-types";

export const cyclePage: PageDef = {
  id: "cycle",
  navLabel: "Цикл",
  title: "Управленческий цикл",
  icon: ArrowRepeatAllRegular,
  Component: CyclePage,
};
