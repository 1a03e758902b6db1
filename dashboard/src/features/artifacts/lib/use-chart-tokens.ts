/** The theme's chart colours for ECharts, kept in step with the light or dark theme. */
import { useEffect, useState } from "react";
import type { ChartTokens } from "@/features/artifacts/lib/chart-options";

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
  };
}

/** The theme's chart colours, read again when the theme (or the system's) changes. */
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
