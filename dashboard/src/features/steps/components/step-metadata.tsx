import type { MetadataEntry } from "@/api/types";
import { KeyValues } from "@/components/ui/key-values";
import { formatValue } from "@/lib/format";

export interface MetadataListProps {
  metadata: Record<string, MetadataEntry>;
  cacheKey?: string;
  cacheComponents?: Record<string, string>;
}

/** Logged metadata, then the cache key and its components. */
export function StepMetadata({ metadata, cacheKey, cacheComponents }: MetadataListProps) {
  const entries = Object.values(metadata);
  return (
    <div className="section" style={{ gap: 14 }}>
      <section className="section" aria-label="Metadata">
        <h3>Metadata</h3>
        {entries.length === 0 ? (
          <span className="faint">
            Nothing logged. Call log_metadata({"{...}"}) inside the step to add some.
          </span>
        ) : (
          <KeyValues
            items={entries.map((e) => [e.key, <code key={e.key}>{formatValue(e.value)}</code>])}
          />
        )}
      </section>
      {cacheKey ? (
        <section className="section" aria-label="Cache key">
          <h3>Cache key</h3>
          <KeyValues
            items={[
              ["key", <code key="k">{cacheKey}</code>],
              ...Object.entries(cacheComponents ?? {}).map(([k, v]): [string, React.ReactNode] => [
                k,
                <code key={k}>{v}</code>,
              ]),
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
