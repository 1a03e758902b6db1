import { type Column, DataTable } from "@/components/ui/data-table";
import {
  type ExplorerSearch,
  filterKeys,
  METADATA_TYPES,
  type MetadataKey,
} from "@/features/metadata/lib/explorer-search";
import { formatCount, formatDateTime } from "@/lib/format";

export interface KeyCatalogProps {
  keys: MetadataKey[];
  search: ExplorerSearch;
  onChange: (next: ExplorerSearch) => void;
}

const COLUMNS: Column<MetadataKey>[] = [
  { key: "key", header: "Key", sortValue: (k) => k.key, render: (k) => <strong>{k.key}</strong> },
  { key: "types", header: "Type", render: (k) => k.types.join(", ") },
  {
    key: "count",
    header: "Carried by",
    numeric: true,
    sortValue: (k) => k.count,
    render: (k) => formatCount(k.count),
  },
  {
    key: "last",
    header: "Last seen",
    sortValue: (k) => k.last_seen,
    render: (k) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(k.last_seen)}</span>,
  },
];

// A table of every key of a big catalog would be slow to draw and to read: search narrows.
const MAX_ROWS = 500;

function countLabel(shown: number, total: number): string {
  const of =
    shown === total
      ? `${formatCount(total)} keys`
      : `${formatCount(shown)} of ${formatCount(total)} keys`;
  return shown > MAX_ROWS ? `${of}; the ${MAX_ROWS} most used are listed, search for others` : of;
}

/** The keys of one resource type, searchable by text and type; a row opens its history. */
export function KeyCatalog({ keys, search, onChange }: KeyCatalogProps) {
  const shown = filterKeys(keys, search);
  return (
    <div className="section">
      <div className="row">
        <input
          className="input grow"
          type="search"
          aria-label="Search keys"
          placeholder="Search keys"
          value={search.q ?? ""}
          onChange={(e) => onChange({ ...search, q: e.target.value || undefined })}
        />
        <select
          className="select"
          aria-label="Type"
          value={search.type ?? ""}
          onChange={(e) =>
            onChange({ ...search, type: METADATA_TYPES.find((t) => t === e.target.value) })
          }
        >
          <option value="">All types</option>
          {METADATA_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <span className="muted">{countLabel(shown.length, keys.length)}</span>
      <div className="table-wrap" style={{ maxHeight: 560 }}>
        <DataTable
          label="Metadata keys"
          columns={COLUMNS}
          rows={shown.slice(0, MAX_ROWS)}
          rowKey={(k) => k.key}
          onRowOpen={(k) => onChange({ ...search, key: k.key })}
        />
      </div>
    </div>
  );
}
