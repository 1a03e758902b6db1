"""The Dash integration: an interactive lineage visualizer served from this process."""
