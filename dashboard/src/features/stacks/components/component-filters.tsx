import type { StackComponent, StackComponentType } from "@/api/types";
import { COMPONENT_TYPE_ORDER, COMPONENT_TYPES } from "@/features/stacks/lib/component-types";

export interface ComponentFilter {
  type?: StackComponentType;
  flavor?: string;
}

export interface ComponentFiltersProps {
  components: StackComponent[];
  filter: ComponentFilter;
  onChange: (next: ComponentFilter) => void;
}

/** Narrow the components by type and flavor (the flavors offered follow the type). */
export function ComponentFilters({ components, filter, onChange }: ComponentFiltersProps) {
  const flavors = [
    ...new Set(
      components.filter((c) => !filter.type || c.type === filter.type).map((c) => c.flavor),
    ),
  ].sort();
  return (
    <div className="row">
      <label className="row">
        Type
        <select
          className="select"
          value={filter.type ?? ""}
          onChange={(e) =>
            onChange({
              type: COMPONENT_TYPE_ORDER.find((t) => t === e.target.value),
            })
          }
        >
          <option value="">Every type</option>
          {COMPONENT_TYPE_ORDER.map((type) => (
            <option key={type} value={type}>
              {COMPONENT_TYPES[type].label}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        Flavor
        <select
          className="select"
          value={filter.flavor ?? ""}
          onChange={(e) => onChange({ ...filter, flavor: e.target.value || undefined })}
        >
          <option value="">Every flavor</option>
          {flavors.map((flavor) => (
            <option key={flavor} value={flavor}>
              {flavor}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The components a filter keeps. */
export function filterComponents(
  components: StackComponent[],
  filter: ComponentFilter,
): StackComponent[] {
  return components.filter(
    (c) =>
      (!filter.type || c.type === filter.type) && (!filter.flavor || c.flavor === filter.flavor),
  );
}
