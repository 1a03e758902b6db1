"""Visualizers of the Dash integration."""
