import { Link } from "@tanstack/react-router";
import type { Stack } from "@/api/types";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";
import { COMPONENT_TYPE_ORDER, COMPONENT_TYPES } from "@/features/stacks/lib/component-types";

export interface StackDrawingProps {
  stack: Stack;
}

/** A stack drawn as its components, one slot per type, each linking to its component;
 * an empty optional slot says what it would add. */
export function StackDrawing({ stack }: StackDrawingProps) {
  return (
    <ul className="stack-drawing" aria-label={`Components of stack ${stack.name}`}>
      {COMPONENT_TYPE_ORDER.map((type) => {
        const component = stack.components[type];
        const info = COMPONENT_TYPES[type];
        if (!component) {
          return (
            <li key={type} className="slot empty">
              <ComponentTypeIcon type={type} size="large" />
              <span className="section" style={{ gap: 2 }}>
                <span className="what">{info.label}</span>
                <span>None</span>
                <span>{info.purpose}</span>
              </span>
            </li>
          );
        }
        return (
          <li key={type} style={{ listStyle: "none", display: "contents" }}>
            <Link
              to="/components/$componentName"
              params={{ componentName: component.name }}
              search={{ type }}
              className="slot"
            >
              <ComponentTypeIcon type={type} size="large" />
              <span className="section" style={{ gap: 2, minWidth: 0 }}>
                <span className="what">{info.label}</span>
                <strong className="ellipsis">{component.name}</strong>
                <span className="muted">Flavor {component.flavor}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
