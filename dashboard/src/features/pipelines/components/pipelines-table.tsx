import { Link, useNavigate } from "@tanstack/react-router";
import type { Pipeline } from "@/api/types";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PipelineRowSummary } from "@/features/pipelines/components/pipeline-row-summary";
import { formatDateTime } from "@/lib/format";

export interface PipelinesTableProps {
  pipelines: Pipeline[];
}

/** Every pipeline with its run count and last run. */
export function PipelinesTable({ pipelines }: PipelinesTableProps) {
  const navigate = useNavigate();
  const columns: Column<Pipeline>[] = [
    {
      key: "name",
      header: "Pipeline",
      sortValue: (p) => p.name,
      render: (p) => (
        <Link
          to="/pipelines/$pipelineId"
          params={{ pipelineId: p.id }}
          onClick={(e) => e.stopPropagation()}
        >
          <strong>{p.name}</strong>
        </Link>
      ),
    },
    {
      key: "runs",
      header: "Runs and last run",
      render: (p) => <PipelineRowSummary pipelineId={p.id} />,
    },
    {
      key: "created",
      header: "First seen",
      sortValue: (p) => p.created,
      render: (p) => formatDateTime(p.created),
    },
  ];
  return (
    <DataTable
      label="Pipelines"
      columns={columns}
      rows={pipelines}
      rowKey={(p) => p.id}
      onRowOpen={(p) =>
        void navigate({ to: "/pipelines/$pipelineId", params: { pipelineId: p.id } })
      }
    />
  );
}
