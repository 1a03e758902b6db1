import { Link, useNavigate } from "@tanstack/react-router";
import type { Artifact } from "@/api/types";
import { type Column, DataTable, type TableSort } from "@/components/ui/data-table";
import {
  CATALOG_SORT_FIELDS,
  type CatalogSearch,
  type CatalogSortField,
} from "@/features/artifacts/lib/catalog-search";
import { formatBytes, formatDateTime, formatRelativeTime } from "@/lib/format";

export interface ArtifactsTableProps {
  artifacts: Artifact[];
  search: CatalogSearch;
  onSearchChange: (next: CatalogSearch) => void;
}

/** The type's last dotted part (`pandas.core.frame.DataFrame` → `DataFrame`). */
function shortType(dataType: string): string {
  return dataType.split(".").pop() ?? dataType;
}

function producerCell(artifact: Artifact) {
  const latest = artifact.latest_version;
  if (!latest?.producer_run_id) return <span className="faint">—</span>;
  return (
    <span className="row" style={{ gap: 4 }}>
      <span className="shape circle" aria-hidden="true" />
      {latest.producer_step_name}
      <span className="faint">in</span>
      <Link
        to="/runs/$runId"
        params={{ runId: latest.producer_run_id }}
        search={latest.producer_step_run_id ? { step: latest.producer_step_run_id } : {}}
        onClick={(e) => e.stopPropagation()}
      >
        {latest.producer_run_name}
      </Link>
    </span>
  );
}

const COLUMNS: Column<Artifact>[] = [
  {
    key: "name",
    header: "Artifact",
    sortable: true,
    render: (a) => (
      <Link
        to="/artifacts/series/$artifactId"
        params={{ artifactId: a.id }}
        onClick={(e) => e.stopPropagation()}
      >
        <span className="shape square" aria-hidden="true" /> <strong>{a.name}</strong>
      </Link>
    ),
  },
  {
    key: "latest",
    header: "Latest",
    numeric: true,
    render: (a) =>
      a.latest_version ? (
        <span title={`${a.version_count} versions`}>v{a.latest_version.version}</span>
      ) : (
        <span className="faint">none</span>
      ),
  },
  {
    key: "type",
    header: "Type",
    render: (a) =>
      a.latest_version ? (
        <code title={a.latest_version.data_type}>{shortType(a.latest_version.data_type)}</code>
      ) : null,
  },
  {
    key: "tags",
    header: "Tags",
    render: (a) => (
      <span className="row" style={{ gap: 4 }}>
        {a.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </span>
    ),
  },
  { key: "producer", header: "Made by", render: producerCell },
  {
    key: "size",
    // The latest version's size, which the server sorts by.
    header: "Size",
    numeric: true,
    sortable: true,
    render: (a) => formatBytes(a.latest_version?.size_bytes),
  },
  {
    key: "created",
    // The server sorts by when the artifact was first saved, so that is what shows.
    header: "Created",
    sortable: true,
    render: (a) => <span title={formatDateTime(a.created)}>{formatRelativeTime(a.created)}</span>,
  },
];

/** Every artifact of the page with its latest version; sorted by the server. */
export function ArtifactsTable({ artifacts, search, onSearchChange }: ArtifactsTableProps) {
  const navigate = useNavigate();
  const sort: TableSort = { key: search.sort ?? "created", descending: search.desc !== false };
  const onSortChange = (next: TableSort) => {
    const field = CATALOG_SORT_FIELDS.find((f) => f === next.key) as CatalogSortField | undefined;
    onSearchChange({
      ...search,
      sort: field === "created" ? undefined : field,
      desc: next.descending ? undefined : false,
      page: undefined,
    });
  };
  return (
    <DataTable
      label="Artifacts"
      columns={COLUMNS}
      rows={artifacts}
      rowKey={(a) => a.id}
      sort={sort}
      onSortChange={onSortChange}
      onRowOpen={(a) =>
        void navigate({ to: "/artifacts/series/$artifactId", params: { artifactId: a.id } })
      }
    />
  );
}
