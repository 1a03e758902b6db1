import type { ConnectorTypeDescription, ServiceConnector } from "@/api/types";
import { formatValue } from "@/lib/format";

export interface ConnectorSettingsProps {
  connector: ServiceConnector;
  kind: ConnectorTypeDescription | undefined;
}

function settingTitle(kind: ConnectorTypeDescription | undefined, key: string): string {
  const properties = kind?.settings_schema.properties;
  if (typeof properties !== "object" || properties === null) return key;
  const found = (properties as Record<string, { title?: unknown }>)[key];
  return typeof found?.title === "string" ? found.title : key;
}

/** A connector's settings; a secret shows only whether it is set, never its value. */
export function ConnectorSettings({ connector, kind }: ConnectorSettingsProps) {
  const plain = Object.entries(connector.settings);
  const secrets = Object.entries(connector.secrets);
  if (plain.length === 0 && secrets.length === 0) {
    return <p className="muted">No settings yet.</p>;
  }
  return (
    <dl className="kv" aria-label="Settings">
      {plain.map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{settingTitle(kind, key)}</dt>
          <dd className="mono">{formatValue(value)}</dd>
        </div>
      ))}
      {secrets.map(([key, state]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{settingTitle(kind, key)}</dt>
          <dd>
            <span className="tag">secret: {state}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
