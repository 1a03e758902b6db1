import type { ArtifactVersion } from "@/api/types";
import { useVersionSeries } from "@/features/artifacts/api/list-artifact-versions";
import { formatDateTime } from "@/lib/format";

export interface VersionPickerProps {
  artifact: ArtifactVersion;
  /** The version compared with, if one is. */
  value: string | undefined;
  onChange: (artifactVersionId: string | undefined) => void;
}

/** "Compare with version…": the artifact's other versions, newest first. */
export function VersionPicker({ artifact, value, onChange }: VersionPickerProps) {
  const versions = useVersionSeries(artifact.artifact_id);
  const others = (versions.data?.items ?? []).filter((version) => version.id !== artifact.id);
  const isAlone = versions.isSuccess && others.length === 0;
  return (
    <label className="version-compare-picker">
      <span className="faint">Compare with</span>
      <select
        className="input"
        aria-label="Compare with version"
        value={value ?? ""}
        disabled={!versions.isSuccess || isAlone}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">
          {isAlone ? "no other version" : versions.isError ? "versions unavailable" : "version…"}
        </option>
        {others.map((version) => (
          <option key={version.id} value={version.id}>
            version {version.version} · {formatDateTime(version.created)}
          </option>
        ))}
      </select>
    </label>
  );
}
