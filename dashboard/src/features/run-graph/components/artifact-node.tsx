import { Handle, type Node, type NodeProps, Position, useStore } from "@xyflow/react";
import { memo } from "react";
import type { ArtifactNodeData } from "@/features/run-graph/lib/build-graph";
import { ARTIFACT_SIDE, ARTIFACT_SIZE } from "@/features/run-graph/lib/node-size";
import { STATUS_STYLES } from "@/lib/status";

export type ArtifactFlowNode = Node<ArtifactNodeData, "artifact">;

const DETAIL_ZOOM = 0.6;
const INSET = (ARTIFACT_SIZE.width - ARTIFACT_SIDE) / 2;

/** An artifact: a square in its producer's status colour, its name underneath. */
export const ArtifactNode = memo(function ArtifactNode({
  data,
  selected,
}: NodeProps<ArtifactFlowNode>) {
  const showLabel = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  const style = STATUS_STYLES[data.status];
  const shortType = data.dataType.split(".").at(-1) ?? data.dataType;
  return (
    <div
      className="dag-artifact"
      style={{ width: ARTIFACT_SIZE.width, height: ARTIFACT_SIZE.height }}
      title={`${data.name} (${data.dataType})`}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="dag-handle"
        style={{ top: ARTIFACT_SIDE / 2, left: INSET }}
      />
      <div
        className={`dag-square${selected ? " selected" : ""}`}
        style={{
          width: ARTIFACT_SIDE,
          height: ARTIFACT_SIDE,
          borderColor: style.colour,
          background: style.background,
        }}
      />
      {showLabel ? (
        <div className="dag-label small">
          {data.name}
          <span className="faint"> · {shortType}</span>
        </div>
      ) : null}
      <Handle
        type="source"
        position={Position.Right}
        className="dag-handle"
        style={{ top: ARTIFACT_SIDE / 2, right: INSET }}
      />
    </div>
  );
});
