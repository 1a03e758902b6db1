/** Every query key of the steps feature in one place. */
import { queryScopes } from "@/lib/query-scopes";

export interface LogFilter {
  grep?: string;
  stream?: "stdout" | "stderr" | "log";
}

export const stepKeys = {
  detail: (stepRunId: string) => [...queryScopes.stepRun(stepRunId), "detail"] as const,
  logs: (stepRunId: string, filter: LogFilter) =>
    [...queryScopes.stepRun(stepRunId), "logs", filter] as const,
  cache: (stepRunId: string) => [...queryScopes.stepRun(stepRunId), "cache"] as const,
  /** Under the run's steps: a new attempt's event names the new step run, not this one. */
  attempts: (runId: string, stepName: string) =>
    [...queryScopes.runSteps(runId), "attempts", stepName] as const,
};
