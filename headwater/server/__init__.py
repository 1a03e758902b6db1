"""The Headwater server: REST API under `/api/v1`, live events, auth, and the dashboard."""
