import type { ModelStage } from "@/features/models/lib/model-types";
import { STAGE_STYLES } from "@/features/models/lib/stage-styles";
import "@/features/models/components/models.css";

export interface StageBadgeProps {
  stage: ModelStage;
}

/** A coloured pill with the stage's name. */
export function StageBadge({ stage }: StageBadgeProps) {
  const style = STAGE_STYLES[stage];
  return (
    <span className="stage-badge" style={{ background: style.background, color: style.colour }}>
      <span className="dot" style={{ background: style.colour }} aria-hidden="true" />
      {style.label}
    </span>
  );
}
