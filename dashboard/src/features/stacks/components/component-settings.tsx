import type { FlavorDescription, StackComponent } from "@/api/types";
import { formatValue } from "@/lib/format";

export interface ComponentSettingsProps {
  component: StackComponent;
  flavor: FlavorDescription | undefined;
}

function settingTitle(flavor: FlavorDescription | undefined, key: string): string {
  const properties = flavor?.settings_schema.properties;
  if (typeof properties !== "object" || properties === null) return key;
  const found = (properties as Record<string, { title?: unknown }>)[key];
  return typeof found?.title === "string" ? found.title : key;
}

/** A component's settings; a secret shows only whether it is set, never its value. */
export function ComponentSettings({ component, flavor }: ComponentSettingsProps) {
  const secretNames = [...new Set([...(flavor?.secret_fields ?? []), ...component.secret_keys])];
  const plain = Object.entries(component.settings).filter(([key]) => !secretNames.includes(key));
  if (plain.length === 0 && secretNames.length === 0) {
    return <p className="muted">This component takes no settings.</p>;
  }
  return (
    <dl className="kv" aria-label="Settings">
      {plain.map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{settingTitle(flavor, key)}</dt>
          <dd className="mono">{formatValue(value)}</dd>
        </div>
      ))}
      {secretNames.map((key) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{settingTitle(flavor, key)}</dt>
          <dd>
            <span className="tag">
              {component.secret_keys.includes(key) ? "secret: set" : "secret: not set"}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
