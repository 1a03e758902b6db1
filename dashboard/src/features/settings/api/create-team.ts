import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Create a team with its first members. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (team: { name: string; members: string[] }) =>
      unwrap(api.POST("/api/v1/teams", { body: team })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.teams() }),
  });
}
