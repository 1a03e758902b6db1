/** Every query key of the settings area in one place. */
export const settingsKeys = {
  all: ["settings"] as const,
  projects: () => [...settingsKeys.all, "projects"] as const,
  members: (project: string) => [...settingsKeys.all, "members", project] as const,
  users: () => [...settingsKeys.all, "users"] as const,
  userAccounts: () => [...settingsKeys.all, "user-accounts"] as const,
  teams: () => [...settingsKeys.all, "teams"] as const,
  roles: () => [...settingsKeys.all, "roles"] as const,
  roleReach: (role: string) => [...settingsKeys.all, "role-reach", role] as const,
  serviceAccounts: () => [...settingsKeys.all, "service-accounts"] as const,
  apiKeys: (account: string) => [...settingsKeys.all, "api-keys", account] as const,
  myApiKeys: () => [...settingsKeys.all, "my-api-keys"] as const,
  audit: (filters: object) => [...settingsKeys.all, "audit", filters] as const,
  explain: (question: object) => [...settingsKeys.all, "explain", question] as const,
  effective: (user: string, project: string) =>
    [...settingsKeys.all, "effective", user, project] as const,
  hierarchy: () => [...settingsKeys.all, "hierarchy"] as const,
};
