import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { fetchLogText, useStepLogs } from "@/features/steps/api/get-step-logs";
import type { LogFilter } from "@/features/steps/api/step-keys";
import { LogToolbar } from "@/features/steps/components/log-toolbar";
import { downloadText } from "@/features/steps/lib/download-text";
import { formatLogTime } from "@/features/steps/lib/log-time";

export interface StepLogsProps {
  stepRunId: string;
  stepName: string;
  isLive: boolean;
  filter: LogFilter;
  onFilterChange: (filter: LogFilter) => void;
}

const LINE_HEIGHT = 20;

/** The step's log: searched on the server, virtualized, following new lines while running. */
export function StepLogs({ stepRunId, stepName, isLive, filter, onFilterChange }: StepLogsProps) {
  const logs = useStepLogs(stepRunId, filter, isLive);
  const lines = useMemo(() => logs.data?.pages.flatMap((p) => p.lines) ?? [], [logs.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const rows = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  });
  const items = rows.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = logs;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= lines.length - 50) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, lines.length]);
  useEffect(() => {
    if (isLive && follow && lines.length) rows.scrollToIndex(lines.length - 1, { align: "end" });
  }, [isLive, follow, lines.length, rows]);
  const download = async () =>
    downloadText(`${stepName}.log`, await fetchLogText(stepRunId, filter));

  return (
    <div className="section" style={{ minHeight: 0, flex: 1 }}>
      <LogToolbar
        filter={filter}
        onFilterChange={onFilterChange}
        isLive={isLive}
        follow={follow}
        onFollowChange={setFollow}
        onDownload={() => void download()}
        lineCount={lines.length}
        hasMore={hasNextPage}
      />
      {logs.isPending ? <LoadingState label="Loading the log…" /> : null}
      {logs.isError ? (
        <ErrorState
          error={logs.error}
          title="Could not load the log"
          onRetry={() => void logs.refetch()}
        />
      ) : null}
      {logs.isSuccess && lines.length === 0 ? (
        <div className="state">
          <div className="state-title">
            {filter.grep || filter.stream ? "No line matches" : "This step wrote no log lines"}
          </div>
          {filter.grep || filter.stream
            ? "Clear the search or the stream filter to see every line."
            : null}
        </div>
      ) : null}
      {lines.length > 0 ? (
        <div ref={scroller} className="log-view" role="log" aria-label={`Log of ${stepName}`}>
          <div style={{ height: rows.getTotalSize(), position: "relative", minWidth: "100%" }}>
            {items.map((item) => {
              const line = lines[item.index];
              if (!line) return null;
              return (
                <div
                  key={item.key}
                  className={`log-line ${line.stream}`}
                  style={{ top: item.start, height: LINE_HEIGHT }}
                >
                  <span className="log-time">{formatLogTime(line.time)}</span>
                  <span className="log-stream">{line.stream}</span>
                  <span className="log-message">{line.message}</span>
                </div>
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
