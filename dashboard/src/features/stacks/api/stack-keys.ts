/** Every query key of the stacks feature in one place. */
import type { StackComponentType } from "@/api/types";
import { queryScopes } from "@/lib/query-scopes";

const STACKS = ["stacks"] as const;
const COMPONENTS = ["stack-components"] as const;
const CONNECTORS = ["service-connectors"] as const;

export const stackKeys = {
  all: STACKS,
  list: () => [...STACKS, "list"] as const,
  detail: (stackName: string) => [...STACKS, "detail", stackName] as const,
  active: () => [...STACKS, "active"] as const,
  creators: () => [...STACKS, "creators"] as const,
  /** Under the run lists' scope, so live run events refetch it. */
  runs: (stackId: string, size: number) =>
    [...queryScopes.runLists(), "stack", stackId, size] as const,
};

export const componentKeys = {
  all: COMPONENTS,
  list: () => [...COMPONENTS, "list"] as const,
  detail: (name: string, type: StackComponentType | undefined) =>
    [...COMPONENTS, "detail", name, type ?? "any"] as const,
  history: (componentId: string) => [...COMPONENTS, "history", componentId] as const,
  flavors: () => [...COMPONENTS, "flavors"] as const,
};

export const connectorKeys = {
  all: CONNECTORS,
  list: () => [...CONNECTORS, "list"] as const,
  detail: (name: string) => [...CONNECTORS, "detail", name] as const,
  types: () => [...CONNECTORS, "types"] as const,
  /** The last verification seen in this tab (the server keeps none), by connector name. */
  verification: (connectorName: string) => [...CONNECTORS, "verification", connectorName] as const,
};
