import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/states";
import { useCurrentUser } from "@/lib/current-user";

export interface AdminOnlyProps {
  what: string;
  children: ReactNode;
}

/** Its children for server admins; for anyone else, who to ask instead. */
export function AdminOnly({ what, children }: AdminOnlyProps) {
  const me = useCurrentUser();
  if (me.data?.role === "admin") return <>{children}</>;
  return (
    <EmptyState title={`Only server admins manage ${what}`}>
      Ask a server admin if you need a change here.
    </EmptyState>
  );
}
