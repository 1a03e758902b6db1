/** How each model stage looks: a label and theme colours (never colour alone). */
import type { ModelStage } from "@/features/models/lib/model-types";

export interface StageStyle {
  label: string;
  colour: string;
  background: string;
}

export const STAGE_STYLES: Record<ModelStage, StageStyle> = {
  production: {
    label: "production",
    colour: "var(--status-cached)",
    background: "var(--status-cached-bg)",
  },
  staging: {
    label: "staging",
    colour: "var(--status-running)",
    background: "var(--status-running-bg)",
  },
  archived: {
    label: "archived",
    colour: "var(--status-stopped)",
    background: "var(--status-stopped-bg)",
  },
  none: {
    label: "no stage",
    colour: "var(--status-waiting)",
    background: "var(--status-waiting-bg)",
  },
};

/** Every stage a version may be moved to, in the order a menu lists them. */
export const STAGES: ModelStage[] = ["staging", "production", "archived", "none"];
