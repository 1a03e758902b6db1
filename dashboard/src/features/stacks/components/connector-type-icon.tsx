import type { ServiceConnectorType } from "@/api/types";
import { CONNECTOR_TYPES } from "@/features/stacks/lib/connector-types";
import "@/features/stacks/components/stacks.css";

export interface ConnectorTypeIconProps {
  type: ServiceConnectorType;
  size?: "normal" | "large";
}

/** A connector type's glyph; its name is the tooltip and what screen readers hear. */
export function ConnectorTypeIcon({ type, size = "normal" }: ConnectorTypeIconProps) {
  const info = CONNECTOR_TYPES[type];
  return (
    <span
      className={`type-icon connector ${size === "large" ? "large" : ""}`}
      role="img"
      aria-label={info.label}
      title={info.label}
    >
      {info.glyph}
    </span>
  );
}
