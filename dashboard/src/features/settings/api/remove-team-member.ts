import { useMutation, useQueryClient } from "@tanstack/react-query";
import { settingsKeys } from "@/features/settings/api/settings-keys";
import { api, unwrap } from "@/lib/api-client";

/** Remove a user from a team. */
export function useRemoveTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ team, user }: { team: string; user: string }) =>
      unwrap(
        api.DELETE("/api/v1/teams/{team_id}/members/{user_name}", {
          params: { path: { team_id: team, user_name: user } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.teams() }),
  });
}
