"""Steps of the breast-cancer project, written as for ZenML (only the import differs)."""
