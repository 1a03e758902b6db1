import { useEffect, useState } from "react";
import type { LogFilter } from "@/features/steps/api/step-keys";

export interface LogToolbarProps {
  filter: LogFilter;
  onFilterChange: (filter: LogFilter) => void;
  isLive: boolean;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  onDownload: () => void;
  lineCount: number;
  hasMore: boolean;
}

const STREAMS = ["stdout", "stderr", "log"] as const;

/** Search (on the server), stream filter, follow toggle and download. */
export function LogToolbar(props: LogToolbarProps) {
  const { filter, onFilterChange } = props;
  const [text, setText] = useState(filter.grep ?? "");
  useEffect(() => setText(filter.grep ?? ""), [filter.grep]);
  useEffect(() => {
    if (text === (filter.grep ?? "")) return;
    const timer = setTimeout(() => onFilterChange({ ...filter, grep: text || undefined }), 350);
    return () => clearTimeout(timer);
  }, [text, filter, onFilterChange]);
  return (
    <div className="row">
      <input
        className="input grow"
        type="search"
        aria-label="Search the log"
        placeholder="Search the log…"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        className="select"
        aria-label="Stream"
        value={filter.stream ?? ""}
        onChange={(e) => {
          const stream = STREAMS.find((s) => s === e.target.value);
          onFilterChange({ ...filter, stream });
        }}
      >
        <option value="">All streams</option>
        <option value="stdout">stdout</option>
        <option value="stderr">stderr</option>
        <option value="log">logging</option>
      </select>
      {props.isLive ? (
        <label className="row muted">
          <input
            type="checkbox"
            checked={props.follow}
            onChange={(e) => props.onFollowChange(e.target.checked)}
          />
          Follow
        </label>
      ) : null}
      <button type="button" className="button small" onClick={props.onDownload}>
        Download
      </button>
      <span className="faint" aria-live="polite">
        {props.lineCount.toLocaleString()} lines{props.hasMore ? "+" : ""}
      </span>
    </div>
  );
}
