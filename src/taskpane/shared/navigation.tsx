/**
 * Lets a page send the user to another page («Создайте форму на странице «Форма ОО»» comes with
 * a button that goes there) without knowing how the shell switches pages.
 */
import { createContext, useContext } from "react";

export type Navigate = (pageId: string) => void;

const NavigationContext = createContext<Navigate>(() => undefined);

export const NavigationProvider = NavigationContext.Provider;

export function useNavigate(): Navigate {
  return useContext(NavigationContext);
}
