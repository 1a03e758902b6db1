import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useModelVersions, VERSIONS_PAGE_SIZE } from "@/features/models/api/list-model-versions";
import { StageBadge } from "@/features/models/components/stage-badge";
import { VersionRunLink } from "@/features/models/components/version-run-link";
import {
  compareLinkSearch,
  MAX_COMPARED,
  MIN_COMPARED,
} from "@/features/models/lib/compare-search";
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

function ColumnPicker({
  keys,
  chosen,
  onChange,
}: {
  keys: string[];
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  if (keys.length === 0) return null;
  return (
    <fieldset className="column-picker" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="muted" style={{ float: "left", marginRight: 8 }}>
        Metadata columns:
      </legend>
      {keys.slice(0, 12).map((key) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={chosen.includes(key)}
            onChange={() =>
              onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key])
            }
          />
          {key}
        </label>
      ))}
    </fieldset>
  );
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
  const versions = useModelVersions(model.id, page, versionSortBy(search.sort));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const sort = search.sort ?? "-number";
  return (
    <QueryView
      query={versions}
      loadingLabel="Loading versions…"
      errorTitle="Could not load the versions"
    >
      {(data) => {
        if (data.total === 0) {
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
            <div className="row" style={{ justifyContent: "space-between", flexWrap: "wrap" }}>
              <ColumnPicker
                keys={metrics}
                chosen={columns}
                onChange={(next) => onSearchChange({ ...search, columns: next.join(",") })}
              />
              <Link
                to="/models/$name/compare"
                params={{ name: model.name }}
                search={compareLinkSearch(picked)}
                className="button small"
                disabled={picked.length < MIN_COMPARED || picked.length > MAX_COMPARED}
                aria-disabled={picked.length < MIN_COMPARED || picked.length > MAX_COMPARED}
              >
                Compare {picked.length >= MIN_COMPARED ? `${picked.length} versions` : "versions"}
              </Link>
              <span className="muted">
                Pick {MIN_COMPARED} to {MAX_COMPARED} versions to compare.
              </span>
            </div>
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
