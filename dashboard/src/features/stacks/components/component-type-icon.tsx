import type { StackComponentType } from "@/api/types";
import { COMPONENT_TYPES } from "@/features/stacks/lib/component-types";
import "@/features/stacks/components/stacks.css";

export interface ComponentTypeIconProps {
  type: StackComponentType;
  size?: "normal" | "large";
}

/** A component type's glyph; its name is the tooltip and what screen readers hear. */
export function ComponentTypeIcon({ type, size = "normal" }: ComponentTypeIconProps) {
  const info = COMPONENT_TYPES[type];
  return (
    <span
      className={`type-icon ${type} ${size === "large" ? "large" : ""}`}
      role="img"
      aria-label={info.label}
      title={info.label}
    >
      {info.glyph}
    </span>
  );
}
