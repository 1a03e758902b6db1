import { Handle, type Node, type NodeProps, Position, useStore } from "@xyflow/react";
import { memo } from "react";
import type { StepNodeData } from "@/features/run-graph/lib/build-graph";
import { STATUS_GLYPHS } from "@/features/run-graph/lib/node-glyphs";
import { STEP_DIAMETER, STEP_SIZE } from "@/features/run-graph/lib/node-size";
import { OVERVIEW_MAX_ZOOM } from "@/features/run-graph/lib/use-overview";
import { STATUS_STYLES } from "@/lib/status";

export type StepFlowNode = Node<StepNodeData, "step">;

// Names show from the zoom at which a large graph leaves its canvas overview.
const DETAIL_ZOOM = OVERVIEW_MAX_ZOOM;
// Edges meet the circle, not the edge of the (wider) label box.
const INSET = (STEP_SIZE.width - STEP_DIAMETER) / 2;

/** A step: a circle coloured by status, faded while waiting, with its name underneath. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const showLabel = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  const style = STATUS_STYLES[data.status];
  return (
    <div
      className={`dag-step${data.isWaiting ? " waiting" : ""}${data.status === "running" ? " running" : ""}`}
      style={{ width: STEP_SIZE.width, height: STEP_SIZE.height }}
      title={`${data.name} · ${data.isWaiting ? "Waiting" : style.label}`}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="dag-handle"
        style={{ top: STEP_DIAMETER / 2, left: INSET }}
      />
      <div
        className={`dag-circle${selected ? " selected" : ""}`}
        style={{
          width: STEP_DIAMETER,
          height: STEP_DIAMETER,
          background: style.background,
          borderColor: style.colour,
          color: style.colour,
        }}
      >
        {showLabel ? STATUS_GLYPHS[data.status] : null}
      </div>
      {showLabel ? <div className="dag-label">{data.name}</div> : null}
      <Handle
        type="source"
        position={Position.Right}
        className="dag-handle"
        style={{ top: STEP_DIAMETER / 2, right: INSET }}
      />
    </div>
  );
});
