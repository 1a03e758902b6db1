import { useInfiniteQuery } from "@tanstack/react-query";
import { type LogFilter, stepKeys } from "@/features/steps/api/step-keys";
import { api, unwrap } from "@/lib/api-client";

export const LOG_PAGE_LINES = 2000;

/** One window of a step's log, from line `offset`, filtered on the server. */
function fetchLogSlice(
  stepRunId: string,
  filter: LogFilter,
  window: { offset: number; limit: number },
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET("/api/v1/step-runs/{step_run_id}/logs", {
      params: {
        path: { step_run_id: stepRunId },
        query: { ...window, grep: filter.grep, stream: filter.stream },
      },
      signal,
    }),
  );
}

/** A step's log in windows of lines, filtered on the server; tails while `isLive`. */
export function useStepLogs(stepRunId: string, filter: LogFilter, isLive: boolean) {
  return useInfiniteQuery({
    queryKey: stepKeys.logs(stepRunId, filter),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      fetchLogSlice(stepRunId, filter, { offset: pageParam, limit: LOG_PAGE_LINES }, signal),
    // While the step runs, every loaded window is polled, so the last one grows.
    getNextPageParam: (last) => (last.has_more ? last.next_offset : undefined),
    refetchInterval: isLive ? 2000 : false,
  });
}

/** Fetch the whole log (matching `filter`) as plain text lines, for a download. */
export async function fetchLogText(stepRunId: string, filter: LogFilter): Promise<string> {
  const lines: string[] = [];
  let offset = 0;
  for (;;) {
    const slice = await fetchLogSlice(stepRunId, filter, { offset, limit: 10_000 });
    for (const line of slice.lines) lines.push(`${line.time} [${line.stream}] ${line.message}`);
    if (!slice.has_more || slice.next_offset <= offset) break;
    offset = slice.next_offset;
  }
  return `${lines.join("\n")}\n`;
}
