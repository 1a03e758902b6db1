/** The theme's chart colours for ECharts, read from CSS variables again when the theme changes. */
import { useEffect, useState } from "react";

export interface ChartTokens {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  surface: string;
  border: string;
  faint: string;
}

function readTokens(): ChartTokens {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: token("--text"),
    muted: token("--text-muted"),
    grid: token("--grid"),
    accent: token("--accent"),
    surface: token("--surface"),
    border: token("--border-strong"),
    faint: token("--text-faint"),
  };
}

export function useChartTokens(): ChartTokens {
  const [tokens, setTokens] = useState(readTokens);
  useEffect(() => {
    const update = () => setTokens(readTokens());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributeFilter: ["data-theme"] });
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", update);
    return () => {
      observer.disconnect();
      scheme.removeEventListener("change", update);
    };
  }, []);
  return tokens;
}
