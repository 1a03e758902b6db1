import { useQuery } from "@tanstack/react-query";
import { connectorKeys } from "@/features/stacks/api/stack-keys";
import type { TimedVerifications } from "@/features/stacks/lib/verification";
import { recalledVerification } from "@/features/stacks/lib/verification-memory";

/** The last verification of a connector seen in this tab, if any (the server keeps none;
 * see verification-memory.ts). */
export function useLastVerification(connectorName: string) {
  return useQuery<TimedVerifications | null>({
    queryKey: connectorKeys.verification(connectorName),
    queryFn: () => recalledVerification(connectorName),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
