import { useQuery } from "@tanstack/react-query";
import { modelKeys } from "@/features/models/api/model-keys";
import { api, unwrap } from "@/lib/api-client";

/** One model by name (or id), with its tags and promotion rules. */
export function useModel(name: string) {
  return useQuery({
    queryKey: modelKeys.detail(name),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/models/{model_id}", { params: { path: { model_id: name } }, signal }),
      ),
  });
}
