import type { TransitionOutcome } from "@/features/models/lib/model-types";
import { STAGE_STYLES } from "@/features/models/lib/stage-styles";
import type { TimelineStage } from "@/features/models/lib/stage-timeline";

export interface TimelineMarkGlyphProps {
  outcome: TransitionOutcome;
  stage: TimelineStage;
  /** The centre, in the timeline's SVG coordinates. */
  x: number;
  y: number;
}

function diamond(x: number, y: number, r: number) {
  return `M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y} Z`;
}

/** The glyph of an attempt: dots for changes and rule decisions, a cross for a refusal,
 * diamonds for an approval request's steps (asked, approved, rejected). */
export function TimelineMarkGlyph({
  outcome,
  stage,
  x,
  y,
}: {
  outcome: TransitionOutcome;
  stage: TimelineStage;
  x: number;
  y: number;
}) {
  switch (outcome) {
    case "refused":
      return (
        <path
          d={`M${x - 4},${y - 4} L${x + 4},${y + 4} M${x + 4},${y - 4} L${x - 4},${y + 4}`}
          stroke="var(--status-failed)"
          strokeWidth={2}
        />
      );
    case "requested":
      return (
        <path
          d={diamond(x, y, 5)}
          fill="var(--surface)"
          stroke="var(--text-muted)"
          strokeWidth={1.5}
        />
      );
    case "approved":
      return (
        <path
          d={diamond(x, y, 5)}
          fill="var(--status-cached)"
          stroke="var(--surface)"
          strokeWidth={1}
        />
      );
    case "rejected":
      return (
        <path
          d={diamond(x, y, 5)}
          fill="var(--status-failed)"
          stroke="var(--surface)"
          strokeWidth={1}
        />
      );
    case "applied":
    case "skipped": {
      const isApplied = outcome === "applied";
      return (
        <circle
          cx={x}
          cy={y}
          r={4}
          fill={isApplied ? STAGE_STYLES[stage].colour : "var(--surface)"}
          stroke={isApplied ? "var(--surface)" : "var(--text-faint)"}
          strokeWidth={1.5}
        />
      );
    }
  }
}
