"""Small real pipelines used as fixtures by every suite."""
