import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedViewSave } from "@/api/types";
import { runKeys } from "@/features/runs/api/run-keys";
import { api, unwrap, unwrapEmpty } from "@/lib/api-client";

/** The runs list's views are saved in the project its runs are recorded in by default. */
export const VIEWS_PROJECT = "default";

/** The saved views of a project, by name. */
export function useSavedViews(project: string = VIEWS_PROJECT) {
  return useQuery({
    queryKey: runKeys.savedViews(project),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/saved-views", {
          params: { path: { project_id: project } },
          signal,
        }),
      ),
    retry: false,
  });
}

/** Save (or overwrite one's own) view under a name. */
export function useSaveView(project: string = VIEWS_PROJECT) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, view }: { name: string; view: SavedViewSave }) =>
      unwrap(
        api.PUT("/api/v1/projects/{project_id}/saved-views/{name}", {
          params: { path: { project_id: project, name } },
          body: view,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: runKeys.savedViews(project) }),
  });
}

/** Delete a view (one's own, or any as a server admin). */
export function useDeleteView(project: string = VIEWS_PROJECT) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrapEmpty(
        api.DELETE("/api/v1/projects/{project_id}/saved-views/{name}", {
          params: { path: { project_id: project, name } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: runKeys.savedViews(project) }),
  });
}
