import { Link } from "@tanstack/react-router";
import type { ArtifactVersion } from "@/api/types";
import { PageNav } from "@/components/ui/page-nav";
import { QueryView } from "@/components/ui/query-view";
import { EmptyState } from "@/components/ui/states";
import { useArtifactVersions } from "@/features/artifacts/api/list-artifact-versions";
import { type Producer, useProducers } from "@/features/artifacts/api/list-producers";
import { formatBytes, formatCount, formatDateTime, formatRelativeTime } from "@/lib/format";

export interface ArtifactVersionsTableProps {
  artifactId: string;
  page: number;
  onPage: (page: number) => void;
  /** The version whose lineage is shown beside the table. */
  selectedId: string | null;
  onSelect: (version: ArtifactVersion) => void;
}

function ProducerCell({ producer }: { producer: Producer | undefined }) {
  if (!producer) return <span className="faint">—</span>;
  return (
    <span className="row" style={{ gap: 4 }}>
      <span className="shape circle" aria-hidden="true" />
      {producer.stepName}
      <span className="faint">in</span>
      <Link
        to="/runs/$runId"
        params={{ runId: producer.runId }}
        search={{ step: producer.stepRunId }}
        onClick={(e) => e.stopPropagation()}
      >
        {producer.runName}
      </Link>
    </span>
  );
}

interface RowsProps {
  versions: ArtifactVersion[];
  producers: Map<string, Producer> | undefined;
  selectedId: string | null;
  onSelect: (version: ArtifactVersion) => void;
}

function VersionRows({ versions, producers, selectedId, onSelect }: RowsProps) {
  return (
    <tbody>
      {versions.map((version) => (
        <tr
          key={version.id}
          className={`clickable${version.id === selectedId ? " selected" : ""}`}
          aria-selected={version.id === selectedId}
          tabIndex={0}
          onClick={() => onSelect(version)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === " ") {
              event.preventDefault();
              onSelect(version);
            }
          }}
        >
          <td className="num">
            <Link
              to="/artifacts/$artifactVersionId"
              params={{ artifactVersionId: version.id }}
              onClick={(e) => e.stopPropagation()}
            >
              v{version.version}
            </Link>
          </td>
          <td title={formatDateTime(version.created)}>{formatRelativeTime(version.created)}</td>
          <td className="num">{formatBytes(version.size_bytes)}</td>
          <td>
            <ProducerCell
              producer={
                version.producer_step_run_id
                  ? producers?.get(version.producer_step_run_id)
                  : undefined
              }
            />
          </td>
          <td>
            <span className="row" style={{ gap: 4 }}>
              {version.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/** Every version of the artifact, newest first, a page at a time; a row selects it. */
export function ArtifactVersionsTable(props: ArtifactVersionsTableProps) {
  const { artifactId, page, onPage, selectedId, onSelect } = props;
  const versions = useArtifactVersions(artifactId, page);
  const producerIds = (versions.data?.items ?? []).flatMap((v) =>
    v.producer_step_run_id ? [v.producer_step_run_id] : [],
  );
  const producers = useProducers(producerIds);
  return (
    <QueryView
      query={versions}
      loadingLabel="Loading versions…"
      errorTitle="Could not load the versions"
    >
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title="No versions left">
            Pruning removed every version; the next run that saves it makes a new one.
          </EmptyState>
        ) : (
          <div className="section">
            <div className="table-wrap">
              <table className="data" aria-label="Versions">
                <thead>
                  <tr>
                    <th className="num">Version</th>
                    <th>Created</th>
                    <th className="num">Size</th>
                    <th>Made by</th>
                    <th>Tags</th>
                  </tr>
                </thead>
                <VersionRows
                  versions={data.items}
                  producers={producers.data}
                  selectedId={selectedId}
                  onSelect={onSelect}
                />
              </table>
            </div>
            <div className="row card-body" style={{ justifyContent: "space-between" }}>
              <span className="muted">
                {formatCount(data.total)} {data.total === 1 ? "version" : "versions"}
              </span>
              {data.total_pages > 1 ? (
                <PageNav
                  page={data.index}
                  totalPages={data.total_pages}
                  onPage={onPage}
                  label="Pages of versions"
                  newestFirst
                />
              ) : null}
            </div>
          </div>
        )
      }
    </QueryView>
  );
}
