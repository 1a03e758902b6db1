/** The step panel's tabs, in order; the active one lives in the URL. */
export const STEP_TABS = [
  { id: "overview", label: "Overview" },
  { id: "logs", label: "Logs" },
  { id: "code", label: "Code" },
  { id: "metadata", label: "Metadata" },
] as const;

export type StepTab = (typeof STEP_TABS)[number]["id"];

export function parseStepTab(value: unknown): StepTab | undefined {
  return STEP_TABS.find((tab) => tab.id === value)?.id;
}
