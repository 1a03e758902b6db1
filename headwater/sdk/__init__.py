"""The objects users touch: `@step`, `@pipeline`, `ArtifactConfig` and the step context."""
