"""Pipelines of the breast-cancer project."""
