import { Link } from "@tanstack/react-router";
import type { StackComponent } from "@/api/types";
import { ComponentTypeIcon } from "@/features/stacks/components/component-type-icon";

export interface ComponentChipProps {
  component: StackComponent;
}

/** A component as a small link: its type's icon, its name and its flavor. */
export function ComponentChip({ component }: ComponentChipProps) {
  return (
    <Link
      to="/components/$componentName"
      params={{ componentName: component.name }}
      search={{ type: component.type }}
      className="component-chip"
      onClick={(event) => event.stopPropagation()}
    >
      <ComponentTypeIcon type={component.type} />
      <span>{component.name}</span>
      <span className="flavor">{component.flavor}</span>
    </Link>
  );
}
