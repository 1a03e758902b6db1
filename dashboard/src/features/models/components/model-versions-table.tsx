import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useModelVersions, VERSIONS_PAGE_SIZE } from "@/features/models/api/list-model-versions";
import { StageBadge } from "@/features/models/components/stage-badge";
import { VersionRunLink } from "@/features/models/components/version-run-link";
import { VersionTableToolbar } from "@/features/models/components/version-table-toolbar";
import { metricKeys } from "@/features/models/lib/key-metric";
import {
  chosenColumns,
  type ModelPageSearch,
  toVersionSort,
  versionSortBy,
} from "@/features/models/lib/model-page-search";
import type { Model, ModelVersion } from "@/features/models/lib/model-types";
import { formatCount, formatDateTime, formatValue } from "@/lib/format";

export interface ModelVersionsTableProps {
  model: Model;
  search: ModelPageSearch;
  onSearchChange: (search: ModelPageSearch) => void;
}

function versionColumns(model: Model, metadataKeys: string[]): Column<ModelVersion>[] {
  const number: Column<ModelVersion> = {
    key: "number",
    header: "Version",
    sortable: true,
    render: (v) => (
      <Link
        to="/models/$name/versions/$number"
        params={{ name: model.name, number: String(v.number) }}
        onClick={(e) => e.stopPropagation()}
      >
        <strong>v{v.number}</strong>
        {v.name !== String(v.number) ? <span className="muted"> {v.name}</span> : null}
      </Link>
    ),
  };
  const metadata = metadataKeys.map((key) => ({
    key: `metadata:${key}`,
    header: key,
    numeric: true,
    render: (v: ModelVersion) => formatValue(v.metadata[key]?.value),
  }));
  return [
    number,
    {
      key: "stage",
      header: "Stage",
      sortable: true,
      render: (v) => <StageBadge stage={v.stage} />,
    },
    ...metadata,
    { key: "run", header: "Made by run", render: (v) => <VersionRunLink versionId={v.id} /> },
    { key: "created", header: "Created", sortable: true, render: (v) => formatDateTime(v.created) },
  ];
}

/** A model's versions, a page at a time, with chosen metadata columns and a compare pick. */
export function ModelVersionsTable({ model, search, onSearchChange }: ModelVersionsTableProps) {
  const navigate = useNavigate();
  const page = search.page ?? 1;
  const versions = useModelVersions(model.id, {
    page,
    sortBy: versionSortBy(search.sort),
    stage: search.stage,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const sort = search.sort ?? "-number";
  return (
    <QueryView
      query={versions}
      loadingLabel="Loading versions…"
      errorTitle="Could not load the versions"
    >
      {(data) => {
        if (data.total === 0 && !search.stage) {
          return (
            <EmptyState title="No versions yet">
              Run a pipeline with <code>model=Model(name="{model.name}")</code> to make one.
            </EmptyState>
          );
        }
        const metrics = metricKeys(model, data.items);
        const columns = chosenColumns(search, metrics);
        const picked = data.items
          .filter((v) => selected.has(v.id))
          .map((v) => v.number)
          .sort((a, b) => a - b);
        return (
          <div className="section" style={{ padding: "0 16px 14px" }}>
            <VersionTableToolbar
              modelName={model.name}
              metrics={metrics}
              columns={columns}
              picked={picked}
              search={search}
              onSearchChange={onSearchChange}
            />
            {data.total === 0 ? (
              <EmptyState title={`No version is in ${search.stage ?? "any stage"}`}>
                Choose another stage, or any.
              </EmptyState>
            ) : null}
            <DataTable
              label="Versions"
              columns={versionColumns(model, columns)}
              rows={data.items}
              rowKey={(v) => v.id}
              sort={{ key: sort.replace("-", ""), descending: sort.startsWith("-") }}
              onSortChange={(next) =>
                onSearchChange({
                  ...search,
                  page: undefined,
                  sort: toVersionSort(next.key, next.descending),
                })
              }
              selection={{
                selected,
                onChange: setSelected,
                rowLabel: (v) => `version ${v.number}`,
              }}
              onRowOpen={(v) =>
                void navigate({
                  to: "/models/$name/versions/$number",
                  params: { name: model.name, number: String(v.number) },
                })
              }
            />
            {data.total > VERSIONS_PAGE_SIZE ? (
              <PageNav
                label="Pages of versions"
                page={page}
                totalPages={Math.ceil(data.total / VERSIONS_PAGE_SIZE)}
                onPage={(next) => onSearchChange({ ...search, page: next })}
                suffix={` · ${formatCount(data.total)} versions`}
              />
            ) : null}
          </div>
        );
      }}
    </QueryView>
  );
}
