/** How the pages name each service connector type, and which type a URL asks for. */
import type { ServiceConnectorType } from "@/api/types";

export interface ConnectorTypeInfo {
  label: string;
  /** A short glyph for the type's icon. */
  glyph: string;
}

export const CONNECTOR_TYPES: Record<ServiceConnectorType, ConnectorTypeInfo> = {
  aws: { label: "AWS / S3-compatible", glyph: "S3" },
  gcp: { label: "Google Cloud", glyph: "GC" },
  azure: { label: "Azure", glyph: "Az" },
  generic: { label: "Generic key/values", glyph: "{}" },
};

export const CONNECTOR_TYPE_ORDER: readonly ServiceConnectorType[] = [
  "aws",
  "gcp",
  "azure",
  "generic",
];

/** A connector type from a URL's search, if it names one. */
export function parseConnectorType(raw: unknown): ServiceConnectorType | undefined {
  return CONNECTOR_TYPE_ORDER.find((type) => type === raw);
}
