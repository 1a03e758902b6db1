import { Link, useNavigate } from "@tanstack/react-router";
import type { PipelineRun } from "@/api/types";
import {
  type Column,
  DataTable,
  type TableSelection,
  type TableSort,
} from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import {
  METADATA_SORT_PREFIX,
  parseSortField,
  type RunSearch,
} from "@/features/runs/lib/run-filters";
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatValue,
  secondsBetween,
} from "@/lib/format";

export interface RunsTableProps {
  runs: PipelineRun[];
  search: RunSearch;
  onSearchChange: (next: RunSearch) => void;
  showPipeline?: boolean;
  /** Row checkboxes, for bulk actions. */
  selection?: TableSelection<PipelineRun>;
}

/** A column per metadata key, sorted by the server by `metadata.<key>`; numbers align
 * right when every run on the page that has the key holds a number. */
function metadataColumn(key: string, runs: PipelineRun[]): Column<PipelineRun> {
  const values = runs.map((run) => run.metadata[key]?.value).filter((v) => v !== undefined);
  return {
    key: `${METADATA_SORT_PREFIX}${key}`,
    header: key,
    sortable: true,
    numeric: values.length > 0 && values.every((value) => typeof value === "number"),
    render: (run) => {
      const entry = run.metadata[key];
      return entry ? formatValue(entry.value) : <span className="muted">—</span>;
    },
  };
}

/** The run history: status, name, pipeline, when, how long, tags, then the chosen metadata
 * keys. Sorted by the server. */
export function RunsTable(props: RunsTableProps) {
  const { runs, search, onSearchChange, showPipeline = true, selection } = props;
  const navigate = useNavigate();
  const columns: Column<PipelineRun>[] = [
    {
      key: "status",
      header: "Status",
      sortable: true,
      render: (run) => <StatusBadge status={run.status} />,
    },
    {
      key: "name",
      header: "Run",
      sortable: true,
      render: (run) => (
        <Link to="/runs/$runId" params={{ runId: run.id }} onClick={(e) => e.stopPropagation()}>
          {run.name}
        </Link>
      ),
    },
    ...(showPipeline
      ? [
          {
            key: "pipeline_name",
            header: "Pipeline",
            sortable: true,
            render: (run: PipelineRun) => (
              <Link
                to="/pipelines/$pipelineId"
                params={{ pipelineId: run.pipeline_id }}
                onClick={(e) => e.stopPropagation()}
              >
                {run.pipeline_name}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: "created",
      header: "Created",
      sortable: true,
      render: (run) => (
        <span title={formatDateTime(run.created)}>{formatRelativeTime(run.created)}</span>
      ),
    },
    {
      key: "duration",
      header: "Duration",
      numeric: true,
      render: (run) => formatDuration(secondsBetween(run.started, run.ended)),
    },
    {
      key: "tags",
      header: "Tags",
      render: (run) => (
        <span className="row">
          {run.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      ),
    },
    ...(search.columns ?? []).map((key) => metadataColumn(key, runs)),
  ];
  const sort: TableSort = { key: search.sort ?? "created", descending: search.desc !== false };
  const onSortChange = (next: TableSort) => {
    const field = parseSortField(next.key);
    if (!field) return;
    onSearchChange({
      ...search,
      sort: field,
      desc: next.descending ? undefined : false,
      page: undefined,
    });
  };
  return (
    <DataTable
      label="Runs"
      columns={columns}
      rows={runs}
      rowKey={(run) => run.id}
      sort={sort}
      onSortChange={onSortChange}
      selection={selection}
      onRowOpen={(run) => void navigate({ to: "/runs/$runId", params: { runId: run.id } })}
    />
  );
}
