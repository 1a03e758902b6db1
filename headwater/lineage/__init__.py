"""Run lineage: a run's steps and artifacts as a graph, and the renderers that draw it."""
