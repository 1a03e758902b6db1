/** Light, dark or the system's theme, kept in localStorage and applied to <html>. */
import { useCallback, useEffect, useState } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const STORAGE_KEY = "headwater.theme";
const ORDER: readonly ThemeChoice[] = ["system", "light", "dark"];

function readChoice(): ThemeChoice {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

/** The current choice and a function that cycles system -> light -> dark. */
export function useTheme(): { choice: ThemeChoice; cycle: () => void } {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  useEffect(() => {
    applyTheme(choice);
    if (choice === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  }, [choice]);
  const cycle = useCallback(() => {
    setChoice((current) => ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? "system");
  }, []);
  return { choice, cycle };
}

/** Apply the saved theme before React renders, so the page never flashes. */
export function applySavedTheme(): void {
  applyTheme(readChoice());
}
