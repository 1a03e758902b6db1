/** Every query key of the steps feature in one place. */
export interface LogFilter {
  grep?: string;
  stream?: "stdout" | "stderr" | "log";
}

export const stepKeys = {
  all: ["steps"] as const,
  detail: (stepRunId: string) => [...stepKeys.all, "detail", stepRunId] as const,
  logs: (stepRunId: string, filter: LogFilter) =>
    [...stepKeys.all, "logs", stepRunId, filter] as const,
  cache: (stepRunId: string) => [...stepKeys.all, "cache", stepRunId] as const,
};
