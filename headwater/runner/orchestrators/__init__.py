"""Orchestrators decide where and when each step of a run executes."""
