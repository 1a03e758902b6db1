/** Every stack component type: its label, its glyph, and whether a stack needs one. */
import type { StackComponentType } from "@/api/types";

export interface ComponentTypeInfo {
  label: string;
  /** One or two letters drawn in the type's icon. */
  glyph: string;
  /** What a component of this type does, in one line. */
  purpose: string;
  /** A stack cannot run without one. */
  isRequired: boolean;
}

export const COMPONENT_TYPES: Record<StackComponentType, ComponentTypeInfo> = {
  orchestrator: {
    label: "Orchestrator",
    glyph: "O",
    purpose: "Decides where and when each step runs.",
    isRequired: true,
  },
  artifact_store: {
    label: "Artifact store",
    glyph: "A",
    purpose: "Keeps every step's outputs.",
    isRequired: true,
  },
  container_registry: {
    label: "Container registry",
    glyph: "CR",
    purpose: "Holds the images remote steps run in.",
    isRequired: false,
  },
  step_operator: {
    label: "Step operator",
    glyph: "SO",
    purpose: "Runs single steps on special hardware.",
    isRequired: false,
  },
  experiment_tracker: {
    label: "Experiment tracker",
    glyph: "ET",
    purpose: "Sends metrics to a tracking service.",
    isRequired: false,
  },
  model_deployer: {
    label: "Model deployer",
    glyph: "MD",
    purpose: "Serves model versions.",
    isRequired: false,
  },
  alerter: {
    label: "Alerter",
    glyph: "!",
    purpose: "Tells people when a run fails or completes.",
    isRequired: false,
  },
};

/** The types in the order pages show them: required first, as the server lists them. */
export const COMPONENT_TYPE_ORDER: readonly StackComponentType[] = [
  "orchestrator",
  "artifact_store",
  "container_registry",
  "step_operator",
  "experiment_tracker",
  "model_deployer",
  "alerter",
];

/** The type named in a URL, or undefined when it names none. */
export function parseComponentType(value: unknown): StackComponentType | undefined {
  return COMPONENT_TYPE_ORDER.find((type) => type === value);
}
