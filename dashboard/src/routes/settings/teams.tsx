import { createFileRoute } from "@tanstack/react-router";
import { TeamsPage } from "@/features/settings/components/teams-page";

export const Route = createFileRoute("/settings/teams")({ component: TeamsPage });
