import { useQueries, useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

function versionQuery(modelName: string, number: number) {
  return {
    queryKey: modelKeys.version(modelName, number),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        api.GET("/api/v1/model-versions/{version}", {
          params: { path: { version: String(number) }, query: { model: modelName } },
          signal,
        }),
      ),
  };
}

/** A model's version by number. */
export function useModelVersion(modelName: string, number: number) {
  return useQuery(versionQuery(modelName, number));
}

/** Several versions of one model by number, in the order given. */
export function useModelVersionsByNumber(modelName: string, numbers: number[]) {
  return useQueries({ queries: numbers.map((number) => versionQuery(modelName, number)) });
}
