import { useInfiniteQuery } from "@tanstack/react-query";
import type { LogSlice } from "@/api/types";
import { type LogFilter, stepKeys } from "@/features/steps/api/step-keys";
import { getJson } from "@/lib/api-client";

export const LOG_PAGE_LINES = 2000;

/** A step's log in windows of lines, filtered on the server; tails while `isLive`. */
export function useStepLogs(stepRunId: string, filter: LogFilter, isLive: boolean) {
  return useInfiniteQuery({
    queryKey: stepKeys.logs(stepRunId, filter),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      getJson<LogSlice>(
        `/step-runs/${stepRunId}/logs`,
        { offset: pageParam, limit: LOG_PAGE_LINES, grep: filter.grep, stream: filter.stream },
        signal,
      ),
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
    const slice = await getJson<LogSlice>(`/step-runs/${stepRunId}/logs`, {
      offset,
      limit: 10_000,
      grep: filter.grep,
      stream: filter.stream,
    });
    for (const line of slice.lines) lines.push(`${line.time} [${line.stream}] ${line.message}`);
    if (!slice.has_more || slice.next_offset <= offset) break;
    offset = slice.next_offset;
  }
  return `${lines.join("\n")}\n`;
}
