import { Link, useNavigate } from "@tanstack/react-router";
import { type Column, DataTable, type TableSort } from "@/components/ui/data-table";
import { useStageHolders } from "@/features/models/api/list-stage-holders";
import { LatestVersionCell } from "@/features/models/components/latest-version-cell";
import { StageHoldersCell } from "@/features/models/components/stage-holders-cell";
import { TagList } from "@/features/models/components/tag-list";
import { type ModelSort, toModelSort } from "@/features/models/lib/model-list-search";
import type { Model } from "@/features/models/lib/model-types";
import { holdersOf } from "@/features/models/lib/stage-holders";
import { formatCount, formatDateTime } from "@/lib/format";

export interface ModelsTableProps {
  models: Model[];
  sort: ModelSort | undefined;
  onSortChange: (sort: ModelSort) => void;
}

function tableSort(sort: ModelSort | undefined): TableSort {
  const chosen = sort ?? "name";
  return { key: chosen.replace("-", ""), descending: chosen.startsWith("-") };
}

/** Every model with its latest version, stage holders, tags and version count. */
export function ModelsTable({ models, sort, onSortChange }: ModelsTableProps) {
  const navigate = useNavigate();
  const holders = useStageHolders(models.map((m) => m.id));
  const columns: Column<Model>[] = [
    {
      key: "name",
      header: "Model",
      sortable: true,
      render: (m) => (
        <Link to="/models/$name" params={{ name: m.name }} onClick={(e) => e.stopPropagation()}>
          <strong>{m.name}</strong>
        </Link>
      ),
    },
    { key: "latest", header: "Latest", render: (m) => <LatestVersionCell modelId={m.id} /> },
    {
      key: "holders",
      header: "Production and staging",
      render: (m) => (
        <StageHoldersCell
          model={m}
          holders={holders.data ? holdersOf(holders.data, m.id) : undefined}
        />
      ),
    },
    { key: "tags", header: "Tags", render: (m) => <TagList tags={m.tags} /> },
    {
      key: "versions",
      header: "Versions",
      numeric: true,
      render: (m) => formatCount(m.version_count),
    },
    {
      key: "created",
      header: "Registered",
      sortable: true,
      render: (m) => formatDateTime(m.created),
    },
  ];
  return (
    <DataTable
      label="Models"
      columns={columns}
      rows={models}
      rowKey={(m) => m.id}
      sort={tableSort(sort)}
      onSortChange={(next) => onSortChange(toModelSort(next.key, next.descending))}
      onRowOpen={(m) => void navigate({ to: "/models/$name", params: { name: m.name } })}
    />
  );
}
