import { Link } from "@tanstack/react-router";
import { QueryView } from "@/components/ui/query-view";
import { useModelVersionLinks } from "@/features/models/api/get-model-version-links";
import { RunLink } from "@/features/models/components/version-run-link";
import type { ArtifactType, ModelVersionArtifact } from "@/features/models/lib/model-types";

export interface VersionLinksProps {
  versionId: string;
}

const KINDS: { type: ArtifactType; label: string }[] = [
  { type: "model", label: "Model" },
  { type: "data", label: "Data" },
  { type: "deployment", label: "Deployment" },
];

function ArtifactGroup({ label, artifacts }: { label: string; artifacts: ModelVersionArtifact[] }) {
  return (
    <div className="field">
      <h3>{label} artifacts</h3>
      {artifacts.length === 0 ? (
        <span className="faint">None linked</span>
      ) : (
        <ul className="lineage-list" aria-label={`${label} artifacts`}>
          {artifacts.map((a) => (
            <li key={a.artifact_version_id}>
              <Link
                to="/artifacts/$artifactVersionId"
                params={{ artifactVersionId: a.artifact_version_id }}
              >
                {a.artifact_name}
              </Link>{" "}
              <span className="muted">version {a.version}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The artifacts linked to a version, by kind, and the runs that made and used it. */
export function VersionLinks({ versionId }: VersionLinksProps) {
  const links = useModelVersionLinks(versionId);
  return (
    <QueryView
      query={links}
      loadingLabel="Loading its artifacts and runs…"
      errorTitle="Could not load its links"
    >
      {(data) => {
        const [maker, ...users] = data.run_ids;
        return (
          <div className="section">
            {KINDS.map((kind) => (
              <ArtifactGroup
                key={kind.type}
                label={kind.label}
                artifacts={data.artifacts.filter((a) => a.artifact_type === kind.type)}
              />
            ))}
            <div className="field">
              <h3>Made by</h3>
              {maker ? (
                <RunLink runId={maker} />
              ) : (
                <span className="faint">Registered by hand, no run</span>
              )}
            </div>
            <div className="field">
              <h3>Used by</h3>
              {users.length === 0 ? (
                <span className="faint">No other run used it yet</span>
              ) : (
                <ul className="lineage-list" aria-label="Runs that used it">
                  {users.map((runId) => (
                    <li key={runId}>
                      <RunLink runId={runId} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        );
      }}
    </QueryView>
  );
}
