export interface JsonTreeProps {
  value: unknown;
  name?: string;
  depth?: number;
}

const OPEN_DEPTH = 2;

function Leaf({ value }: { value: unknown }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === "string") return <span className="json-string">"{value}"</span>;
  if (typeof value === "number") return <span className="json-number">{value}</span>;
  if (typeof value === "boolean") return <span className="json-boolean">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

/** JSON as a collapsible tree (native <details>, so it is keyboard accessible). */
export function JsonTree({ value, name, depth = 0 }: JsonTreeProps) {
  const label = name === undefined ? null : <span className="json-key">{name}: </span>;
  if (typeof value !== "object" || value === null) {
    return (
      <div className="json-row">
        {label}
        <Leaf value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <details className="json-node" open={depth < OPEN_DEPTH}>
      <summary>
        {label}
        <span className="faint">{summary}</span>
      </summary>
      <div className="json-children">
        {entries.map(([key, child]) => (
          <JsonTree key={key} name={key} value={child} depth={depth + 1} />
        ))}
      </div>
    </details>
  );
}
