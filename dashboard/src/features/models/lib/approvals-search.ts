/** The approvals page's URL state: pending requests (the default) or all of them. */
export interface ApprovalsSearch {
  show?: "all";
}

export function parseApprovalsSearch(search: Record<string, unknown>): ApprovalsSearch {
  return search.show === "all" ? { show: "all" } : {};
}
