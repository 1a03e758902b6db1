import type { ReactNode } from "react";

export interface KeyValuesProps {
  items: [string, ReactNode][];
}

/** A two-column list of labels and values. */
export function KeyValues({ items }: KeyValuesProps) {
  return (
    <dl className="kv">
      {items.map(([key, value]) => (
        <div key={key} style={{ display: "contents" }}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
