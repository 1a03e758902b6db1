import type { WidgetProps } from "@rjsf/utils";
import { useConnectors } from "@/features/stacks/api/list-connectors";

/** A component's `connector` setting as a choice of the registered service connectors. */
export function ConnectorSelectWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus } = props;
  const connectors = useConnectors();
  const items = connectors.data?.items ?? [];
  const chosen = typeof value === "string" ? value : "";
  const isDangling = chosen !== "" && connectors.isSuccess && !items.some((c) => c.name === chosen);
  return (
    <select
      id={id}
      className="form-control"
      value={chosen}
      disabled={disabled || readonly || connectors.isPending}
      onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      <option value="">
        {connectors.isPending ? "Loading the connectors…" : "None (fsspec's own credentials)"}
      </option>
      {items.map((c) => (
        <option key={c.id} value={c.name}>
          {c.name} ({c.type})
        </option>
      ))}
      {isDangling ? <option value={chosen}>{chosen} (not registered)</option> : null}
    </select>
  );
}
