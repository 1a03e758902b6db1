import { Link } from "@tanstack/react-router";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { MetadataPoint } from "@/features/metadata/lib/explorer-search";
import { formatDateTime } from "@/lib/format";

export interface KeyEntitiesProps {
  points: MetadataPoint[];
  groupHeader: string;
}

const shownValue = (point: MetadataPoint) => point.value ?? point.text ?? null;

/** The newest entities carrying a key, newest first, each linking to its run. */
export function KeyEntities({ points, groupHeader }: KeyEntitiesProps) {
  const columns: Column<MetadataPoint>[] = [
    {
      key: "entity",
      header: "Carried by",
      sortValue: (p) => p.entity_name ?? "",
      render: (p) =>
        p.run_id ? (
          <Link to="/runs/$runId" params={{ runId: p.run_id }}>
            {p.entity_name}
          </Link>
        ) : (
          p.entity_name
        ),
    },
    { key: "group", header: groupHeader, sortValue: (p) => p.group ?? "", render: (p) => p.group },
    {
      key: "value",
      header: "Value",
      numeric: true,
      sortValue: shownValue,
      render: (p) => <code>{String(shownValue(p) ?? "")}</code>,
    },
    {
      key: "time",
      header: "Created",
      sortValue: (p) => p.time,
      render: (p) => formatDateTime(p.time),
    },
  ];
  return (
    <DataTable
      label="Entities carrying the key"
      columns={columns}
      rows={[...points].reverse()}
      rowKey={(p) => p.entity_id ?? p.time}
    />
  );
}
