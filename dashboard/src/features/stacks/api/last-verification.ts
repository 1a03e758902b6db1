import { useQuery } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import type { TimedVerifications } from "@/features/stacks/lib/verification";

/** The last verification of a connector seen in this tab, if any: the server keeps none,
 * so this only reads what `useVerifyConnector` stored and never fetches. */
export function useLastVerification(connectorId: string) {
  return useQuery<TimedVerifications | null>({
    queryKey: connectorKeys.verification(connectorId),
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
