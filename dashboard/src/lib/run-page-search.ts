/** The run page's view state in the URL: view, selected step or artifact, panel tab, log filter. */
import type { RunView } from "@/lib/run-views";

export type PanelTab = "overview" | "logs" | "code" | "metadata";
export type LogStream = "stdout" | "stderr" | "log";

export interface RunPageSearch {
  view?: RunView;
  step?: string;
  artifact?: string;
  tab?: PanelTab;
  grep?: string;
  stream?: LogStream;
}

const TABS: readonly PanelTab[] = ["overview", "logs", "code", "metadata"];
const STREAMS: readonly LogStream[] = ["stdout", "stderr", "log"];
const ID = /^[0-9a-zA-Z-]{1,64}$/;

function pick<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

function id(value: unknown): string | undefined {
  return typeof value === "string" && ID.test(value) ? value : undefined;
}

/** Only valid values survive; a step wins over an artifact when both are set. */
export function parseRunPageSearch(raw: Record<string, unknown>): RunPageSearch {
  const step = id(raw.step);
  const search: RunPageSearch = {
    view: pick(["dag", "timeline"] as const, raw.view),
    step,
    artifact: step ? undefined : id(raw.artifact),
    tab: pick(TABS, raw.tab),
    grep: typeof raw.grep === "string" && raw.grep !== "" ? raw.grep.slice(0, 1000) : undefined,
    stream: pick(STREAMS, raw.stream),
  };
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined),
  ) as RunPageSearch;
}
