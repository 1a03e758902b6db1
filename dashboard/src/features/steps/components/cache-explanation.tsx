import type { StepRun } from "@/api/types";
import { useCacheExplanation } from "@/features/steps/api/explain-cache";
import { errorMessage } from "@/lib/api-client";

export interface CacheExplanationProps {
  step: StepRun;
}

const COMPONENT_LABELS: Record<string, string> = {
  source: "Step code",
  parameters: "Parameters",
  extra: "Cache salt (extra)",
  materializers: "Output materializers",
};

function componentLabel(name: string): string {
  if (name.startsWith("input:")) return `Input '${name.slice(6)}'`;
  if (name.startsWith("parameter:")) return `Parameter '${name.slice(10)}'`;
  return COMPONENT_LABELS[name] ?? name;
}

function short(value: string | null): string {
  if (value === null) return "—";
  return value.length > 16 ? `${value.slice(0, 12)}…` : value;
}

/** "Why did this step rerun?": the reasons and the cache key components that changed. */
export function CacheExplanation({ step }: CacheExplanationProps) {
  const isDecided =
    step.status === "cached" || step.status === "completed" || step.status === "failed";
  const explanation = useCacheExplanation(step.id, isDecided);
  if (!isDecided) return null;
  const isCached = step.status === "cached";
  const title = isCached ? "Cache hit: outputs reused" : "Cache miss: why did this step run?";
  return (
    <section
      className={`callout ${isCached ? "cached" : ""}`}
      aria-label={isCached ? "Cache hit" : "Why did this step run"}
    >
      <strong>{title}</strong>
      {explanation.isPending ? (
        <div className="skeleton" style={{ marginTop: 8, width: "60%" }} />
      ) : null}
      {explanation.isError ? <div className="muted">{errorMessage(explanation.error)}</div> : null}
      {explanation.data ? (
        <>
          <ul style={{ margin: "6px 0", paddingLeft: 18 }}>
            {explanation.data.reasons.map((reason) => (
              <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}.</li>
            ))}
          </ul>
          {explanation.data.changes.length > 0 ? (
            <table className="data" aria-label="Changed cache key components">
              <thead>
                <tr>
                  <th>Changed</th>
                  <th>Before</th>
                  <th>Now</th>
                </tr>
              </thead>
              <tbody>
                {explanation.data.changes.map((change) => (
                  <tr key={change.name}>
                    <td>{componentLabel(change.name)}</td>
                    <td className="mono" title={change.before ?? ""}>
                      {short(change.before)}
                    </td>
                    <td className="mono" title={change.after ?? ""}>
                      {short(change.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
