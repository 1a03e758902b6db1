import { Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { StatusBadge } from "@/components/ui/status-badge";
import { Tabs } from "@/components/ui/tabs";
import { useStepRun } from "@/features/steps/api/get-step-run";
import type { LogFilter } from "@/features/steps/api/step-keys";
import { StepAttempts } from "@/features/steps/components/step-attempts";
import { StepLogs } from "@/features/steps/components/step-logs";
import { StepMetadata } from "@/features/steps/components/step-metadata";
import { StepOverview } from "@/features/steps/components/step-overview";
import { STEP_TABS, type StepTab } from "@/features/steps/lib/step-tabs";
import { STATUS_STYLES } from "@/lib/status";

export interface StepPanelProps {
  stepRunId: string;
  tab: StepTab;
  onTabChange: (tab: StepTab) => void;
  logFilter: LogFilter;
  onLogFilterChange: (filter: LogFilter) => void;
  onSelectArtifact: (artifactVersionId: string) => void;
  /** Another attempt of the same step (a retried step has one step run per attempt). */
  onSelectAttempt: (stepRunId: string) => void;
  onClose?: () => void;
}

/** Everything about one step run, in tabs: overview, logs, code, metadata; above them, a
 * retried step's other attempts. */
export function StepPanel(props: StepPanelProps) {
  const step = useStepRun(props.stepRunId);
  return (
    <aside className="side-panel" aria-label="Step details">
      <QueryView
        query={step}
        loadingLabel="Loading the step…"
        errorTitle="Could not load this step"
      >
        {(data) => (
          <>
            <header className="panel-header">
              <span
                className="shape circle"
                style={{ borderColor: STATUS_STYLES[data.status].colour }}
                aria-hidden="true"
              />
              <h2 className="grow ellipsis" title={data.name}>
                {data.name}
              </h2>
              <StatusBadge status={data.status} />
              {props.onClose ? (
                <Link
                  className="button small"
                  to="/steps/$stepRunId"
                  params={{ stepRunId: data.id }}
                  search={{ tab: props.tab }}
                >
                  Open page
                </Link>
              ) : (
                <Link
                  className="button small"
                  to="/runs/$runId"
                  params={{ runId: data.run_id }}
                  search={{ step: data.id }}
                >
                  Show in its run
                </Link>
              )}
              {props.onClose ? (
                <button
                  type="button"
                  className="button small icon-button"
                  onClick={props.onClose}
                  aria-label="Close step details"
                >
                  ✕
                </button>
              ) : null}
            </header>
            <StepAttempts step={data} onSelectAttempt={props.onSelectAttempt} />
            <Tabs
              label="Step sections"
              tabs={STEP_TABS}
              active={props.tab}
              onChange={props.onTabChange}
            />
            <div className="panel-body" role="tabpanel">
              {props.tab === "overview" ? (
                <StepOverview
                  step={data}
                  onOpenLogs={() => props.onTabChange("logs")}
                  onSelectArtifact={props.onSelectArtifact}
                />
              ) : null}
              {props.tab === "logs" ? (
                <StepLogs
                  stepRunId={data.id}
                  stepName={data.name}
                  isLive={!STATUS_STYLES[data.status].isFinished}
                  filter={props.logFilter}
                  onFilterChange={props.onLogFilterChange}
                />
              ) : null}
              {props.tab === "code" ? (
                <pre className="code" style={{ maxHeight: "none" }}>
                  {data.source_code}
                </pre>
              ) : null}
              {props.tab === "metadata" ? (
                <StepMetadata
                  metadata={data.metadata}
                  cacheKey={data.cache_key}
                  cacheComponents={data.cache_components}
                />
              ) : null}
            </div>
          </>
        )}
      </QueryView>
    </aside>
  );
}
