import type { Artifact } from "@/api/types";
import { ArtifactVersionsTable } from "@/features/artifacts/components/artifact-versions-table";
import { TagEditor } from "@/features/artifacts/components/tag-editor";
import { VersionChart } from "@/features/artifacts/components/version-chart";
import { VersionLineage } from "@/features/artifacts/components/version-lineage";
import type { ArtifactPageSearch } from "@/features/artifacts/lib/artifact-page-search";
import { formatCount } from "@/lib/format";

export interface ArtifactOverviewProps {
  artifact: Artifact;
  search: ArtifactPageSearch;
  onSearchChange: (next: ArtifactPageSearch) => void;
}

/** An artifact's page: its tags, versions, a chart across versions and their lineage. */
export function ArtifactOverview({ artifact, search, onSearchChange }: ArtifactOverviewProps) {
  const selectedId = search.version ?? artifact.latest_version?.id ?? null;
  return (
    <>
      <div className="page-header">
        <div className="titles">
          <span className="breadcrumb">Artifacts /</span>
          <h1>
            <span className="shape square" aria-hidden="true" /> {artifact.name}
          </h1>
          <span className="subtitle">
            {formatCount(artifact.version_count)}{" "}
            {artifact.version_count === 1 ? "version" : "versions"}
            {artifact.latest_version ? ` · ${artifact.latest_version.data_type}` : ""}
          </span>
        </div>
      </div>
      <TagEditor
        target="artifact"
        targetId={artifact.id}
        artifactId={artifact.id}
        tags={artifact.tags}
        label={`artifact ${artifact.name}`}
      />
      <div className="card card-body">
        <VersionChart
          artifactId={artifact.id}
          metadataKey={search.key}
          onKeyChange={(key) => onSearchChange({ ...search, key })}
        />
      </div>
      <div className="artifact-grid">
        <div className="card">
          <ArtifactVersionsTable
            artifactId={artifact.id}
            page={search.page ?? 1}
            onPage={(page) => onSearchChange({ ...search, page: page > 1 ? page : undefined })}
            selectedId={selectedId}
            onSelect={(version) => onSearchChange({ ...search, version: version.id })}
          />
        </div>
        <div className="card card-body">
          {selectedId ? (
            <VersionLineage artifactVersionId={selectedId} artifactId={artifact.id} />
          ) : (
            <span className="muted">No version to trace.</span>
          )}
        </div>
      </div>
    </>
  );
}
