import { QueryView } from "@/components/ui/query-view";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { EmptyState } from "@/components/ui/states";
import { useMetadataKeys } from "@/features/metadata/api/list-metadata-keys";
import { KeyCatalog } from "@/features/metadata/components/key-catalog";
import { KeyHistory } from "@/features/metadata/components/key-history";
import { type ExplorerSearch, RESOURCES } from "@/features/metadata/lib/explorer-search";

export interface MetadataExplorerProps {
  search: ExplorerSearch;
  onChange: (next: ExplorerSearch) => void;
}

/** The key catalog of one resource type beside the history of the key that is open. */
export function MetadataExplorer({ search, onChange }: MetadataExplorerProps) {
  const resource = search.resource ?? "run";
  const keys = useMetadataKeys(resource);
  return (
    <div className="section">
      <div className="row">
        <SegmentedControl
          label="Resource"
          options={RESOURCES}
          value={resource}
          onChange={(next) => onChange({ resource: next === "run" ? undefined : next })}
        />
      </div>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: search.key ? "minmax(300px, 2fr) minmax(0, 3fr)" : "1fr",
          gap: 16,
          alignItems: "start",
        }}
      >
        <div className="card card-body">
          <QueryView query={keys} loadingLabel="Loading keys…" errorTitle="Could not load the keys">
            {(found) =>
              found.length === 0 ? (
                <EmptyState title="No metadata yet">
                  Call{" "}
                  <code>
                    log_metadata({"{"}"accuracy": 0.93{"}"})
                  </code>{" "}
                  in a step (or run <code>make demo</code>) and its keys appear here.
                </EmptyState>
              ) : (
                <KeyCatalog keys={found} search={search} onChange={onChange} />
              )
            }
          </QueryView>
        </div>
        {search.key ? (
          <KeyHistory
            resource={resource}
            metadataKey={search.key}
            onClose={() => onChange({ ...search, key: undefined })}
          />
        ) : null}
      </div>
    </div>
  );
}
