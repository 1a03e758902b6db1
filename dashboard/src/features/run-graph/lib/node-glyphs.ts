/** A glyph inside each step circle, so status never depends on colour alone. */
import type { ExecutionStatus } from "@/api/types";

export const STATUS_GLYPHS: Record<ExecutionStatus, string> = {
  initializing: "",
  running: "▶",
  completed: "✓",
  cached: "↺",
  failed: "✕",
  stopped: "■",
};
